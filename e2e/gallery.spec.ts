/**
 * The example gallery and a workshop exercise in Chromium: open the gallery, load an example,
 * check it and see its stated result; then fix an exercise's spec by typing in the editor and see
 * the goal go from "not met" to "met". Screenshots in both themes go to e2e/artifacts/.
 */
import { artifacts, editorText, expect, setTheme, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await editorText(page);
});

const gallery = (page: import('@playwright/test').Page) =>
  page.getByRole('dialog', { name: 'Example gallery' });

test('lists every example, loads one from the keyboard and checks it to its stated result', async ({
  page,
  errors,
}) => {
  // On a fresh start the open example's description is folded, to leave room for the results.
  const info = page.getByRole('region', { name: 'Example' });
  await expect(info).toContainText('DieHard: the water jug puzzle');
  await expect(info.getByText(/a shortest way to 4 gallons/)).toBeHidden();

  await page.getByRole('button', { name: 'Gallery' }).click();
  const dialog = gallery(page);
  await expect(dialog).toBeVisible();
  const cards = dialog.getByRole('list', { name: 'Examples' }).locator('> li');
  await expect(cards).toHaveCount(11);
  await expect(dialog).toContainText('Invariant NoDoubleCharge violated: a trace of 6 states');
  for (const theme of ['light', 'dark'] as const) {
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await setTheme(page, theme);
    await page.getByRole('button', { name: 'Gallery' }).click();
    await page.screenshot({ path: `${artifacts}gallery-${theme}.png` });
  }

  // Filter to the liveness examples, then open Paxos by keyboard.
  await dialog.getByRole('button', { name: 'Liveness' }).click();
  await expect(cards).toHaveCount(3); // DurableStep, EWD998, LossyRetry
  await dialog.getByRole('button', { name: 'All', exact: true }).click();
  await dialog.getByRole('button', { name: 'Open Paxos' }).focus();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Open LockServer' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect.poll(() => editorText(page)).toContain('MODULE Paxos');
  await expect(info).toContainText('Paxos: single-decree consensus');
  await expect(info).toContainText('Agreement holds in all of them');
  await expect(info).toContainText('As shipped: No error: 3,921 distinct states');

  await page.getByRole('button', { name: 'Run TLC check' }).click();
  const result = page.getByTestId('result');
  await expect(result).toContainText('No error found', { timeout: 30_000 });
  await expect(result).toContainText(/Distinct states\s*3,921/);
  await page.screenshot({ path: `${artifacts}gallery-paxos-dark.png` });
  expect(errors).toEqual([]);
});

test('a violation example shows its stated trace', async ({ page, errors }) => {
  await page.getByRole('button', { name: 'Gallery' }).click();
  await gallery(page).getByRole('button', { name: 'Open IdempotentQueue' }).click();
  await expect.poll(() => editorText(page)).toContain('MODULE IdempotentQueue');
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  const result = page.getByTestId('result');
  await expect(result).toContainText('Invariant violated: ProcessedAtMostOnce', {
    timeout: 30_000,
  });
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('button')).toHaveCount(5);
  expect(errors).toEqual([]);
});

