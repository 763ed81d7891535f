/**
 * The order in which the search meets states is TLC's: where a check stops (a violation, a
 * deadlock, an error), the counts TLC prints and the counterexample it finds depend on it. The
 * figures below are TLC 2.20's (`-workers 1`) on the same specs.
 */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../check';

const check = (body: string, cfg = 'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE\n') =>
  checkModel({
    files: [
      {
        name: 'M.tla',
        text: `---- MODULE M ----\nEXTENDS Naturals, Sequences\nVARIABLE x\n${body}\n====\n`,
      },
    ],
    mainModule: 'M',
    cfg,
    cfgName: 'M.cfg',
  });

describe('a quantifier over several bounds is enumerated in TLC order, the first bound fastest', () => {
  it('in the next-state relation, split into actions or inside a conjunction', async () => {
    // (1, 4), (2, 4), (3, 4), (1, 5): TLC generates 4 successors before <<1, 5>> (5 states).
    for (const next of [
      "\\E a \\in {1, 2, 3}, b \\in {4, 5, 6} : x = <<>> /\\ x' = <<a, b>>",
      "x = <<>> /\\ \\E a \\in {1, 2, 3}, b \\in {4, 5, 6} : x' = <<a, b>>",
      "x = <<>> /\\ \\E a \\in {1, 2, 3}, b \\in {4, 5, 6}, c \\in {7, 8} : x' = <<a, b>>",
    ]) {
      const r = await check(`Init == x = <<>>\nNext == ${next}\nInv == x # <<1, 5>>`);
      expect(r, next).toMatchObject({
        result: 'safety failure',
        distinctStates: 5,
        generatedStates: 5,
      });
      // Where TLC splits the action at the \E, the step's label keeps the bounds in their written
      // order (inside a conjunction it is not split: no parameters).
      const params = r.trace!.steps[1].params.map((p) => p.name);
      expect(params, next).toEqual(next.startsWith('\\E') ? ['a', 'b'] : []);
    }
  });

  it('nested quantifiers and a tuple pattern keep their own order (the outer one slowest)', async () => {
    // TLC: 3 states generated for both (<<1, 4>>, then <<1, 5>>).
    for (const next of [
      "\\E a \\in {1, 2, 3} : \\E b \\in {4, 5, 6} : x = <<>> /\\ x' = <<a, b>>",
      "\\E <<a, b>> \\in {1, 2, 3} \\X {4, 5, 6} : x = <<>> /\\ x' = <<a, b>>",
    ]) {
      const r = await check(`Init == x = <<>>\nNext == ${next}\nInv == x # <<1, 5>>`);
      expect(r, next).toMatchObject({ distinctStates: 3, generatedStates: 3 });
    }
  });

  it('in the initial predicate: the order of the first level', async () => {
    // <<1, 5>> is TLC's fourth initial state: 9 initial states, then 4 successors (13 states).
    const r = await check(
      "Init == \\E a \\in {1, 2, 3}, b \\in {4, 5, 6} : x = <<a, b>>\nNext == Len(x) = 2 /\\ x' = <<x[1], x[2], 0>>\nInv == x # <<1, 5, 0>>",
    );
    expect(r).toMatchObject({ result: 'safety failure', distinctStates: 13, generatedStates: 13 });
  });
});

const int = (n: number) => ({ '#bigint': String(n) });

describe('initial values drawn from a large SUBSET or function set, made one at a time', () => {
  // 131,072 values each (streamed, not built: lazy-sets.ts STREAM_AT_LEAST); the violating state
  // is the one TLC 2.20 reports, so the order is TLC's.
  it('SUBSET S: by size, then in lexicographic order', async () => {
    const r = await check(
      'Init == x \\in SUBSET (1..17)\nNext == UNCHANGED x\nInv == ~({3, 5, 9} \\subseteq x)',
    );
    expect(r.result).toBe('safety failure');
    expect(r.trace!.states).toHaveLength(1);
    expect(r.trace!.states[0].x).toEqual({ '#set': [3, 5, 9].map(int) });
  });
  it('[S -> T]: the last argument fastest', async () => {
    const r = await check(
      "Init == x \\in [1..17 -> BOOLEAN]\nNext == \\E i \\in 1..17 : x[i] /\\ x' = [x EXCEPT ![i] = FALSE]\nInv == ~(x[2] /\\ x[17] /\\ ~x[1] /\\ x[9])",
    );
    expect(r.result).toBe('safety failure');
    const trues = [2, 9, 17];
    expect(r.trace!.states[0].x).toEqual(
      Array.from({ length: 17 }, (_, i) => trues.includes(i + 1)),
    );
  });
});

describe('TLCSet("exit", TRUE) ends the search after the state it expands, as TLC', () => {
  const run = (init: string, next: string, cfg = 'INIT Init\nNEXT Next\n') =>
    checkModel({
      files: [
        {
          name: 'E.tla',
          text: `---- MODULE E ----\nEXTENDS Naturals, TLC\nVARIABLE x\nInit == ${init}\nNext == ${next}\nLive == <>(x = 100)\n====\n`,
        },
      ],
      mainModule: 'E',
      cfg,
      cfgName: 'E.cfg',
    });
  it('no error, with the states left on the queue (TLC 2.20: the same figures)', async () => {
    const a = await run('x = 0', 'x\' = x + 1 /\\ (x = 5 => TLCSet("exit", TRUE))');
    expect(a).toMatchObject({
      result: 'success',
      distinctStates: 7,
      generatedStates: 7,
      queueLeft: 1,
      depth: 7,
    });
    const b = await run(
      'x \\in 0..3',
      '\\E d \\in {1, 2} : x\' = x + d /\\ (x >= 9 => TLCSet("exit", TRUE))',
    );
    expect(b).toMatchObject({
      result: 'success',
      distinctStates: 12,
      generatedStates: 24,
      queueLeft: 2,
      depth: 5,
    });
  });
  it('a liveness property is not checked on the partial graph', async () => {
    const r = await run(
      'x = 0',
      'x\' = x + 1 /\\ (x = 5 => TLCSet("exit", TRUE))',
      'INIT Init\nNEXT Next\nPROPERTY Live\n',
    );
    expect(r.result).toBe('success');
    expect(r.uncheckedProperties).toEqual(['Live']);
    expect(r.uncheckedReasons?.Live).toContain('TLCSet("exit", TRUE) ended the search');
  });
});
