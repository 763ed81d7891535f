import { describe, expect, it } from 'vitest';
import { VIEW_LASSO_WARNING, checkModel } from '../../check';

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

/**
 * The tableau's transitions need the successor the step computed to be consistent with the
 * tableau node (TLC's LiveCheck: `isConsistent(s1)`), not the state recorded for its class. Under
 * this VIEW, Fin(p) leads back to the class of p1 and p2 at "b" (view: nobody at "a"), a step to a
 * state with a "c", which the tableau of []~(some pc = "c") refuses: the only cycle left is
 * stuttering, which WF(Fin(p)) forbids where Fin is enabled (x = 0 in the recorded state). TLC
 * 2.20: "No error has been found", 12 generated / 4 distinct with the VIEW, 10 / 3 with SYMMETRY
 * too; a violation without the VIEW (36 / 26, and 26 / 18 with SYMMETRY alone). Reading the
 * tableau's literals on the recorded state let the Fin self-loop through: a violation.
 */
const tableauSpec = `---- MODULE TabLive ----
EXTENDS Naturals, TLC
CONSTANT S
VARIABLES pc, x, flag
vars == <<pc, x, flag>>
Go(p) == pc[p] = "a" /\\ x < 2 /\\ pc' = [pc EXCEPT ![p] = "b"] /\\ UNCHANGED <<x, flag>>
Fin(p) == pc[p] = "b" /\\ x = 0 /\\ pc' = [pc EXCEPT ![p] = "c"] /\\ UNCHANGED <<x, flag>>
Init == pc = [p \\in S |-> "a"] /\\ x \\in 0..1 /\\ flag \\in BOOLEAN
Next == \\/ \\E p \\in S : Go(p)
        \\/ \\E p \\in S : Fin(p)
Spec == Init /\\ [][Next]_vars /\\ (\\A p \\in S : SF_vars(Go(p))) /\\ (\\A p \\in S : WF_vars(Fin(p)))
Prop == <>(\\E p \\in S : pc[p] = "c")
Sym == Permutations(S)
View == [p \\in S |-> pc[p] = "a"]
====`;

describe('the tableau on a graph reduced by VIEW (as TLC 2.20)', () => {
  it.each([
    ['', 'liveness failure', 36, 26],
    ['SYMMETRY Sym', 'liveness failure', 26, 18],
    ['VIEW View', 'success', 12, 4],
    ['SYMMETRY Sym\nVIEW View', 'success', 10, 3],
  ])('%s: %s, %i generated / %i distinct', async (extra, result, generated, distinct) => {
    const r = await checkModel({
      files: [{ name: 'TabLive.tla', text: tableauSpec }],
      mainModule: 'TabLive',
      cfg: `CONSTANT S = {p1, p2}\nSPECIFICATION Spec\nPROPERTY Prop\nCHECK_DEADLOCK FALSE\n${extra}\n`,
    });
    expect(r.result).toBe(result);
    expect([r.generatedStates, r.distinctStates]).toEqual([generated, distinct]);
  });
});

/**
 * A lasso of the graph of a VIEW's classes that is no behaviour: members of one class (same pc
 * and flag, another x) have different successors, and no member replays the whole chain. TLC
 * 2.20: "Temporal properties were violated", 50 generated / 12 distinct, depth 6. We stopped with
 * "Internal error: trace replay lost the state at step 6"; now the verdict, the recorded states
 * with each step taken from the state shown, and a warning that says so.
 */
const viewLasso = `---- MODULE M88 ----
EXTENDS Naturals, FiniteSets, TLC
CONSTANT S
VARIABLES pc, x, flag
vars == <<pc, x, flag>>
Go(p) == pc[p] = "a" /\\ x = 0 /\\ pc' = [pc EXCEPT ![p] = "b"] /\\ UNCHANGED <<x, flag>>
Fin(p) == pc[p] = "b" /\\ flag /\\ pc' = [pc EXCEPT ![p] = "c"] /\\ x' = (x + 1) % 3 /\\ UNCHANGED flag
Back(p) == pc[p] = "c" /\\ pc' = [pc EXCEPT ![p] = "a"] /\\ UNCHANGED <<x, flag>>
Tog == flag' = ~flag /\\ UNCHANGED <<pc, x>>
Inc == x < 2 /\\ x' = x + 1 /\\ UNCHANGED <<pc, flag>>
Dec == x > 0 /\\ x' = x - 1 /\\ UNCHANGED <<pc, flag>>
Init == pc = [p \\in S |-> "a"] /\\ x \\in 0..1 /\\ flag \\in BOOLEAN
Next == \\/ \\E p \\in S : Back(p)
        \\/ Inc
        \\/ \\E p \\in S : Go(p)
        \\/ Dec
        \\/ Tog
        \\/ \\E p \\in S : Fin(p)
Spec == Init /\\ [][Next]_vars /\\ (\\A p \\in S : SF_vars(Fin(p))) /\\ (\\A p \\in S : SF_vars(Back(p)))
          /\\ SF_vars(Inc) /\\ SF_vars(Dec) /\\ SF_vars(Tog)
Prop0 == \\A p \\in S : (pc[p] = "b") ~> (pc[p] = "c")
Prop1 == \\A p \\in S : SF_vars(Go(p))
Sym == Permutations(S)
View == <<pc, flag>>
====`;

describe('a liveness counterexample under a VIEW that is no behaviour', () => {
  it('is shown as the recorded states, each step from the state shown, with a warning', async () => {
    const r = await checkModel({
      files: [{ name: 'M88.tla', text: viewLasso }],
      mainModule: 'M88',
      cfg: 'CONSTANT S = {p1, p2}\nSPECIFICATION Spec\nPROPERTY Prop0\nPROPERTY Prop1\nSYMMETRY Sym\nVIEW View\nCHECK_DEADLOCK FALSE\n',
    });
    expect(r.result).toBe('liveness failure');
    expect([r.generatedStates, r.distinctStates, r.depth]).toEqual([50, 12, 6]);
    expect(r.warnings).toContain(VIEW_LASSO_WARNING);
    const steps = r.trace!.steps;
    expect(steps.length).toBeGreaterThan(2);
    // Every step after the first is an action of the spec, found from the state shown.
    for (const st of steps.slice(1))
      expect(['Go', 'Fin', 'Back', 'Tog', 'Inc', 'Dec']).toContain(st.action);
  });
});
