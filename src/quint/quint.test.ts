import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import { checkModel } from '../check/check';
import { simulateModel } from '../check/search/simulate/simulate';
import { pathOfTrace } from '../check/explore/explore';
import type { Trace } from '../check/contract/types';
import {
  analyzeQuint,
  loadQuint,
  lowerQuintFiles,
  quintDefinitionAt,
  quintRequest,
  quintTypeAt,
} from '.';
import { fromItfTrace, quintItf } from './itf';

/** A file of ./testdata as text. */
const testdata = (name: string) =>
  readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const counter = testdata('counter.qnt');
const files = [{ name: 'counter.qnt', text: counter }];

beforeAll(async () => {
  await loadQuint();
}, 60_000);

describe('Quint front end', () => {
  it('accepts a well-typed spec and lists its modules', () => {
    const a = analyzeQuint(files, 'counter.qnt');
    expect(a.diagnostics).toEqual([]);
    expect(a.modules.map((m) => m.name)).toEqual(['counter', 'counter3']);
  });

  it('goes to the definition of a name and says its type', () => {
    // Line 23: `    log' = log.append(n),`; the `log` read at column 12 is the var of line 8.
    const at = { file: 'counter.qnt', line: 23, column: 12 };
    expect(quintDefinitionAt(files, 'counter.qnt', at)).toMatchObject({
      module: 'counter.qnt',
      start: { line: 8, column: 3 },
    });
    expect(quintTypeAt(files, 'counter.qnt', at)).toMatchObject({
      type: 'List[int]',
      range: { start: { line: 23, column: 12 }, end: { line: 23, column: 15 } },
    });
  });

  it("reports Quint's type error with its range", () => {
    const text = 'module m {\n  var x: int\n  action init = x\' = "a"\n}\n';
    const a = analyzeQuint([{ name: 'm.qnt', text }], 'm.qnt');
    expect(a.diagnostics.length).toBeGreaterThan(0);
    const d = a.diagnostics[0];
    expect(d.severity).toBe('error');
    expect(d.range.module).toBe('m.qnt');
    expect(d.range.start.line).toBe(3);
  });
});

describe('Quint checked by the engine', () => {
  // Hand-counted: the states are the paths of steps d ∈ {1, 2} from 0 while n < 3 (the log records
  // each), 1 + 2 + 4 + 2 = 9; reset goes back to the initial state.
  it('counts the states of a Quint spec with an instance, lists, sum types and nondet', async () => {
    const r = await checkModel(
      quintRequest(files, 'counter3', {
        invariants: ['firstIsZero', 'arithmetic', 'lastBusy'],
      }),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toBe('success');
    expect(r.distinctStates).toBe(9);
    expect(r.depth).toBe(4);
  });

  it('finds the shortest violation of an invariant', async () => {
    const r = await checkModel(quintRequest(files, 'counter3', { invariants: ['small'] }));
    expect(r.result).toBe('safety failure');
    expect(r.violated).toBe('small');
    // 0 → 1 → 3 (or 0 → 2 → 3): three states.
    expect(r.trace?.states.length).toBe(3);
  });

  it("computes with Quint's unbounded integers beyond 32 bits and 2^53", async () => {
    const bigFiles = [
      {
        name: 'big.qnt',
        text: testdata('big.qnt'),
      },
    ];
    const ok = await checkModel(quintRequest(bigFiles, 'big', { invariants: ['exact'] }));
    expect(ok.error).toBeUndefined();
    expect(ok.result).toBe('success');
    // x = 10^0, 10^3, …, 10^15, then -10^15 + (2^64 / 3) % 7.
    expect(ok.distinctStates).toBe(7);
    const bad = await checkModel(quintRequest(bigFiles, 'big', { invariants: ['small'] }));
    expect(bad.result).toBe('safety failure');
    expect(bad.trace?.states.map((s) => s.x)).toEqual(
      ['1', '1000', '1000000', '1000000000', '1000000000000'].map((d) => ({ '#bigint': d })),
    );
  });

  it('says which construct it does not support, with its range', async () => {
    const text = [
      'module m {',
      '  var x: int',
      "  action init = x' = 0",
      "  action step = x' = Set(1, 2).chooseSome()",
      '}',
    ].join('\n');
    const r = await checkModel(quintRequest([{ name: 'm.qnt', text }], 'm', {}));
    expect(r.result).toBe('error');
    expect(r.error?.message).toMatch(/not supported yet: the operator chooseSome at m\.qnt:4:/);
  });
});

describe('Quint flattened for its main module', () => {
  // sysTests imports an instance of sys and, again, the module sys imports under a namespace:
  // Quint's flattener fails there (`quint compile --main sys` too, on the whole file).
  const modFiles = [
    {
      name: 'flatten-tests.qnt',
      text: testdata('flatten-tests.qnt'),
    },
  ];

  it('flattens only the modules the main one needs, so a test module does not stop its spec', () => {
    const sys = lowerQuintFiles(modFiles, 'sys', { init: 'init', step: 'step' });
    expect(sys.ok && sys.lowered.constants).toEqual(['N']);
    const tests = lowerQuintFiles(modFiles, 'sysTests', { init: 'init', step: 'step' });
    // A plain message at the instance Quint's flattener fails on (`import sys(N = 2).*`).
    expect(tests).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^flatten-tests\.qnt:13:3: Quint's flattener failed: .*QNT404/,
      ),
      diagnostics: [{ severity: 'error', range: { start: { line: 13, column: 3 } } }],
    });
  });
});

