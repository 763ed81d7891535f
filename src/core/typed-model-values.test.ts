import { describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';

/**
 * TLC's typed model values: a model value named `x_…` (a character, `_`, more) has type x, and
 * comparing it with anything but a model value of its type or an untyped one is an error (TLC's
 * ModelValue.modelValueEquals / modelValueCompareTo / modelValueMember). We treated every model
 * value as untyped: `p_1 # 0` was TRUE, and the search went on to "No error has been found".
 * TLC 2.20's messages below; with untyped names (p1, p2) it finds no error, 7 states generated,
 * 3 distinct, depth 2.
 */
const spec = `---- MODULE TMV ----
EXTENDS Integers
CONSTANTS Procs, Nil, Other
VARIABLES last
Init == last = Nil
Next == \\E p \\in Procs : last' = p
Inv == last # 0
InvMem == last \\notin 1..3
InvTyped == last # Other
InvSet == last \\in Procs \\cup {Nil}
====`;

async function check(procs: string, other: string, inv: string) {
  return checkModel({
    files: [{ name: 'TMV.tla', text: spec }],
    mainModule: 'TMV',
    cfg: `CONSTANTS\n  Procs = ${procs}\n  Nil = Nil\n  Other = ${other}\nINIT Init\nNEXT Next\nINVARIANT ${inv}\n`,
  });
}

describe("typed model values (TLC 2.20's rules)", () => {
  it('a typed model value compared with a non-model value is an error', async () => {
    for (const [inv, message] of [
      ['Inv', 'Attempted to check equality of the typed model value p_1 and the non-model value 0'],
      ['InvMem', 'Attempted to check if the typed model value p_1 is an element of 1..3'],
      ['InvTyped', 'Attempted to check equality of the differently-typed model values p_1 and q_1'],
    ]) {
      const r = await check('{p_1, p_2}', 'q_1', inv);
      expect(r.error, inv).toMatchObject({
        kind: 'eval',
        message: expect.stringContaining(message),
      });
      // TLC's trace: the initial state (last = Nil), then last = p_1.
      expect(r.error?.trace?.states, inv).toHaveLength(2);
    }
  });

  it('untyped model values, and typed ones among model values of their type or untyped, compare', async () => {
    for (const [procs, other, inv] of [
      ['{p1, p2}', 'q_1', 'Inv'],
      ['{p1, p2}', 'q_1', 'InvMem'],
      ['{p_1, p_2}', 'p_3', 'InvTyped'],
      ['{p_1, p_2}', 'q_1', 'InvSet'],
    ]) {
      const r = await check(procs, other, inv);
      expect(r.error, `${procs} ${inv}`).toBeUndefined();
      expect(r.result, `${procs} ${inv}`).toBe('success');
      expect([r.generatedStates, r.distinctStates], `${procs} ${inv}`).toEqual([7, 3]);
    }
  });
});
