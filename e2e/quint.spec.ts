/**
 * Quint in the app (issue #20): the Quint DieHard from the gallery opens with Quint's colouring
 * and its model (main module, init, step, invariants) in the side panel, is checked by the
 * engine, its counterexample is stepped and shown in the sequence diagram, and a share link
 * reopens it in a fresh context at the same step.
 */
import type { Page } from '@playwright/test';
import { artifacts, editorText, expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { editInEditor, runButton, threeShots, verdict } from './open-spec';

const stateRows = (page: Page) =>
  page.locator('.state-panel .vt-row[data-variable]').allInnerTexts();

test('a Quint spec from the gallery is checked, stepped, drawn and shared', async ({
  page,
  browser,
  errors,
}) => {
  await page.goto('/');
  await editorText(page);
  await page.getByRole('button', { name: 'Gallery' }).click();
  await page
    .getByRole('dialog', { name: 'Example gallery' })
    .getByRole('button', { name: 'Open DieHardQuint' })
    .click();
  // The editor swaps its model for one in the Quint language: poll, its text is briefly empty.
  await expect.poll(() => editorText(page)).toContain('module DieHard {');
  // Quint's own colouring: its keywords are tokens of the Quint language.
  await expect(page.locator('[data-testid=editor] .view-lines .mtk1').first()).toBeVisible();
  const keyword = page.locator('[data-testid=editor] .view-line span', { hasText: /^module$/ });
  await expect(keyword.first()).toBeVisible();
  // What to check, instead of a .cfg.
  await expect(page.getByLabel('Main module')).toHaveValue('DieHard');
  await expect(page.getByRole('textbox', { name: 'Init', exact: true })).toHaveValue('init');
  await expect(page.getByRole('textbox', { name: 'Step', exact: true })).toHaveValue('step');
  await expect(page.getByLabel('Invariants')).toHaveValue('TypeOK, NotSolved');
  await expect(page.getByTestId('run-target')).toContainText(
    'Checks Quint module DieHard of DieHard.qnt from init by step',
  );

  // Our engine checks the Quint spec: the button does not say TLC.
  await expect(page.getByRole('button', { name: 'Run TLC check' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Run check', exact: true }).click();
  await expect(verdict(page)).toHaveText('Invariant violated: NotSolved', { timeout: 60_000 });
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps).toHaveCount(7);
  await expect(steps.nth(1)).toContainText('FillBig');
  await steps.nth(6).click();
  await expect(page.getByLabel('State 7', { exact: true })).toBeVisible();
  // The step's action is located in the Quint file, and the editor stays on it.
  await expect(page.locator('.state-panel')).toContainText('DieHard.qnt:27:5');
  await expect(page.getByTestId('run-target')).not.toContainText('You are editing');
  const shown = await stateRows(page);
  expect(shown.find((row) => row.includes('big'))).toMatch(/\n4\n/);
  await threeShots(page, 'quint-checked');

  await page.getByRole('tab', { name: 'Sequence' }).click();
  await expect(page.locator('.sq-svg')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.sq-step')).toHaveCount(7);
  await page.screenshot({ path: `${artifacts}quint-sequence.png` });
  await page.getByRole('tab', { name: 'Trace' }).click();

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByTestId('share-url');
  await expect(field).toHaveValue(/#share=[A-Za-z0-9_-]+$/, { timeout: 20_000 });
  const url = await field.inputValue();

  const context = await browser.newContext();
  const fresh = await context.newPage();
  const freshErrors: string[] = [];
  fresh.on('pageerror', (e) => freshErrors.push(String(e)));
  await fresh.goto(url);
  await expect(fresh.getByTestId('share-banner')).toContainText(
    'Opened a shared behaviour of 7 states at state 7',
    { timeout: 30_000 },
  );
  await expect.poll(() => stateRows(fresh), { timeout: 20_000 }).toEqual(shown);
  expect(await editorText(fresh)).toContain('module DieHard {');
  await expect(fresh.getByLabel('Invariants')).toHaveValue('TypeOK, NotSolved');
  await fresh.screenshot({ path: `${artifacts}quint-share-opened.png` });
  await context.close();
  expect(freshErrors).toEqual([]);

  // Quint's own diagnostics, from its type checker in the language worker, as the user types.
  await editInEditor(page, 'big != 4', 'big != "four"');
  const squiggle = page.locator('[data-testid=editor] .squiggly-error');
  await expect(squiggle.first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${artifacts}quint-diagnostic.png` });
  expect(errors).toEqual([]);
});

test('a Quint file added to a TLA+ project: its temporal property, a simulation, and back to TLA+', async ({
  page,
  errors,
}) => {
  // The Quint DieHard with a temporal property that fails: nothing makes the jugs move.
  const quint = readFileSync(
    new URL('../src/ui/examples/DieHardQuint/DieHard.qnt', import.meta.url),
    'utf8',
  ).replace(
    'val NotSolved = big != 4',
    'val NotSolved = big != 4\n  temporal Solved = eventually(big == 4)',
  );
  await page.goto('/');
  await editorText(page);
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'DieHard.qnt', { type: 'text/plain' }));
    return data;
  }, quint);
  await page.dispatchEvent('[data-testid=editor]', 'dragenter', { dataTransfer: transfer });
  for (const event of ['dragenter', 'dragover', 'drop'])
    await page.dispatchEvent('[data-testid=drop-current]', event, { dataTransfer: transfer });
  await expect(page.getByRole('tab', { name: /DieHard\.qnt/ })).toBeVisible();

  await page.getByRole('button', { name: 'Check DieHard.qnt (Quint) instead' }).click();
  await expect(page.getByLabel('Main module')).toHaveValue('DieHard');
  await page.getByLabel('Invariants').fill('TypeOK');
  await page.getByLabel('Invariants').press('Enter');
  await page.getByLabel('Temporal').fill('Solved');
  await page.getByLabel('Temporal').press('Enter');
  await page.getByRole('button', { name: 'Run check', exact: true }).click();
  await expect(verdict(page)).toContainText('Temporal property violated', { timeout: 60_000 });
  await expect(page.getByTestId('result')).toContainText('Solved');
  // The counterexample: the initial state, then the jugs standing still for ever.
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps.first()).toContainText('Initial predicate');
  await page.screenshot({ path: `${artifacts}quint-temporal.png` });

  // Renamed, the .qnt keeps its extension and the model follows it.
  await page.getByRole('tab', { name: 'DieHard.qnt' }).dblclick();
  await page.getByRole('textbox', { name: 'New name for DieHard.qnt' }).fill('Jugs');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Jugs.qnt' })).toBeVisible();
  await expect(page.getByLabel('Quint file')).toHaveValue('Jugs.qnt');

  // A random simulation of the Quint spec in the workers: TypeOK holds on every behaviour.
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.getByTestId('simulation-stats')).toContainText(/Seed\s*\d+/, {
    timeout: 60_000,
  });
  await expect(verdict(page)).toHaveText('No error in 1,000 random behaviours');
  await page.screenshot({ path: `${artifacts}quint-simulated.png` });

  // Back to the TLA+ twin, with its .cfg: TLC's button again, and its verdict.
  await page.getByRole('button', { name: 'Check DieHard.tla (TLA+) instead' }).click();
  await expect(page.getByRole('button', { name: 'Check Jugs.qnt (Quint) instead' })).toBeVisible();
  await expect(page.getByLabel('Config')).toHaveValue('DieHard.cfg');
  await runButton(page).click();
  await expect(verdict(page)).toHaveText('Invariant violated: NotSolved', { timeout: 60_000 });
  expect(errors).toEqual([]);
});
