import { beforeAll, describe, expect, it } from 'vitest';
import { checkModel } from '../../check';
import { loadQuint, quintRequest } from '../../../quint';

/**
 * Fairness inside a PROPERTY (`WF_vars(A) => <>P`), not in the behaviour spec: the negation holds
 * WF's disjunction of cycle conditions, read as one cycle clause. TLC 2.20's results on this
 * module (6 distinct states each): Holds, LeadsHolds, Both hold; Fails is violated.
 */
const text = `---- MODULE WFProp ----
EXTENDS Naturals
VARIABLES x, b
vars == <<x, b>>
Init == x = 0 /\\ b = FALSE
Inc == x < 2 /\\ x' = x + 1 /\\ UNCHANGED b
Toggle == b' = ~b /\\ UNCHANGED x
Next == Inc \\/ Toggle
Spec == Init /\\ [][Next]_vars
Holds == WF_vars(Inc) => <>(x = 2)
Fails == WF_vars(Toggle) => <>(x = 2)
LeadsHolds == WF_vars(Inc) => ((x = 0) ~> (x = 2))
Both == (WF_vars(Inc) /\\ SF_vars(Toggle)) => []<>b
====`;

const check = (property: string) =>
  checkModel({
    files: [{ name: 'WFProp.tla', text }],
    mainModule: 'WFProp',
    cfg: `SPECIFICATION Spec\nPROPERTY ${property}\n`,
  });

describe('fairness as the hypothesis of a property', () => {
  it.each([
    ['Holds', 'success'],
    ['Fails', 'liveness failure'],
    ['LeadsHolds', 'success'],
    ['Both', 'success'],
  ])('%s: %s, as TLC', async (property, verdict) => {
    const r = await check(property);
    expect(r.uncheckedProperties).toBeUndefined();
    expect(r.result).toBe(verdict);
    expect(r.distinctStates).toBe(6);
  });

  describe('Quint: temporal p = step.weakFair(vars) implies eventually(q)', () => {
    beforeAll(loadQuint, 60_000);
    // As language-features/weakFairness.qnt and ewd426's convergence (which were unchecked).
    const spec = `module wf {
      var done: bool
      action init = done' = false
      action finish = all { not(done), done' = true }
      action noop = done' = done
      action step = any { finish, noop }
      temporal eventuallyDone = finish.weakFair(Set(done)) implies eventually(done)
      temporal noFairness = eventually(done)
    }`;
    it.each([
      ['eventuallyDone', 'success'],
      ['noFairness', 'liveness failure'],
    ])('%s: %s', async (name, verdict) => {
      const r = await checkModel(
        quintRequest([{ name: 'wf.qnt', text: spec }], 'wf', { temporal: [name] }),
      );
      expect(r.uncheckedProperties).toBeUndefined();
      expect(r.result).toBe(verdict);
    });
  });
});
