import { describe, expect, it } from 'vitest';
import { formatState, formatValue } from './formatValue';

const n = (k: number) => ({ '#bigint': String(k) });

describe('formatValue', () => {
  it('prints scalars as TLA+', () => {
    expect(formatValue(true)).toBe('TRUE');
    expect(formatValue(false)).toBe('FALSE');
    expect(formatValue(n(-42))).toBe('-42');
    expect(formatValue('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(formatValue({ '#mv': 'p1' })).toBe('p1');
  });

  it('prints sets, sequences, records and functions', () => {
    expect(formatValue({ '#set': [n(1), n(2)] })).toBe('{1, 2}');
    expect(formatValue({ '#set': [] })).toBe('{}');
    expect(formatValue([n(1), 'a'])).toBe('<<1, "a">>');
    expect(formatValue([])).toBe('<<>>');
    expect(formatValue({ type: 'ack', from: { '#mv': 'p1' } })).toBe(
      '[type |-> "ack", from |-> p1]',
    );
    expect(
      formatValue({
        '#map': [
          [n(0), true],
          [n(5), false],
        ],
      }),
    ).toBe('(0 :> TRUE @@ 5 :> FALSE)');
  });

  it('prints a state as TLC does', () => {
    expect(formatState({ big: n(3), small: n(0) }, ['small', 'big'])).toBe(
      '/\\ small = 0\n/\\ big = 3',
    );
  });
});
