import { describe, expect, it } from 'vitest';
import { describeChange, diffStates, diffValues, flattenDiff } from './stateDiff';
import type { TraceValue } from '../../../trace/value';

const n = (x: number): TraceValue => ({ '#bigint': String(x) });
const set = (...xs: TraceValue[]): TraceValue => ({ '#set': xs });
const mv = (name: string): TraceValue => ({ '#mv': name });
const fn = (...entries: [TraceValue, TraceValue][]): TraceValue => ({ '#map': entries });

/** The diff of two values as `describeChange` lines, for readable expectations. */
const changes = (before: TraceValue, after: TraceValue, path = 'x') => {
  const d = diffValues(before, after);
  return d ? flattenDiff(path, d).map(describeChange) : [];
};

describe('diffValues', () => {
  it('finds no change between equal values, even with sets listed in another order', () => {
    expect(diffValues(n(1), n(1))).toBeUndefined();
    expect(diffValues(set(n(1), n(2)), set(n(2), n(1)))).toBeUndefined();
    expect(diffValues({ a: n(1), b: 'x' }, { b: 'x', a: n(1) })).toBeUndefined();
  });

  it('replaces scalars and values of another kind whole', () => {
    expect(changes(n(0), n(3), 'small')).toEqual(['~ small: 0 → 3']);
    expect(changes(set(n(1)), [n(1)], 'q')).toEqual(['~ q: {1} → <<1>>']);
  });

  it('lists set elements added and removed', () => {
    const before = set({ type: 'Prepared', rm: mv('r1') });
    const after = set(
      { type: 'Prepared', rm: mv('r1') },
      { type: 'Prepared', rm: mv('r2') },
      {
        type: 'Commit',
      },
    );
    expect(changes(before, after, 'msgs')).toEqual([
      '+ msgs: [type |-> "Prepared", rm |-> r2]',
      '+ msgs: [type |-> "Commit"]',
    ]);
    expect(changes(after, set({ type: 'Commit' }), 'msgs')).toEqual([
      '− msgs: [type |-> "Prepared", rm |-> r1]',
      '− msgs: [type |-> "Prepared", rm |-> r2]',
    ]);
  });

  it('goes down into records and functions to the entry that changed', () => {
    const before = fn([mv('r1'), 'working'], [mv('r2'), 'working']);
    const after = fn([mv('r1'), 'working'], [mv('r2'), 'prepared']);
    expect(changes(before, after, 'rmState')).toEqual(['~ rmState[r2]: "working" → "prepared"']);

    const nested = (s: string, extra?: TraceValue) => ({
      p1: { pc: 'a', inbox: extra === undefined ? set() : set(extra) },
      p2: { pc: s, inbox: set() },
    });
    expect(changes(nested('a'), nested('b', n(7)), 'procs')).toEqual([
      '+ procs.p1.inbox: 7',
      '~ procs.p2.pc: "a" → "b"',
    ]);
    // Fields that appear and disappear.
    expect(changes({ a: n(1) }, { a: n(1), b: n(2) }, 'r')).toEqual(['+ r.b: 2']);
    expect(changes({ a: n(1), b: n(2) }, { a: n(1) }, 'r')).toEqual(['− r.b: 2']);
    // Keys that are not field names are printed as TLA+ values.
    expect(changes({ 'a b': n(1) }, { 'a b': n(2) }, 'r')).toEqual(['~ r["a b"]: 1 → 2']);
  });

  it('reports a change inside a set element as a removal and an addition', () => {
    expect(changes(set({ k: n(1) }), set({ k: n(2) }), 's')).toEqual([
      '+ s: [k |-> 2]',
      '− s: [k |-> 1]',
    ]);
  });

  it('aligns sequences: appended, taken from the head, changed in place', () => {
    expect(changes([], [n(1)], 'q')).toEqual(['+ q[1]: 1']);
    expect(changes([n(1), n(2)], [n(1), n(2), n(3)], 'q')).toEqual(['+ q[3]: 3']);
    expect(changes([n(1), n(2), n(3)], [n(2), n(3)], 'q')).toEqual(['− q[1]: 1']);
    expect(changes([n(1), n(2), n(3)], [n(2), n(3), n(4)], 'q')).toEqual([
      '− q[1]: 1',
      '+ q[3]: 4',
    ]);
    expect(changes([n(1), n(2), n(3)], [n(1), n(9), n(3)], 'q')).toEqual(['~ q[2]: 2 → 9']);
    expect(changes(['a', { v: n(1) }], ['a', { v: n(2) }], 'log')).toEqual(['~ log[2].v: 1 → 2']);
  });

  it('handles long sequences without aligning every pair', () => {
    const long = Array.from({ length: 1000 }, (_, i) => n(i));
    const shifted = [...long.slice(1), n(1000)];
    expect(changes(long, shifted, 'q')).toEqual(['− q[1]: 0', '+ q[1000]: 1000']);
  });
});

describe('diffStates', () => {
  it('has no changes for the first state and names the variables that changed', () => {
    const s0 = { small: n(0), big: n(0) };
    const s1 = { small: n(0), big: n(5) };
    expect(diffStates(undefined, s0, ['small', 'big']).size).toBe(0);
    const d = diffStates(s0, s1, ['small', 'big']);
    expect([...d.keys()]).toEqual(['big']);
    expect(d.get('big')).toMatchObject({ change: 'changed', before: n(0), after: n(5) });
  });

  it('marks variables that one state lacks (an imported trace) as added or removed', () => {
    const d = diffStates({ a: n(1) }, { b: n(1) }, ['a', 'b']);
    expect(d.get('a')?.change).toBe('removed');
    expect(d.get('b')?.change).toBe('added');
  });
});

describe('diffValues on sequences that share nothing', () => {
  it('pairs entries by position when aligning would take too many edits', () => {
    const a = Array.from({ length: 300 }, (_, i) => n(i));
    const b = Array.from({ length: 301 }, (_, i) => n(i + 1000));
    const lines = changes(a, b, 'q');
    expect(lines).toHaveLength(301);
    expect(lines[0]).toBe('~ q[1]: 0 → 1000');
    expect(lines[300]).toBe('+ q[301]: 1300');
  });
});
