/**
 * A spec with no bound, as a new user writes one: the page warns that the search keeps getting
 * deeper and names the variable that grows, and the browser check stops at its memory budget (on
 * by default) with a message, instead of growing the tab until the browser kills it.
 */
import { expect, test } from './fixtures';
import { openAsProject, runButton, threeShots, verdict } from './open-spec';

const counter = `---- MODULE Counter ----
EXTENDS Naturals
VARIABLES n, lit
Init == n = 0 /\\ lit = FALSE
Next == n' = n + 1 /\\ lit' = ~lit
TypeOK == n \\in Nat /\\ lit \\in BOOLEAN
====
`;

const files = [
  { name: 'Counter.tla', text: counter },
  { name: 'Counter.cfg', text: 'INIT Init\nNEXT Next\nINVARIANT TypeOK\n' },
];

test('an unbounded variable is named while the check runs', async ({ page, errors }) => {
  await page.goto('/');
  await openAsProject(page, files);
  await runButton(page).click();
  const warning = page.getByTestId('growth-warning');
  await expect(warning).toContainText('The search keeps getting deeper', { timeout: 30_000 });
  // Named from random behaviours: n grows, lit only flips.
  await expect(warning.locator('li')).toHaveCount(1, { timeout: 30_000 });
  await expect(warning.locator('li')).toContainText(/^n grows along random behaviours: 0 → \d+/);
  await expect(warning).toContainText('stops at its memory budget');
  await threeShots(page, 'unbounded-warning', () => page.locator('.run-controls'));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(verdict(page)).toHaveAttribute('data-tone', 'stopped', { timeout: 10_000 });
  // The warning stays with the stopped run.
  await expect(warning.locator('li')).toContainText('n grows');
  expect(errors).toEqual([]);
});

test('the browser check has a memory budget by default and stops there', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, files);
  const budget = page.getByLabel('Memory');
  // On by default: a number of MiB, from the device's memory.
  expect(Number(await budget.inputValue())).toBeGreaterThanOrEqual(256);
  // A small one, so that the test reaches it in seconds.
  await budget.fill('16');
  await runButton(page).click();
  await expect(verdict(page)).toHaveText('Not finished: memory budget reached', {
    timeout: 60_000,
  });
  const result = page.getByTestId('result');
  await expect(result).toContainText(/Stopped at the memory budget after [\d,]+ distinct states/);
  await expect(result).not.toContainText('No error found');
  await threeShots(page, 'memory-budget', () => page.locator('.side-panel'));
  expect(errors).toEqual([]);
});
