import { describe, expect, it } from 'vitest';
import type { Progress, Trace } from '../../check/contract/types';
import { growingVariables, valueSize } from './growth';
import { deepening } from './unbounded';
import type { TraceState } from '../../trace/value';

const int = (n: number) => ({ '#bigint': String(n) });
const sample = (depth: number, distinctStates: number, elapsedMs: number): Progress => ({
  depth,
  distinctStates,
  generatedStates: distinctStates,
  queueSize: 1,
  elapsedMs,
});

function trace(vars: string[], states: TraceState[]): Trace {
  return {
    vars,
    states,
    steps: states.map((_, i) => ({ action: i ? 'Next' : 'Init', params: [], label: 'Next' })),
  };
}

describe('deepening', () => {
  it('flags a counter: one state per level, still going deeper', () => {
    const history = [100, 200, 400, 800].map((d, i) => sample(d, d + 1, i * 250));
    expect(deepening(history)).toEqual({ depth: 800, distinctStates: 801 });
  });

  it('leaves shallow and finished-deepening searches alone', () => {
    // DieHard-like: shallow.
    expect(deepening([sample(3, 9, 0), sample(5, 12, 100), sample(7, 14, 200)])).toBeUndefined();
    // Deep, but no longer getting deeper: the last levels are wide.
    const flat = [sample(150, 10_000, 0), sample(150, 20_000, 100), sample(151, 30_000, 200)];
    expect(deepening(flat)).toBeUndefined();
    // Deep and wide (a large finite model mid-way): only past the very-deep mark.
    const wide = [sample(120, 1e6, 0), sample(150, 2e6, 100), sample(200, 3e6, 200)];
    expect(deepening(wide)).toBeUndefined();
    const veryDeep = [sample(300, 1e7, 0), sample(400, 2e7, 100), sample(600, 3e7, 200)];
    expect(deepening(veryDeep)?.depth).toBe(600);
  });
});

describe('growingVariables', () => {
  it('names the variables that grow, not those that go round or change shape', () => {
    const states: TraceState[] = [];
    for (let i = 0; i <= 60; i++) {
      states.push({
        n: int(i),
        flag: i % 2 === 0,
        mod: int(i % 3),
        log: Array.from({ length: Math.floor(i / 2) }, () => 'tick'),
        ring: ['a', 'b', 'c'].map((_, k) => ['a', 'b', 'c'][(k + i) % 3]),
      });
    }
    const found = growingVariables([trace(['n', 'flag', 'mod', 'log', 'ring'], states)]);
    expect(found.map((v) => v.name)).toEqual(['n', 'log']);
    expect(found[0]).toEqual({ name: 'n', from: '0', to: '60', steps: 60 });
  });

  it('says nothing from short behaviours', () => {
    const states = Array.from({ length: 10 }, (_, i) => ({ n: int(i) }));
    expect(growingVariables([trace(['n'], states)])).toEqual([]);
  });

  it('measures values by magnitude and element count', () => {
    expect(valueSize(int(-7))).toBe(7);
    expect(valueSize({ '#set': [int(1), int(2)] })).toBe(2 + 3);
    expect(valueSize({ a: 'x', b: [true] })).toBe(2 + 1);
  });
});
