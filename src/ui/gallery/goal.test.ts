/**
 * The workshop goal's rule, on real checks: each shipped exercise is "not met", its solution is
 * "met", and the shortcuts (drop the invariant from the .cfg, redefine it, shrink the model)
 * are "not met" with the reason.
 */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../check/check';
import { buildCheckRequest } from '../engine/checkRequest';
import { gallery, loadExample, type Example } from '../examples';
import type { ModelSettings } from '../store';
import {
  applyEdits,
  cfgHasLine,
  cfgNames,
  definitionText,
  goalPreflight,
  judgeGoal,
  type GoalVerdict,
} from './goal';

const modelOf = (example: Example): ModelSettings => ({
  mainModule: example.mainModule,
  cfgFile: example.cfgFile,
  deadlock: 'cfg',
  workers: 1,
  memoryBudgetMb: 1024,
  recordGraph: false,
  maxGraphStates: 0,
  watches: [],
});

/** What the Check goal button does, minus the pool: preflight, then check and judge. */
async function checkGoal(example: Example, files: Record<string, string>): Promise<GoalVerdict> {
  const goal = example.goal!;
  const state = { files, model: modelOf(example) };
  const reasons = goalPreflight(example, goal, state);
  if (reasons.length) return { met: false, headline: reasons[0], reasons };
  const result = await checkModel(buildCheckRequest(state));
  return judgeGoal(goal, { status: 'done', result });
}

const exercises = await Promise.all(gallery.filter((e) => e.goal).map(loadExample));
const payment = await loadExample(gallery.find((e) => e.id === 'PaymentRetry')!);
const spec = (e: Example) => e.files[`${e.mainModule}.tla`];

describe('workshop goals', () => {
  for (const example of exercises) {
    it(`${example.id}: not met as shipped, met with the solution`, async () => {
      const before = await checkGoal(example, example.files);
      expect(before.met).toBe(false);
      expect(before.headline).toContain(`${example.expected.violated} is violated`);
      const after = await checkGoal(example, applyEdits(example.files, example.goal!.solution));
      expect(after).toEqual({
        met: true,
        headline: expect.stringMatching(/^Goal met: .* in all [\d,]+ reachable states\.$/),
        reasons: [],
      });
      expect(after.headline).toContain(
        `${example.goal!.solved.distinctStates!.toLocaleString('en-US')} reachable states`,
      );
    });
  }

  it('is not met when the invariant is dropped from the .cfg, even though the check passes', async () => {
    const files = {
      ...payment.files,
      'PaymentRetry.cfg': payment.files['PaymentRetry.cfg'].replace(' NoDoubleCharge', ''),
    };
    const verdict = await checkGoal(payment, files);
    expect(verdict.met).toBe(false);
    expect(verdict.reasons).toEqual([
      'PaymentRetry.cfg no longer checks the invariant NoDoubleCharge.',
    ]);
  });

  it('is not met when the invariant is redefined', async () => {
    const files = {
      ...payment.files,
      'PaymentRetry.tla': spec(payment).replace(
        'NoDoubleCharge == charges <= 1',
        'NoDoubleCharge == charges <= 2',
      ),
    };
    expect((await checkGoal(payment, files)).reasons).toEqual([
      'NoDoubleCharge has changed: the goal asks for a fix elsewhere, with NoDoubleCharge as shipped.',
    ]);
  });

  it('is not met when the model is shrunk to one attempt', async () => {
    const files = {
      ...payment.files,
      'PaymentRetry.cfg': payment.files['PaymentRetry.cfg'].replace(
        'MaxAttempts = 3',
        'MaxAttempts = 1',
      ),
    };
    expect((await checkGoal(payment, files)).reasons).toEqual([
      'PaymentRetry.cfg must keep `MaxAttempts = 3`: the goal is about this model.',
    ]);
  });

  it('ignores comments and spacing in the definitions it keeps', async () => {
    const files = {
      ...payment.files,
      'PaymentRetry.tla': spec(payment)
        .replace(
          'NoDoubleCharge == charges <= 1',
          'NoDoubleCharge ==   charges <= 1  \\* at most one',
        )
        .replace('RequestKey(n) == n\n', 'RequestKey(n) == OrderId\n'),
    };
    expect((await checkGoal(payment, files)).met).toBe(true);
  });

  it('says a failed or cancelled run does not meet the goal', () => {
    const goal = payment.goal!;
    expect(judgeGoal(goal, { status: 'failed', failure: 'boom' }).headline).toBe(
      'The check did not run: boom.',
    );
    expect(judgeGoal(goal, { status: 'cancelled' }).met).toBe(false);
  });
});

describe('goal helpers', () => {
  it('reads a definition up to the next line in column 0, comments and spacing aside', () => {
    const text = 'A == 1\n\\* about B\nB(x) ==\n  /\\ x  (* note *)\n\n  /\\ TRUE\nC == 2\n';
    expect(definitionText(text, 'B')).toBe('B(x) == /\\ x /\\ TRUE');
    expect(definitionText(text, 'A')).toBe('A == 1');
    expect(definitionText(text, 'D')).toBeUndefined();
  });

  it('lists a .cfg section, stopping at the next keyword and skipping comments', () => {
    const cfg =
      'INIT Init\nINVARIANTS TypeOK \\* Inv0\n  Inv1\n(* Inv2 *) Inv3\nPROPERTY Live\nCHECK_DEADLOCK FALSE';
    expect([...cfgNames(cfg, 'invariants')]).toEqual(['TypeOK', 'Inv1', 'Inv3']);
    expect([...cfgNames(cfg, 'properties')]).toEqual(['Live']);
  });

  it('finds a .cfg line whatever its spacing, and not a longer number', () => {
    expect(cfgHasLine('CONSTANTS\n  Clients={c1,c2}', 'Clients = {c1, c2}')).toBe(true);
    expect(cfgHasLine('CONSTANT MaxAttempts = 30', 'MaxAttempts = 3')).toBe(false);
    expect(cfgHasLine('\\* MaxAttempts = 3\nCONSTANT MaxAttempts = 2', 'MaxAttempts = 3')).toBe(
      false,
    );
  });
});
