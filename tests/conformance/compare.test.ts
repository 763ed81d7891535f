import { describe, expect, it } from 'vitest';
import type { DotGraph } from '../../src/formats/dot';
import { compareGraphs, compareModel, type Observed } from '../../scripts/conformance/compare';
import { readExpected, tlcTraceLength, type ExpectedModel } from '../../scripts/conformance/corpus';

const tlc = (over: Partial<ExpectedModel>): ExpectedModel => ({
  module: 'M.tla',
  config: 'M.cfg',
  result: 'success',
  distinctStates: 10,
  generatedStates: 20,
  depth: 3,
  tlcSeconds: 1,
  tlcGeneratedPerSecond: 20,
  features: [],
  ...over,
});

const ours = (over: Partial<Observed>): Observed => ({
  result: 'success',
  distinctStates: 10,
  generatedStates: 20,
  depth: 3,
  durationMs: 5,
  ...over,
});

describe('compareModel', () => {
  it('matches a success on distinct states and depth', () => {
    expect(compareModel(tlc({}), ours({ generatedStates: 99 }))).toEqual({
      status: 'match',
      reasons: [],
    });
    expect(compareModel(tlc({}), ours({ distinctStates: 11, depth: 4 }))).toEqual({
      status: 'mismatch',
      reasons: ['distinct states 11, TLC 10', 'depth 4, TLC 3'],
    });
  });

  it('never counts a success with unchecked properties as a match', () => {
    expect(compareModel(tlc({}), ours({ uncheckedProperties: ['Live'] }))).toEqual({
      status: 'mismatch',
      reasons: ['PROPERTIES not checked: Live'],
    });
    // A violation found stops the search before properties matter, in TLC as in ours.
    const safety = tlc({ result: 'safety failure', traceLength: 3 });
    expect(
      compareModel(
        safety,
        ours({ result: 'safety failure', traceLength: 3, uncheckedProperties: ['Live'] }),
      ).status,
    ).toBe('match');
  });

  it('names the worst defect: TLC finds a violation, we say success', () => {
    const r = compareModel(tlc({ result: 'safety failure', traceLength: 7 }), ours({}));
    expect(r.status).toBe('MISSED VIOLATION');
    expect(compareModel(tlc({}), ours({ result: 'deadlock failure' })).status).toBe('FALSE ALARM');
    expect(
      compareModel(tlc({ result: 'safety failure' }), ours({ result: 'deadlock failure' })).status,
    ).toBe('WRONG VERDICT');
    expect(compareModel(tlc({}), ours({ result: 'error', error: 'boom' }))).toEqual({
      status: 'error',
      reasons: ['boom'],
    });
  });

  it('compares counterexample lengths of safety violations, not the counts at the stop', () => {
    const expected = tlc({ result: 'safety failure', traceLength: 7, distinctStates: 14 });
    expect(
      compareModel(expected, ours({ result: 'safety failure', traceLength: 7, distinctStates: 15 }))
        .status,
    ).toBe('match');
    expect(
      compareModel(expected, ours({ result: 'safety failure', traceLength: 8 })).reasons,
    ).toEqual(['counterexample of 8 states, TLC 7']);
    expect(
      compareModel(
        tlc({ result: 'liveness failure', traceLength: 4 }),
        ours({ result: 'liveness failure', traceLength: 9 }),
      ).status,
    ).toBe('match');
  });
});

describe('corpus', () => {
  it('has a TLC trace, and so a length, for every violation in expected.tsv', () => {
    const violations = readExpected().filter((m) => m.result !== 'success');
    expect(violations.length).toBeGreaterThan(5);
    for (const m of violations) expect(m.traceLength, m.config).toBeGreaterThan(0);
    expect(tlcTraceLength('DieHard/DieHard.cfg')).toBe(7);
    // expected.tsv has CRLF line ends: the last column must not keep the CR.
    expect(readExpected().filter((m) => m.features.includes('PROPERTY')).length).toBeGreaterThan(
      40,
    );
  });
});

describe('compareGraphs', () => {
  const graph = (states: string[], edges: string[], initial: string[]): DotGraph => ({
    states: new Map(states.map((s) => [s, {}])),
    initial: new Set(initial),
    edges: new Set(edges),
    edgeActions: new Map(),
  });

  it('compares states, initial states and edges as sets', () => {
    const a = graph(['s', 't'], ['s>t'], ['s']);
    expect(compareGraphs(a, graph(['t', 's'], ['s>t'], ['s'])).match).toBe(true);
    expect(compareGraphs(a, graph(['s', 'u'], ['s>u', 's>s'], ['u']))).toEqual({
      match: false,
      tlcStates: 2,
      ourStates: 2,
      missingStates: 1,
      extraStates: 1,
      tlcEdges: 1,
      ourEdges: 2,
      missingEdges: 1,
      extraEdges: 2,
      initialStatesMatch: false,
    });
  });
});
