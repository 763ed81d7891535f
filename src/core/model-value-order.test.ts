import { describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';

/**
 * TLC orders model values by their names' intern order (UniqueString), the .cfg's first: as
 * declared in the .cfg, not alphabetically. That order decides CHOOSE, and how sets and functions
 * print. TLC 2.20 with S = {m3, m1, m2}: CHOOSE s \in S : TRUE is m3; S prints {m3, m1, m2}, and
 * [s \in S |-> 0] (m3 :> 0 @@ m1 :> 0 @@ m2 :> 0). We ordered them by name: m1.
 */
const spec = `---- MODULE MV ----
CONSTANTS S, First
VARIABLES x, y
Init == x = (CHOOSE s \\in S : TRUE) /\\ y = [s \\in S |-> 0]
Next == UNCHANGED <<x, y>>
Inv == x # First
====`;

describe('model values in the .cfg order (TLC 2.20)', () => {
  it('CHOOSE picks the first declared; sets and functions list them in that order', async () => {
    const r = await checkModel({
      files: [{ name: 'MV.tla', text: spec }],
      mainModule: 'MV',
      cfg: 'CONSTANTS\n  S = {m3, m1, m2}\n  First = m3\nINIT Init\nNEXT Next\nINVARIANT Inv\n',
    });
    expect(r.result).toBe('safety failure');
    expect(r.violated).toBe('Inv');
    // The trace's state as ITF: x is m3, y's pairs in TLC's order.
    expect(JSON.stringify(r.trace!.states[0])).toBe(
      '{"x":{"#mv":"m3"},"y":{"#map":[[{"#mv":"m3"},{"#bigint":"0"}],[{"#mv":"m1"},{"#bigint":"0"}],[{"#mv":"m2"},{"#bigint":"0"}]]}}',
    );
    expect(r.trace?.states).toHaveLength(1);
  });
});
