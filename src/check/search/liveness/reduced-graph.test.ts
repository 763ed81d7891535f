import { describe, expect, it } from 'vitest';
import { checkModel } from '../../check';

/**
 * Liveness under SYMMETRY or VIEW, as TLC checks it: the behaviour graph's nodes are the classes
 * (the first state seen of each), a state's atoms are evaluated on that state, a step's action
 * atoms on the successor the step computed. Hit(b) from the initial state leads to the class of
 * Hit(a)'s state, so the cycle init → Hit(a) → Reset → init meets SF(Hit(b)) through that step while
 * done[b] is never TRUE in a recorded state: TLC 2.20 reports the violation (a false alarm it warns
 * about for SYMMETRY). Figures from TLC 2.20: no reduction "No error has been found", 7 generated /
 * 3 distinct; SYMMETRY and VIEW "Temporal properties were violated", 5 generated / 2 distinct. The
 * action atoms were evaluated on the recorded state, and the check said "No error".
 */
const spec = `---- MODULE SymLive ----
EXTENDS TLC
CONSTANT P
VARIABLE done
Init == done = [p \\in P |-> FALSE]
Hit(p) == \\A q \\in P : ~done[q] /\\ done' = [done EXCEPT ![p] = TRUE]
Reset == \\E p \\in P : done[p] /\\ done' = [q \\in P |-> FALSE]
Spec == Init /\\ [][\\E p \\in P : Hit(p) \\/ Reset]_done /\\ \\A p \\in P : SF_done(Hit(p)) /\\ WF_done(Reset)
Prop == \\A p \\in P : []<>done[p]
Sym == Permutations(P)
View == {done[p] : p \\in P}
====`;

const check = (extra: string) =>
  checkModel({
    files: [{ name: 'SymLive.tla', text: spec }],
    mainModule: 'SymLive',
    cfg: `CONSTANT P = {a, b}\nSPECIFICATION Spec\nPROPERTY Prop\n${extra}\n`,
  });

describe('liveness on a graph reduced by SYMMETRY or VIEW (as TLC 2.20)', () => {
  it('no reduction: no error, 7 generated / 3 distinct', async () => {
    const r = await check('');
    expect(r.result).toBe('success');
    expect([r.generatedStates, r.distinctStates]).toEqual([7, 3]);
  });

  it.each(['SYMMETRY Sym', 'VIEW View'])(
    '%s: a step to another member of a class meets the fairness condition',
    async (line) => {
      const r = await check(line);
      expect(r.result).toBe('liveness failure');
      expect(r.violated).toBe('Prop');
      expect([r.generatedStates, r.distinctStates]).toEqual([5, 2]);
    },
  );
});
