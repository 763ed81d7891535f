/**
 * Share links end to end: DieHard's counterexample shared from one page opens in a fresh browser
 * context at the same step with the same state; a damaged link leaves the user's work alone; a
 * pasted TLC trace is shown with no spec for it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { artifacts, checkDieHard, editorText, expect, test } from './fixtures';

const TLC_TRACE = new URL(
  '../../shared/corpus/tlc-traces/DieHard__DieHard.tlc.txt',
  import.meta.url,
).pathname;

const stateRows = (page: Page) =>
  page.locator('.state-panel .vt-row[data-variable]').allInnerTexts();

test('a shared DieHard counterexample opens in a fresh page at the same step and state', async ({
  page,
  browser,
  errors,
}) => {
  const steps = await checkDieHard(page);
  await steps.nth(4).click();
  await expect(page.getByLabel('State 5', { exact: true })).toBeVisible();
  const shown = await stateRows(page);

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByTestId('share-url');
  await expect(field).toHaveValue(/#share=[A-Za-z0-9_-]+$/, { timeout: 20_000 });
  const url = await field.inputValue();
  await page.screenshot({ path: `${artifacts}share-popover.png` });
  console.log(`DieHard example share link from the UI: ${url.length} characters`);

  // A fresh context: no localStorage, nothing of the first page's.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const freshErrors: string[] = [];
  fresh.on('pageerror', (e) => freshErrors.push(String(e)));
  await fresh.goto(url);
  await expect(fresh.getByTestId('share-banner')).toContainText(
    'Opened a shared behaviour of 7 states at state 5',
    { timeout: 30_000 },
  );
  await expect(fresh.getByLabel('State 5', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => stateRows(fresh), { timeout: 20_000 }).toEqual(shown);
  expect(await editorText(fresh)).toContain('MODULE DieHard');
  await fresh.screenshot({ path: `${artifacts}share-opened.png` });
  // The share key leaves the URL; the step stays, as the trace viewer writes it.
  await expect(fresh).toHaveURL(/#.*step=5/);
  expect(fresh.url()).not.toContain('share=');
  await context.close();
  expect(freshErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test('a damaged link explains itself and leaves the previous work untouched', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await editorText(page);
  page.on('dialog', (d) => void d.accept());
  await page.getByLabel('Open an example').selectOption('TwoPhase');
  await expect(page.getByRole('tab', { name: 'TwoPhase.tla' })).toBeVisible();
  // The store saves after a pause; a new page must find the work saved.
  await page.waitForTimeout(800);

  const other = await page.context().newPage();
  await other.goto('/#share=eJzLSM3JyQcABiwCFQ-this-was-cut');
  await expect(other.getByTestId('share-banner')).toContainText(
    'This share link could not be opened. Your work is as you left it.',
  );
  await expect(other.getByTestId('share-banner')).toContainText(/damaged|cut/);
  await other.screenshot({ path: `${artifacts}share-damaged.png` });
  await expect(other.getByRole('tab', { name: 'TwoPhase.tla' })).toBeVisible();
  expect(await editorText(other)).toContain('MODULE TwoPhase');
  await other.getByRole('button', { name: 'Dismiss' }).click();
  await expect(other.getByTestId('share-banner')).toHaveCount(0);
  await other.close();
  expect(errors).toEqual([]);
});

test('a pasted TLC error trace opens in the trace viewer and the sequence diagram with no spec for it', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await editorText(page);
  page.on('dialog', (d) => void d.accept());
  // TwoPhase is open: the pasted DieHard trace has no spec here, and is shown all the same.
  await page.getByLabel('Open an example').selectOption('TwoPhase');
  await expect(page.getByRole('tab', { name: 'TwoPhase.tla' })).toBeVisible();
  await page.getByRole('button', { name: 'Paste trace…' }).click();
  await page.getByLabel('Trace text').fill(readFileSync(TLC_TRACE, 'utf8'));
  await page.getByRole('button', { name: 'Show trace' }).click();
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps).toHaveCount(7);
  await steps.last().click();
  await expect(page.getByLabel('State 7', { exact: true })).toContainText('big = 4');
  await page.getByRole('tab', { name: 'Sequence' }).click();
  await expect(page.getByRole('img', { name: 'Sequence diagram of 7 steps' })).toBeVisible({
    timeout: 20_000,
  });
  expect(errors).toEqual([]);
});
