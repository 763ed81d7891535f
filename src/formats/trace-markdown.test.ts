import { describe, expect, it } from 'vitest';
import type { Trace } from '../check/contract/types';
import { traceToMarkdown } from './trace-markdown';

const n = (k: number) => ({ '#bigint': String(k) });

describe('traceToMarkdown', () => {
  it('writes one row per state with changed values in bold and pipes escaped', () => {
    const trace: Trace = {
      vars: ['x', 'msg'],
      states: [
        { x: n(0), msg: 'a|b' },
        { x: n(1), msg: 'a|b' },
      ],
      steps: [
        { action: 'Init', params: [], label: 'Initial predicate' },
        { action: 'Inc', params: [{ name: 'p', value: n(1) }], label: 'Inc(1)' },
      ],
      loop: 0,
    };
    expect(traceToMarkdown(trace, { title: 'Spec: Inv violated' })).toBe(
      [
        '**Spec: Inv violated**',
        '',
        '| # | Action | x | msg |',
        '|---:|---|---|---|',
        '| 1 ↺ | Initial predicate | `0` | `"a\\|b"` |',
        '| 2 | Inc(1) | **`1`** | `"a\\|b"` |',
        '',
        'The behaviour loops back to state 1 (↺) forever.',
        '',
      ].join('\n'),
    );
  });
});
