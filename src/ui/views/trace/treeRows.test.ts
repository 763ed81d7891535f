import { describe, expect, it } from 'vitest';
import { diffStates } from './stateDiff';
import { treeRows, type TreeInput, type TreeRow } from './treeRows';
import type { TraceState, TraceValue } from '../../../trace/value';

const n = (x: number): TraceValue => ({ '#bigint': String(x) });
const mv = (name: string): TraceValue => ({ '#mv': name });

const before: TraceState = {
  x: n(1),
  rm: {
    '#map': [
      [mv('r1'), 'working'],
      [mv('r2'), 'working'],
    ],
  },
  msgs: {
    '#set': [
      { type: 'Prepared', rm: mv('r1') },
      { type: 'Abort', rm: mv('r2') },
    ],
  },
};
const after: TraceState = {
  x: n(1),
  rm: {
    '#map': [
      [mv('r1'), 'prepared'],
      [mv('r2'), 'working'],
    ],
  },
  msgs: {
    '#set': [
      { type: 'Prepared', rm: mv('r1') },
      { type: 'Commit', rm: mv('r1') },
    ],
  },
};
const vars = ['x', 'rm', 'msgs'];

function rows(change: Partial<TreeInput> = {}): TreeRow[] {
  return treeRows({
    state: after,
    vars,
    diff: diffStates(before, after, vars),
    expanded: new Set(),
    onlyChanged: false,
    ...change,
  });
}

/** One line per row: indentation, kind, label or path, change. */
const show = (r: TreeRow) =>
  '  '.repeat(r.depth) +
  (r.kind === 'value'
    ? `${r.path}${r.expanded ? ' (open)' : ''}${r.diff ? ` ${r.diff.change}` : ''}`
    : r.kind === 'tableHead'
      ? `| ${r.columns.join(' | ')} |`
      : r.kind === 'tableRow'
        ? `| ${r.columns.map((c) => (r.value[c] as { '#mv'?: string })['#mv'] ?? r.value[c]).join(' | ')} |${r.diff ? ` ${r.diff.change}` : ''}`
        : `${r.hidden} more`);

describe('treeRows', () => {
  it('lists the variables, closed, with their changes', () => {
    expect(rows().map(show)).toEqual(['x', 'rm changed', 'msgs changed']);
  });

  it('lists the parts of opened values, a collection of records as a table, removals last', () => {
    const open = new Set(['rm', 'msgs']);
    expect(rows({ expanded: open }).map(show)).toEqual([
      'x',
      'rm (open) changed',
      '  rm[r1] changed',
      '  rm[r2]',
      'msgs (open) changed',
      '  | type | rm |',
      '  | Prepared | r1 |',
      '  | Commit | r1 | added',
      '  | Abort | r2 | removed',
    ]);
  });

  it('lists only changed parts when asked, and cuts long values short', () => {
    const open = new Set(['rm']);
    expect(rows({ expanded: open, onlyChanged: true }).map(show)).toEqual([
      'x',
      'rm (open) changed',
      '  rm[r1] changed',
      'msgs changed',
    ]);
    expect(rows({ expanded: open, shownParts: new Map([['rm', 1]]) }).map(show)).toEqual([
      'x',
      'rm (open) changed',
      '  rm[r1] changed',
      '  1 more',
      'msgs changed',
    ]);
  });

  it('keeps the ids of rows from step to step, so opened values stay open', () => {
    const open = rows({ expanded: new Set(['rm']) });
    const r1 = open.find((r) => r.kind === 'value' && r.path === 'rm[r1]')!;
    const again = rows({ expanded: new Set(['rm', r1.id]) });
    expect(again.map((r) => r.id)).toContain(r1.id);
  });
});