describe("Quint's own traces", () => {
  // Written by `quint run counter.qnt --backend typescript --mbt --main counter3 --max-samples 1
  // --max-steps 6 --seed 7 --out-itf counter3.itf.json` (quint 0.33.1).
  const itf = JSON.parse(testdata('counter3.itf.json')) as {
    vars: string[];
    states: Record<string, unknown>[];
  };

  it('replays a trace of quint run state by state', async () => {
    const trace = fromItfTrace(itf) as Trace;
    expect(trace.states).toHaveLength(7);
    const p = await pathOfTrace(quintRequest(files, 'counter3', {}), trace);
    expect(p).toHaveProperty('path');
    // Not vacuous: a state that no step reaches stops the replay there.
    const bad = structuredClone(trace);
    bad.states[2]['counter3::counter::n'] = { '#bigint': '5' };
    const q = await pathOfTrace(quintRequest(files, 'counter3', {}), bad);
    expect(q).toMatchObject({ step: 2 });
  });

  it("writes Quint's mbt::nondetPicks for a nondet passed to the action it calls", async () => {
    // counter3's step is `nondet d = Set(1, 2).oneOf(); tick(d)` or `reset`: Quint writes d's pick,
    // and `None` where the step picked none (init), as in counter3.itf.json.
    const r = await checkModel(quintRequest(files, 'counter3', { invariants: ['small'] }));
    const lowered = lowerQuintFiles(files, 'counter3', { init: 'init', step: 'step' });
    if (!lowered.ok || !r.trace) throw new Error('no trace');
    const { nondets, nondetArgs } = lowered.lowered;
    const out = quintItf(r.trace, {
      types: new Map(lowered.lowered.vars.map((v) => [v.name, v.type])),
      mbt: { nondets, nondetArgs },
    }) as { states: Record<string, unknown>[] };
    const n = (i: number): number =>
      Number((out.states[i]['counter3::counter::n'] as { '#bigint': string })['#bigint']);
    expect(out.states[0]['mbt::actionTaken']).toBe('init');
    expect(out.states[0]['mbt::nondetPicks']).toEqual(itf.states[0]['mbt::nondetPicks']);
    expect(out.states.length).toBe(3);
    for (let i = 1; i < out.states.length; i++) {
      expect(out.states[i]['mbt::actionTaken']).toBe('tick');
      expect(out.states[i]['mbt::nondetPicks']).toEqual({
        d: { tag: 'Some', value: { '#bigint': String(n(i) - n(i - 1)) } },
      });
    }
  });

  it("writes the states back in Quint's ITF form", () => {
    const lowered = lowerQuintFiles(files, 'counter3', { init: 'init', step: 'step' });
    if (!lowered.ok) throw new Error(lowered.message);
    const trace = fromItfTrace(itf);
    // An instance's variables keep the instance's names (counter3::counter::n), as Quint's.
    const back = quintItf(trace, {
      types: new Map(lowered.lowered.vars.map((v) => [v.name, v.type])),
      names: new Map(lowered.lowered.vars.map((v) => [v.name, v.quintName])),
    }) as { states: Record<string, unknown>[] };
    const strip = (s: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('mbt::')));
    expect(back.states.map(strip)).toEqual(itf.states.map(strip));
  });

  // Written by `quint run picks.qnt --backend typescript --mbt --max-samples 1 --max-steps 5
  // --seed 5 --out-itf picks.itf.json` (quint 0.33.1): steps by `0.to(2^200).oneOf()` (add, d),
  // by `Int.oneOf()` (e, a pick the next state does not show) and by a branch with no nondet.
  it("replays with Quint's recorded nondet picks what the full enumeration cannot", async () => {
    const pickFiles = [
      {
        name: 'picks.qnt',
        text: testdata('picks.qnt'),
      },
    ];
    const theirs = JSON.parse(testdata('picks.itf.json')) as { states: Record<string, unknown>[] };
    const req = quintRequest(pickFiles, 'picks', {});
    const trace = fromItfTrace(theirs) as Trace;
    expect(trace.steps[2]).toMatchObject({ action: 'add', picks: [{ name: 'd' }, { name: 'e' }] });
    expect(trace.steps[2].picks![0].value).toBeDefined();
    expect(trace.steps[2].picks![1].value).toBeUndefined();
    // Every state replays, with the picks: there is no path of choice indexes through sets the
    // full enumeration cannot list, and the answer says where and why.
    const p = await pathOfTrace(req, trace);
    expect(p).toMatchObject({
      step: 1,
      withPicks: true,
      message: expect.stringMatching(
        /step 2 and after only with .*cannot enumerate a set of \d+ elements/,
      ),
    });
    expect(await pathOfTrace(req, trace, { matchOnly: true })).toMatchObject({ withPicks: true });
    // Without the picks, the same trace does not replay: the check cannot enumerate Int.
    const bare = { ...trace, steps: trace.steps.map((s) => ({ ...s, picks: undefined })) };
    await expect(pathOfTrace(req, bare)).rejects.toThrow(/an exhaustive check cannot enumerate/);
    // A pick that does not give the next state: that step fails, said with the recorded picks.
    const wrong = structuredClone(trace);
    wrong.steps[2].picks![0].value = { '#bigint': '7' };
    const failed = await pathOfTrace(req, wrong, { matchOnly: true });
    expect(failed).toMatchObject({
      step: 2,
      message: expect.stringMatching(
        /^The state at step 3: .*with the recorded action add and picks \(d = 7\): no such successor$/,
      ),
    });
    expect(failed).not.toHaveProperty('withPicks');
  });

  it('replays a pick of a set too large to enumerate that is a map, list or record', async () => {
    const text = `module bigPick {
      var m: int -> int
      var l: List[int]
      action init = all { m' = Map(), l' = [] }
      action step = {
        nondet f = 0.to(6).setOfMaps(0.to(9)).oneOf()
        nondet g = 0.to(6).setOfMaps(0.to(9)).oneOf()
        all { m' = f, l' = [g.get(0), g.get(6)] }
      }
    }`;
    const req = quintRequest([{ name: 'bigPick.qnt', text }], 'bigPick', {});
    const int = (n: number) => ({ '#bigint': String(n) });
    const map = (vs: number[]) => ({ '#map': vs.map((v, k) => [int(k), int(v)]) });
    const none = { tag: 'None', value: { '#tup': [] } };
    // As Quint writes it (quint run --mbt): 10^7 maps each, more than a check enumerates.
    const itf = {
      vars: ['m', 'l', 'mbt::actionTaken', 'mbt::nondetPicks'],
      states: [
        {
          m: { '#map': [] },
          l: [],
          'mbt::actionTaken': 'init',
          'mbt::nondetPicks': { f: none, g: none },
        },
        {
          m: map([3, 1, 4, 1, 5, 9, 2]),
          l: [int(2), int(8)],
          'mbt::actionTaken': 'step',
          'mbt::nondetPicks': {
            f: { tag: 'Some', value: map([3, 1, 4, 1, 5, 9, 2]) },
            g: { tag: 'Some', value: map([2, 7, 1, 8, 2, 8, 8]) },
          },
        },
      ],
    };
    const trace = fromItfTrace(itf) as Trace;
    expect(await pathOfTrace(req, trace, { matchOnly: true })).toMatchObject({ withPicks: true });
    // A pick the state contradicts: that step, not a replay.
    const wrong = structuredClone(itf);
    wrong.states[1]['mbt::nondetPicks'].g = { tag: 'Some', value: map([0, 0, 0, 0, 0, 0, 0]) };
    expect(await pathOfTrace(req, fromItfTrace(wrong) as Trace, { matchOnly: true })).toMatchObject(
      { step: 1, message: expect.stringMatching(/no such successor$/) },
    );
  });

  // Written by `quint run alias.qnt --main alias --backend typescript --mbt --max-samples 1
  // --max-steps 4 --seed 1 --invariant smallInv --out-itf alias.itf.json` (quint 0.33.1).
  it("names an imported module's variables as Quint does (import E as X: x, not X::x)", async () => {
    const aliasFiles = [
      {
        name: 'alias.qnt',
        text: testdata('alias.qnt'),
      },
    ];
    const theirs = JSON.parse(testdata('alias.itf.json')) as {
      vars: string[];
      states: Record<string, unknown>[];
    };
    const lowered = lowerQuintFiles(aliasFiles, 'alias', { init: 'init', step: 'step' });
    if (!lowered.ok) throw new Error(lowered.message);
    const { vars } = lowered.lowered;
    expect(vars.map((v) => [v.name, v.quintName])).toEqual([
      ['m', 'm'],
      ['C::n', 'n'],
    ]);
    // Quint's trace replays in ours...
    const trace = fromItfTrace(
      theirs,
      vars.map((v) => v.name),
    ) as Trace;
    expect(await pathOfTrace(quintRequest(aliasFiles, 'alias', {}), trace)).toHaveProperty('path');
    // ...and our counterexample (the spec is deterministic: the same states) is written as Quint's.
    const r = await checkModel(quintRequest(aliasFiles, 'alias', { invariants: ['smallInv'] }));
    if (!r.trace) throw new Error('no counterexample');
    const ours = quintItf(r.trace, {
      types: new Map(vars.map((v) => [v.name, v.type])),
      names: new Map(vars.map((v) => [v.name, v.quintName])),
      mbt: { nondets: [] },
    }) as { vars: string[]; states: Record<string, unknown>[] };
    expect([...ours.vars].sort()).toEqual([...theirs.vars].sort());
    expect(ours.states).toEqual(theirs.states);
  });
});

describe('Simulation of a Quint spec', () => {
  it("picks an `any` branch first, whatever the nondet values inside it, as Quint's simulator", async () => {
    const req = quintRequest([{ name: 'pick.qnt', text: testdata('pick.qnt') }], 'pick', {
      invariants: ['few'],
    });
    const options = { behaviours: 100, maxSteps: 10, seed: 3 };
    const r = await simulateModel({ ...req, options });
    // About one step in two is a count (not one in 301): four of them in 10 steps come early.
    expect(r).toMatchObject({ result: 'safety failure', violated: 'few' });
    expect(r.behaviour).toBeLessThan(10);
    expect(r.trace!.steps.slice(1).filter((s) => s.action === 'count')).toHaveLength(4);
    const bySuccessor = await simulateModel({ ...req, options: { ...options, pick: 'successor' } });
    expect(bySuccessor.result).toBe('success');
  });
});
