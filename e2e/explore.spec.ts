/**
 * Explore mode: behaviours built by hand, without a check, on the TwoPhase example.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { artifacts, editorText, expect, setTheme, test } from './fixtures';

async function openTwoPhase(page: Page) {
  await page.goto('/');
  await editorText(page);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByLabel('Open an example').selectOption('TwoPhase');
  await expect.poll(() => editorText(page)).toContain('MODULE TwoPhase');
  await page.getByRole('button', { name: 'Explore', exact: true }).click();
}

const choices = (page: Page) => page.getByRole('list', { name: 'Choices' }).getByRole('button');
const stepButtons = (page: Page) => page.getByRole('list', { name: 'Steps' }).getByRole('button');

/** Takes the choice whose label is `label` (the action and its parameters). */
async function take(page: Page, label: string, steps: number) {
  await choices(page)
    .filter({ hasText: new RegExp(`^${escape(label)}`) })
    .click();
  await expect(stepButtons(page)).toHaveCount(steps);
}

const escape = (s: string) => s.replace(/[()[\]]/g, (c) => `\\${c}`);

test('explores TwoPhase by hand for five steps, goes back and branches', async ({
  page,
  errors,
}) => {
  await openTwoPhase(page);
  await expect(page.getByRole('heading', { name: 'Initial states' })).toBeVisible();
  await expect(choices(page)).toHaveCount(1);
  await expect(choices(page).first()).toContainText('tmState = "init"');
  await choices(page).first().click();
  await expect(stepButtons(page)).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Next from state 1' })).toBeVisible();

  // The enabled actions, with their parameters and what each would change.
  const prepare = choices(page).filter({ hasText: /^RMPrepare\(r1\)/ });
  await expect(prepare).toContainText('~ rmState[r1]: "working" → "prepared"');
  await expect(prepare).toContainText('+ msgs: [type |-> "Prepared", rm |-> r1]');
  await expect(choices(page).filter({ hasText: /^TMAbort/ })).toBeVisible();

  await take(page, 'RMPrepare(r1)', 2);
  await take(page, 'RMPrepare(r2)', 3);
  await take(page, 'TMRcvPrepared(r1)', 4);
  await take(page, 'RMPrepare(r3)', 5);
  await take(page, 'TMRcvPrepared(r2)', 6);
  const state = page.getByLabel('State 6', { exact: true });
  await expect(state).toContainText('TMRcvPrepared(r2)');
  await expect(state).toContainText('tmPrepared = {r1, r2}');
  await expect(state.locator('.vt-row[data-change="changed"]')).toHaveCount(1);
  await expect(page).toHaveURL(/explore=0\.\d+\.\d+\.\d+\.\d+\.\d+&step=6|step=6.*explore=/);
  await page.screenshot({ path: `${artifacts}explore-five-steps.png` });

  // Back drops the last step.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(stepButtons(page)).toHaveCount(5);
  // Choosing from an earlier state branches: the later steps are replaced.
  await stepButtons(page).nth(2).click();
  await expect(page.getByRole('heading', { name: 'Next from state 3' })).toBeVisible();
  await expect(page.locator('.choices__note')).toContainText('steps 4–5 are replaced');
  await take(page, 'TMAbort', 4);
  await expect(page.getByLabel('State 4', { exact: true })).toContainText('tmState = "aborted"');
  await expect(stepButtons(page).nth(3)).toContainText('TMAbort');

  // The explored path is a trace like others: the URL replays it after a reload.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(stepButtons(page)).toHaveCount(4, { timeout: 15_000 });
  await expect(page.getByLabel('State 4', { exact: true })).toContainText('tmState = "aborted"');

  // … and it exports.
  const download = page.waitForEvent('download');
  await page.getByLabel('Export the trace').selectOption('itf');
  const file = await (await download).path();
  const itf = JSON.parse(readFileSync(file, 'utf8'));
  expect(itf.vars).toEqual(['rmState', 'tmState', 'tmPrepared', 'msgs']);
  expect(itf.states).toHaveLength(4);
  expect(itf.states[3]['#meta'].label).toBe('TMAbort');
  expect(errors).toEqual([]);
});

test('adds a watch expression while exploring', async ({ page, errors }) => {
  await openTwoPhase(page);
  await choices(page).first().click();
  await take(page, 'RMPrepare(r2)', 2);
  const input = page.getByLabel('Watch expression');
  await input.fill('tmPrepared = RM');
  await input.press('Enter');
  await input.fill('rmState[r9]');
  await input.press('Enter');
  const values = page.getByTestId('watch-value');
  await expect(values.nth(0)).toHaveText('FALSE', { timeout: 15_000 });
  await expect(values.nth(1)).toContainText('Error');
  await take(page, 'TMRcvPrepared(r2)', 3);
  await expect(values.nth(0)).toHaveText('FALSE');
  expect(errors).toEqual([]);
});

/** Gives the views more of the page's height, as a user would for a long trace. */
async function enlargeViews(page: Page) {
  const divider = page.getByRole('separator', { name: 'Resize the editor and the views' });
  await divider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
}

test('screenshots explore mode in light and dark', async ({ page, errors }) => {
  await openTwoPhase(page);
  await choices(page).first().click();
  await take(page, 'RMPrepare(r1)', 2);
  await take(page, 'RMPrepare(r2)', 3);
  await take(page, 'TMRcvPrepared(r2)', 4);
  await page.getByRole('button', { name: 'Expand msgs' }).click();
  await page.getByRole('button', { name: 'Expand rmState' }).click();
  const input = page.getByLabel('Watch expression');
  await input.fill('tmPrepared = RM');
  await input.press('Enter');
  await expect(page.getByTestId('watch-value').nth(0)).toHaveText('FALSE', { timeout: 15_000 });
  await enlargeViews(page);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.screenshot({ path: `${artifacts}explore-${theme}.png` });
  }
  expect(errors).toEqual([]);
});

test('continues a counterexample by hand from one of its states', async ({ page, errors }) => {
  await page.goto('/');
  await editorText(page);
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  await expect(page.getByTestId('result')).toContainText('NotSolved', { timeout: 30_000 });
  await stepButtons(page).nth(2).click();
  await page.getByRole('button', { name: 'Explore from here' }).click();
  await expect(page.getByRole('button', { name: 'Explore', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(stepButtons(page)).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Next from state 3' })).toBeVisible();
  // From (small 3, big 2): emptying the small jug is one of the choices.
  await take(page, 'EmptySmall', 4);
  await expect(page.getByLabel('State 4', { exact: true })).toContainText('small = 0');
  // The counterexample is still there.
  await page.getByRole('button', { name: 'Check result' }).click();
  await expect(stepButtons(page)).toHaveCount(7);
  expect(errors).toEqual([]);
});
