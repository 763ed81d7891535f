import { beforeAll, describe, expect, it } from 'vitest';
import { checkModel, ensureParser, loadModules } from '../check';
import { buildModel, constantServices, readConfig } from './setup';
import { tlcVariableOrder } from './tlc-variable-order';

/** The module's context entries of a spec with `defs` definitions before the variables. */
function entries(vars: string[], extendsSyms: number, before: number, after: number): string[] {
  return [
    ...Array.from({ length: extendsSyms }, (_, i) => `Ext${i}`),
    ...Array.from({ length: before }, (_, i) => `Dd${i}`),
    ...vars,
    ...Array.from({ length: after }, (_, i) => `Dd${before + i}`),
  ];
}

const names = (vars: string[], order: number[]) => order.map((i) => vars[i]);

describe("TLC's order of the variables", () => {
  beforeAll(() => ensureParser());
  // The orders TLC 2.20 prints the variables of a state in (its TLCState value order), for
  // `VARIABLES <vars>` with `Init`, `Next`, `Inv` and `Dd0 == 0 ... ` definitions.
  it('is the reverse enumeration of a Hashtable of the context, as TLC prints them', () => {
    // No EXTENDS: with 65 definitions (71 own symbols) the capacity is still 191, with 66 it is 383.
    const v = ['q', 'rec', 'f'];
    expect(names(v, tlcVariableOrder(v, entries(v, 0, 0, 3 + 65)))).toEqual(['rec', 'f', 'q']);
    expect(names(v, tlcVariableOrder(v, entries(v, 0, 0, 3 + 66)))).toEqual(['f', 'q', 'rec']);
    // EXTENDS Naturals (12 symbols): the switch comes 12 definitions earlier.
    expect(names(v, tlcVariableOrder(v, entries(v, 12, 0, 3 + 53)))).toEqual(['rec', 'f', 'q']);
    expect(names(v, tlcVariableOrder(v, entries(v, 12, 0, 3 + 54)))).toEqual(['f', 'q', 'rec']);
    for (const [vars, tlc] of [
      [
        ['pc', 'x', 'flag'],
        ['flag', 'x', 'pc'],
      ],
      [
        ['zz', 'yy', 'xx', 'ww'],
        ['xx', 'yy', 'zz', 'ww'],
      ],
      [
        ['cnt', 'rec', 'q'],
        ['rec', 'cnt', 'q'],
      ],
      [
        ['a', 'b', 'c', 'd', 'e'],
        ['a', 'b', 'c', 'd', 'e'],
      ],
    ])
      expect(names(vars, tlcVariableOrder(vars, entries(vars, 12, 0, 3)))).toEqual(tlc);
  });

  it("counts the context SANY builds: what EXTENDS brings, without LOCAL INSTANCE's names", () => {
    // TLC 2.20 prints this module's state as he, zx, e, czy, fzx, z: TLC exports 14 names (its
    // LOCAL INSTANCEs of Naturals, Sequences and FiniteSets add none), so the context has 72 + 14
    // + 38 entries (capacity 191); with Naturals' 12 and the rest it would be past 143 (383).
    const defs = Array.from({ length: 30 }, (_, i) => `Dd${i} == ${i}`);
    const text = [
      '---- MODULE V ----',
      'EXTENDS TLC',
      ...defs.slice(0, 14),
      'VARIABLES zx, z, czy, fzx, he, e',
      ...defs.slice(14),
      'Init == zx = 0 /\\ z = 0 /\\ czy = 0 /\\ fzx = 0 /\\ he = 0 /\\ e = 0',
      'Next == UNCHANGED <<zx, z, czy, fzx, he, e>>',
      '====',
    ].join('\n');
    const req = {
      files: [{ name: 'V.tla', text }],
      mainModule: 'V',
      cfg: 'INIT Init\nNEXT Next\n',
    };
    const parts = buildModel(loadModules(req), readConfig(req), constantServices(), 'V');
    expect(parts.contextNames).toHaveLength(14 + 6 + 30 + 2);
    expect(names(parts.vars, tlcVariableOrder(parts.vars, parts.contextNames!))).toEqual([
      'he',
      'zx',
      'e',
      'czy',
      'fzx',
      'z',
    ]);
  });

  it('is the order TLC picks the symmetry representative in, whose VIEW is fingerprinted', async () => {
    // TLC 2.20: 13 states generated, 6 distinct states found, depth 4. TLC compares rec before q
    // (its order), so the orbit of q = <<p2>>, rec = {p1} is represented by that state (least
    // rec), whose view <<1, {p1}>> is that of q = <<p1>>, rec = {p1}: one distinct state. In the
    // declared order (q first) it is represented by q = <<p1>>, rec = {p2}: 7 distinct.
    const spec = `---- MODULE S ----
EXTENDS Naturals, FiniteSets, Sequences, TLC
CONSTANTS P
VARIABLES q, rec
Init == q = <<>> /\\ rec = {}
Next == \\/ Len(q) < 1 /\\ \\E p \\in P : q' = <<p>> \\o q /\\ UNCHANGED <<rec>>
        \\/ \\E p \\in P : p \\notin rec /\\ rec' = rec \\cup {p} /\\ UNCHANGED <<q>>
Sym == Permutations(P)
View == <<Len(q), rec>>
====`;
    const r = await checkModel({
      files: [{ name: 'S.tla', text: spec }],
      mainModule: 'S',
      cfg: 'CONSTANTS P = {p1, p2}\nINIT Init\nNEXT Next\nSYMMETRY Sym\nVIEW View\nCHECK_DEADLOCK FALSE\n',
    });
    expect(r).toMatchObject({
      result: 'success',
      generatedStates: 13,
      distinctStates: 6,
      depth: 4,
    });
  });
});
