import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulateModel } from './simulate';
import { BehaviourRandom } from './simulate-random';
import type { SimulateOptions, SimulateRequest } from '../../contract/types';
import { itfToTrace, traceToItf } from '../../../formats/itf';
import type { TraceState } from '../../../trace/value';

const dir = new URL('../../../ui/examples/DieHard/', import.meta.url);
const dieHard = {
  files: [{ name: 'DieHard.tla', text: readFileSync(new URL('DieHard.tla', dir), 'utf8') }],
  mainModule: 'DieHard',
  cfg: readFileSync(new URL('DieHard.cfg', dir), 'utf8'),
};

const spec = (name: string, body: string, cfg: string) => ({
  files: [
    {
      name: `${name}.tla`,
      text: `---- MODULE ${name} ----\nEXTENDS Naturals, TLC\n${body}\n====\n`,
    },
  ],
  mainModule: name,
  cfg,
});

const request = (
  model: Omit<SimulateRequest, 'options'>,
  options: SimulateOptions,
): SimulateRequest => ({
  ...model,
  options,
});

const num = (v: unknown): number => Number((v as { '#bigint': string })['#bigint']);

describe('BehaviourRandom', () => {
  it('gives one stream per (seed, index), and different streams otherwise', () => {
    const draw = (seed: number, i: number) => {
      const r = new BehaviourRandom(seed, i);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(draw(42, 3)).toEqual(draw(42, 3));
    expect(draw(42, 3)).not.toEqual(draw(42, 4));
    expect(draw(42, 3)).not.toEqual(draw(43, 3));
    expect(draw(2 ** 40, 0)).not.toEqual(draw(0, 0));
  });

  it('draws below n roughly uniformly', () => {
    const r = new BehaviourRandom(7, 0);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 50_000; i++) counts[r.below(5)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe('simulateModel', () => {
  it('finds DieHard NotSolved with a fixed seed, on a valid behaviour', async () => {
    const r = await simulateModel(request(dieHard, { behaviours: 5_000, maxSteps: 30, seed: 1 }));
    expect(r).toMatchObject({
      result: 'safety failure',
      violated: 'NotSolved',
      seed: 1,
      failures: 1,
    });
    const states = r.trace!.states.map((s) => [num(s.small), num(s.big)]);
    expect(states[0]).toEqual([0, 0]);
    expect(states.at(-1)![1]).toBe(4);
    // Every step is one of DieHard's six actions, and the label names it.
    const moves: Record<string, (s: number, b: number) => [number, number]> = {
      FillSmall: (_s, b) => [3, b],
      FillBig: (s) => [s, 5],
      EmptySmall: (_s, b) => [0, b],
      EmptyBig: (s) => [s, 0],
      SmallToBig: (s, b) => [Math.max(0, s + b - 5), Math.min(5, s + b)],
      BigToSmall: (s, b) => [Math.min(3, s + b), Math.max(0, s + b - 3)],
    };
    for (let i = 1; i < states.length; i++) {
      const step = r.trace!.steps[i];
      expect(moves[step.action], step.action).toBeDefined();
      expect(moves[step.action](...(states[i - 1] as [number, number]))).toEqual(states[i]);
    }
    expect(r.trace!.steps[0].label).toBe('Initial predicate');
    // The behaviour reported is the first failing one: simulating up to it finds it again.
    const again = await simulateModel(
      request(dieHard, { behaviours: r.behaviour! + 1, maxSteps: 30, seed: 1 }),
    );
    expect(again.trace).toEqual(r.trace);
    expect(again.behaviours).toBe(r.behaviour! + 1);
  });

  it('gives the same behaviours for the same seed, whatever the sharding, and others for another seed', async () => {
    const model = spec(
      'Walk',
      "VARIABLE x\nInit == x \\in 0..3\nNext == x' \\in {x + 1, x + 2, x + 3}",
      'INIT Init\nNEXT Next\n',
    );
    const options = { behaviours: 12, maxSteps: 6, collectTraces: true };
    const states = (r: { traces?: { index: number; trace: { states: TraceState[] } }[] }) =>
      r.traces!.map((b) => [b.index, b.trace.states.map((s) => num(s.x))] as const);
    const a = await simulateModel(request(model, { ...options, seed: 99 }));
    const b = await simulateModel(request(model, { ...options, seed: 99 }));
    const c = await simulateModel(request(model, { ...options, seed: 100 }));
    expect(a.result).toBe('success');
    expect(a.steps).toBe(12 * 6);
    expect(states(a)).toEqual(states(b));
    expect(states(a)).not.toEqual(states(c));
    // Two workers, each with its share: together they simulate the very same behaviours.
    const shards = await Promise.all(
      [0, 1].map((index) =>
        simulateModel(request(model, { ...options, seed: 99, shard: { index, count: 2 } })),
      ),
    );
    const merged = shards.flatMap(states).sort((p, q) => p[0] - q[0]);
    expect(merged).toEqual(states(a));
  });

  it('reports a deadlock, unless told not to', async () => {
    const model = spec(
      'Stop',
      "VARIABLE x\nInit == x = 0\nNext == x < 3 /\\ x' = x + 1",
      'INIT Init\nNEXT Next\n',
    );
    const r = await simulateModel(request(model, { behaviours: 5, maxSteps: 10, seed: 3 }));
    expect(r).toMatchObject({ result: 'deadlock failure', violated: 'deadlock', behaviour: 0 });
    expect(r.trace!.states.map((s) => num(s.x))).toEqual([0, 1, 2, 3]);
    const off = await simulateModel(
      request(model, { behaviours: 5, maxSteps: 10, seed: 3, checkDeadlock: false }),
    );
    expect(off).toMatchObject({ result: 'success', behaviours: 5, steps: 15 });
  });

  it('keeps going after violations when asked, and collects them all', async () => {
    const model = spec(
      'Stop',
      "VARIABLE x\nInit == x = 0\nNext == x < 3 /\\ x' = x + 1",
      'INIT Init\nNEXT Next\n',
    );
    const r = await simulateModel(
      request(model, { behaviours: 4, maxSteps: 10, seed: 3, keepGoing: true }),
    );
    expect(r).toMatchObject({
      result: 'deadlock failure',
      behaviours: 4,
      failures: 4,
      behaviour: 0,
    });
    expect(r.failed!.map((b) => b.index)).toEqual([0, 1, 2, 3]);
    // Every failure is counted; the traces of the first 100 are kept.
    const many = await simulateModel(
      request(model, { behaviours: 150, maxSteps: 10, seed: 3, keepGoing: true }),
    );
    expect(many).toMatchObject({ failures: 150, behaviours: 150 });
    expect(many.failed).toHaveLength(100);
  });

  // Many successors of one action (Big: x' \in 1..300) beside one of another (Count): taking a
  // successor at random rarely counts; taking an action first counts every other step (TLC's
  // -simulate -depth 13 -seed 4 finds the violation in its third behaviour).
  const rare = spec(
    'Rare',
    "VARIABLES x, y\nInit == x = 0 /\\ y = 0\nBig == x' \\in 1..300 /\\ y' = y\n" +
      "Count == y' = y + 1 /\\ x' = x\nNext == Big \\/ Count\nFew == y < 4",
    'INIT Init\nNEXT Next\nINVARIANT Few\n',
  );

  it('picks an action first, then one of its successors: a step of an action with few successors is not rare', async () => {
    const options = { behaviours: 200, maxSteps: 12, seed: 4 };
    const byAction = await simulateModel(request(rare, options));
    expect(byAction).toMatchObject({ result: 'safety failure', violated: 'Few' });
    // About one step in two counts: four of them in 12 steps come early.
    expect(byAction.behaviour).toBeLessThan(10);
    expect(byAction.trace!.states.map((s) => num(s.y))).toContain(4);
    // One successor in 301 counts: four in 12 steps, about once in 10^7 behaviours.
    const bySuccessor = await simulateModel(request(rare, { ...options, pick: 'successor' }));
    expect(bySuccessor.result).toBe('success');
    // The same seed, the same behaviours, in either way.
    expect(await simulateModel(request(rare, options))).toMatchObject({
      behaviour: byAction.behaviour,
      trace: byAction.trace,
    });
    const again = await simulateModel(
      request(rare, { ...options, pick: 'successor', collectTraces: true }),
    );
    const first = await simulateModel(
      request(rare, { ...options, pick: 'successor', collectTraces: true }),
    );
    expect(again.traces).toEqual(first.traces);
  });

  it("splits Next into TLC's actions: per element of a \\E over a constant set, not over a state's", async () => {
    // Over a constant set, Step is 3 actions (i = 1, 2, 3) beside Big's one: 3 steps in 4 are
    // Step's. Over a set read from the state, one action: one step in 2. TLC's -simulate on these
    // two specs (60 behaviours of 20 steps, seed 2; 2026-12-07): 0.756 and 0.508.
    const share = async (next: string): Promise<number> => {
      const model = spec(
        'Split',
        "VARIABLES x, y\nInit == x = 0 /\\ y = 0\nBig == x' \\in 1..300 /\\ y' = y\n" +
          `${next}\nNext == Step \\/ Big`,
        'INIT Init\nNEXT Next\n',
      );
      const r = await simulateModel(
        request(model, { behaviours: 40, maxSteps: 20, seed: 2, collectTraces: true }),
      );
      const steps = r.traces!.flatMap((b) => b.trace.steps.slice(1));
      return steps.filter((st) => st.action === 'Step').length / steps.length;
    };
    const constant = await share("Step == \\E i \\in 1..3 : y' = y + i /\\ x' = x");
    const fromState = await share("Step == \\E i \\in 1..(y + 3) : y' = y + i /\\ x' = x");
    expect(constant).toBeGreaterThan(0.68);
    expect(constant).toBeLessThan(0.82);
    expect(fromState).toBeGreaterThan(0.43);
    expect(fromState).toBeLessThan(0.57);
  });

  it("checks every successor of the action taken against the invariants, as TLC's simulator", async () => {
    // Jump's successors are x = 1..50, one of which (x = 50) violates Small: found on the first
    // step whichever successor is taken.
    const model = spec(
      'AllChecked',
      "VARIABLE x\nInit == x = 0\nNext == x' \\in 1..50\nSmall == x < 50",
      'INIT Init\nNEXT Next\nINVARIANT Small\n',
    );
    const r = await simulateModel(request(model, { behaviours: 1, maxSteps: 1, seed: 6 }));
    expect(r).toMatchObject({ result: 'safety failure', violated: 'Small', behaviour: 0 });
    expect(r.trace!.states.map((s) => num(s.x))).toEqual([0, 50]);
    expect(r.trace!.steps[1].choice).toEqual({ index: 49, of: 50 });
  });

  it('never steps outside the CONSTRAINT and labels steps with their parameters', async () => {
    const model = spec(
      'Bounded',
      "VARIABLE x\nInit == x = 0\nAdd(n) == x' = x + n\nNext == \\E n \\in {1, 2} : Add(n)\nSmall == x < 7",
      'INIT Init\nNEXT Next\nCONSTRAINT Small\n',
    );
    const r = await simulateModel(
      request(model, { behaviours: 20, maxSteps: 50, seed: 5, collectTraces: true }),
    );
    expect(r.result).toBe('success');
    for (const b of r.traces!) {
      const xs = b.trace.states.map((s) => num(s.x));
      expect(Math.max(...xs)).toBeLessThan(7);
      b.trace.steps.slice(1).forEach((step, i) => {
        expect(step.action).toBe('Add');
        expect(step.params).toEqual([
          { name: 'n', value: { '#bigint': String(xs[i + 1] - xs[i]) } },
        ]);
        expect(step.label).toBe(`Add(${xs[i + 1] - xs[i]})`);
      });
    }
  });

  it('never takes a step outside the ACTION_CONSTRAINT, and answers TLCGet("level")', async () => {
    const model = spec(
      'Steps',
      'VARIABLES x, lvl\nInit == x = 0 /\\ lvl = TLCGet("level")\n' +
        "Next == \\E n \\in {1, 2} : x' = x + n /\\ lvl' = TLCGet(\"level\")\nByOne == x' = x + 1",
      'INIT Init\nNEXT Next\nACTION_CONSTRAINT ByOne\n',
    );
    const r = await simulateModel(
      request(model, { behaviours: 5, maxSteps: 8, seed: 8, collectTraces: true }),
    );
    expect(r.result).toBe('success');
    for (const b of r.traces!) {
      // TLC's level: 0 in the initial predicate, the predecessor's position (1-based) in a step.
      expect(b.trace.states.map((s) => [num(s.x), num(s.lvl)])).toEqual(
        Array.from({ length: 9 }, (_, i) => [i, i]),
      );
    }
  });

  it('writes behaviours that read back as ITF', async () => {
    const r = await simulateModel(
      request(dieHard, { behaviours: 3, maxSteps: 5, seed: 11, collectTraces: true }),
    );
    for (const b of r.traces!) {
      const back = itfToTrace(JSON.parse(JSON.stringify(traceToItf(b.trace))));
      expect(back.states).toEqual(b.trace.states);
      expect(back.steps.map((s) => s.label)).toEqual(b.trace.steps.map((s) => s.label));
    }
  });

  it('reports an evaluation error with the behaviour that reached it', async () => {
    const model = spec(
      'Div',
      "VARIABLE x\nInit == x = 2\nNext == x' = 4 \\div (x - 1) - 1",
      'INIT Init\nNEXT Next\n',
    );
    const r = await simulateModel(request(model, { behaviours: 1, maxSteps: 5, seed: 0 }));
    expect(r.result).toBe('error');
    expect(r.error?.message).toBeTruthy();
    expect(r.error?.trace?.states.map((s) => num(s.x))).toEqual([2, 3, 1]);
  });

  it('reports an initial state that violates an invariant, or fails to evaluate one, with its trace', async () => {
    const model = (inv: string) =>
      spec(
        'Start',
        `VARIABLE x\nInit == x \\in {1, 0}\nNext == x' = x\nInv == ${inv}`,
        'INIT Init\nNEXT Next\nINVARIANT Inv\n',
      );
    const bad = await simulateModel(
      request(model('x # 0'), { behaviours: 3, maxSteps: 3, seed: 1 }),
    );
    expect(bad).toMatchObject({ result: 'safety failure', violated: 'Inv', behaviours: 0 });
    expect(bad.trace?.states).toEqual([{ x: { '#bigint': '0' } }]);
    const broken = await simulateModel(
      request(model('1 \\div x > 0'), { behaviours: 3, maxSteps: 3, seed: 1 }),
    );
    expect(broken.result).toBe('error');
    expect(broken.error?.trace?.states).toEqual([{ x: { '#bigint': '0' } }]);
  });

  it('ends the run at TLCSet("exit", TRUE), as TLC\'s simulator, with the behaviour that set it', async () => {
    // TLC 2.20, -simulate num=100 -depth 10: "3 traces generated", 24 states checked (10 + 10 + 4).
    const model = spec(
      'SimExit',
      "VARIABLE x\nInit == x = 0\nNext == x' = (x + 1) % 5\n" +
        'Stop == TLCSet("exit", TLCGet("level") > 3 /\\ TLCGet("stats").traces >= 3)\nInv == Stop \\/ TRUE',
      'INIT Init\nNEXT Next\nINVARIANT Inv\n',
    );
    const r = await simulateModel(request(model, { behaviours: 100, maxSteps: 9, seed: 4 }));
    expect(r).toMatchObject({ result: 'success', behaviours: 3, steps: 9 + 9 + 3 });
    // Each worker would end its share at its own time: refused, not ignored.
    const shared = await simulateModel(
      request(model, { behaviours: 100, maxSteps: 9, seed: 4, shard: { index: 0, count: 2 } }),
    );
    expect(shared.result).toBe('error');
    expect(shared.error?.message).toContain('--workers 1');
  });

  it('answers TLCGet("stats") with the simulator\'s record: the behaviour\'s id and action counts, traces', async () => {
    const body = (check: string) =>
      'VARIABLES x, y\nInit == x = 0 /\\ y = 0\n' +
      "A == x' = x + 1 /\\ UNCHANGED y\nB == y' = y + 1 /\\ UNCHANGED x\nC == x > 100 /\\ UNCHANGED <<x, y>>\n" +
      `Next == A \\/ B \\/ C\nInv == LET s == TLCGet("stats") IN ${check}`;
    const cfg = 'INIT Init\nNEXT Next\nINVARIANT Inv\n';
    // Every step is A or B: their counts are the state's x and y; as in TLC 2.20's record, an
    // action not taken yet in the behaviour (C is never enabled) is not in it.
    const counted =
      'LET o == s.behavior.actions\n' +
      '    n(a) == IF a \\in DOMAIN o THEN o[a] ELSE 0\n' +
      'IN  DOMAIN o = {a \\in {"A", "B"} : n(a) > 0} /\\ n("A") = x /\\ n("B") = y' +
      ' /\\ x + y = TLCGet("level") - 1' +
      ' /\\ s.traces = s.behavior.id /\\ s.distinct + 1 = 0 /\\ s.generated >= x + y';
    const seen: number[] = [];
    const r = await simulateModel(
      request(spec('Stats', body(counted), cfg), { behaviours: 20, maxSteps: 12, seed: 3 }),
      { onBehaviour: (b) => seen.push(b.index) },
    );
    expect(r).toMatchObject({ result: 'success', behaviours: 20 });
    // The run started over with labels on: each behaviour reported once, in order.
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // At an initial state no action has been taken: the record is empty.
    const off = await simulateModel(
      request(spec('Stats', body('DOMAIN s.behavior.actions # {}'), cfg), {
        behaviours: 5,
        maxSteps: 5,
        seed: 3,
      }),
    );
    expect(off).toMatchObject({ result: 'safety failure', violated: 'Inv' });
  });

  it('rejects a seed that is not a safe non-negative integer', async () => {
    const r = await simulateModel(request(dieHard, { behaviours: 1, maxSteps: 1, seed: -1 }));
    expect(r.result).toBe('error');
  });
});