test('workshop: Check goal is not met on the shipped spec and met after a fix typed in the editor', async ({
  page,
  errors,
}) => {
  await page.getByRole('button', { name: 'Gallery' }).click();
  await gallery(page).getByRole('button', { name: 'Open PaymentRetry' }).click();
  await expect.poll(() => editorText(page)).toContain('MODULE PaymentRetry');

  const exercise = page.getByRole('region', { name: 'Exercise' });
  await expect(exercise).toContainText('Change the model so that NoDoubleCharge holds');
  await exercise.getByRole('button', { name: /Show a hint/ }).click();
  await expect(exercise.getByRole('list', { name: 'Hints' }).locator('li')).toHaveCount(1);

  const checkGoal = exercise.getByRole('button', { name: 'Check goal' });
  await checkGoal.click();
  const verdict = exercise.getByRole('status');
  await expect(verdict).toContainText('Goal not met.', { timeout: 30_000 });
  await expect(verdict).toContainText('Invariant NoDoubleCharge is violated');
  // The check went through the ordinary run: its counterexample is in the results and trace.
  await expect(page.getByTestId('result')).toContainText('Invariant violated: NoDoubleCharge');
  await setTheme(page, 'light');
  await page.screenshot({ path: `${artifacts}goal-not-met-light.png` });

  // The fix, as a person makes it: click the line, go to its end, delete `n`, type `OrderId`.
  await page.locator('[data-testid=editor] .view-line', { hasText: 'RequestKey(n) == n' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('OrderId');
  await page.keyboard.press('Escape');
  await expect.poll(() => editorText(page)).toContain('RequestKey(n) == OrderId');
  await expect(verdict).toContainText('The files have changed since: check again.');

  await checkGoal.click();
  await expect(verdict).toContainText('Goal met.', { timeout: 30_000 });
  await expect(verdict).toContainText('NoDoubleCharge and PaidMeansCharged hold in all 39');
  await expect(page.getByTestId('result')).toContainText('No error found');
  await page.screenshot({ path: `${artifacts}goal-met-light.png` });
  await setTheme(page, 'dark');
  await page.screenshot({ path: `${artifacts}goal-met-dark.png` });

  // Opening another example over these edits asks first; staying keeps them open.
  await page.getByRole('button', { name: 'Gallery' }).click();
  await gallery(page).getByRole('button', { name: 'Open DieHard', exact: true }).click();
  await expect(gallery(page).getByRole('alertdialog')).toContainText(
    'opens as a project of its own',
  );
  await page.screenshot({ path: `${artifacts}gallery-confirm-dark.png` });
  await gallery(page).getByRole('button', { name: 'Stay here' }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => editorText(page)).toContain('RequestKey(n) == OrderId');
  expect(errors).toEqual([]);
});

test('workshop, liveness: Delivered fails under weak fairness and holds once Receive is strongly fair', async ({
  page,
  errors,
}) => {
  await page.getByRole('button', { name: 'Gallery' }).click();
  await gallery(page).getByRole('button', { name: 'Exercises' }).click();
  await gallery(page).getByRole('button', { name: 'Open LossyRetry' }).click();
  await expect.poll(() => editorText(page)).toContain('MODULE LossyRetry');
  const exercise = page.getByRole('region', { name: 'Exercise' });
  const verdict = exercise.getByRole('status');
  await exercise.getByRole('button', { name: 'Check goal' }).click();
  await expect(verdict).toContainText('Goal not met.', { timeout: 30_000 });
  await expect(verdict).toContainText('Property Delivered is violated');
  await expect(page.getByTestId('result')).toContainText('Temporal property violated: Delivered');
  await page.screenshot({ path: `${artifacts}goal-liveness-not-met.png` });

  // Go to the end of the spec, double-click the word, as a person would, and type over it.
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  const line = page.locator('[data-testid=editor] .view-line', { hasText: 'WF_vars(Receive)' });
  // The highlighter sets `WF_` apart from `vars`; a double-click selects the whole word.
  await line.getByText('WF_', { exact: true }).dblclick();
  await page.keyboard.type('SF_vars');
  await page.keyboard.press('Escape');
  await expect.poll(() => editorText(page)).toContain('SF_vars(Receive)');

  await exercise.getByRole('button', { name: 'Check goal' }).click();
  await expect(verdict).toContainText('Goal met.', { timeout: 30_000 });
  await expect(verdict).toContainText('Delivered holds in all 3 reachable states');
  expect(errors).toEqual([]);
});

test('the gallery fits a narrow window without sideways scrolling', async ({ page, errors }) => {
  await page.setViewportSize({ width: 420, height: 760 });
  await page.getByRole('button', { name: 'Gallery' }).click();
  const dialog = gallery(page);
  await expect(dialog).toBeVisible();
  const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(420);
  await page.screenshot({ path: `${artifacts}gallery-narrow.png` });
  expect(errors).toEqual([]);
});
