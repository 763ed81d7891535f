import { describe, expect, it } from 'vitest';
import { checkModel } from '../check';

/**
 * A PROPERTY through a parameterised instance, `I(1)!Spec` with `I(c) == INSTANCE Inner WITH
 * Cap <- c`: its parameters are the arguments. It was left "not checked" (temporal formulas of
 * parameterised instances were refused), ending in "No error has been found in what was checked".
 * TLC 2.20 on both PropI and PropJ: "Action property line 6, col 18 to line 6, col 27 of module
 * Inner is violated", 3 generated / 3 distinct / 0 left on queue, depth 3 (the step to x = 2 breaks
 * q < Cap; its new state is counted but not queued: we said 1 left on queue).
 */
const inner = `---- MODULE Inner ----
EXTENDS Naturals
CONSTANT Cap
VARIABLE q
Next == q < Cap /\\ q' = q + 1
Spec == q = 0 /\\ [][Next]_q /\\ WF_q(Next)
====`;
const outer = `---- MODULE Outer ----
EXTENDS Naturals
CONSTANT Cap
VARIABLE x
Init == x = 0
Next == x < 3 /\\ x' = x + 1
I(c) == INSTANCE Inner WITH q <- x, Cap <- c
J == INSTANCE Inner WITH q <- x, Cap <- 1
PropI == I(1)!Spec
PropJ == J!Spec
PropBig == I(Cap - 2)!Spec
====`;

const check = (prop: string) =>
  checkModel({
    files: [
      { name: 'Outer.tla', text: outer },
      { name: 'Inner.tla', text: inner },
    ],
    mainModule: 'Outer',
    cfg: `CONSTANT Cap = 5\nINIT Init\nNEXT Next\nPROPERTY ${prop}\nCHECK_DEADLOCK FALSE\n`,
  });

describe('PROPERTY of a parameterised instance (TLC 2.20)', () => {
  it.each(['PropI', 'PropJ'])('%s: the action property is violated', async (prop) => {
    const r = await check(prop);
    expect(r.result).toBe('safety failure');
    expect(r.violatedPart).toEqual({
      kind: 'action property',
      label: 'line 6, col 18 to line 6, col 27 of module Inner',
    });
    expect([r.generatedStates, r.distinctStates, r.queueLeft, r.depth]).toEqual([3, 3, 0, 3]);
    expect(r.trace?.states).toHaveLength(3);
  });

  it('I(Cap - 2)!Spec: its fairness is checked (Outer may stutter at x = 0)', async () => {
    // TLC 2.20: "Temporal properties were violated", x = 0 then stuttering; 4 generated / 4 distinct.
    const r = await check('PropBig');
    expect(r.uncheckedProperties).toBeUndefined();
    expect(r.result).toBe('liveness failure');
    expect(r.trace?.states).toHaveLength(1);
    expect([r.generatedStates, r.distinctStates]).toEqual([4, 4]);
  });
});
