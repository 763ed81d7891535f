/**
 * PlusCal in the browser: a corpus algorithm (TeachingConcurrency/Simple) edited in the app is
 * translated before the check (its translation was stale), the new result is found, and the
 * trace's steps are named by PlusCal label and process; an algorithm that does not translate is
 * marked at its place and the check refuses to run on the stale translation.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { artifacts, editorText, expect, test } from './fixtures';
import { editInEditor, openAsProject, runButton, threeShots, verdict } from './open-spec';

const dir = fileURLToPath(
  new URL('../../shared/corpus/examples/TeachingConcurrency/', import.meta.url),
);
const files = [
  { name: 'Simple.tla', text: readFileSync(`${dir}Simple.tla`, 'utf8') },
  { name: 'Simple.cfg', text: readFileSync(`${dir}Simple.cfg`, 'utf8') },
];

test('an edited PlusCal algorithm is translated, checked, and its steps named by label', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, files);
  // As it comes, the algorithm checks (TLC: 723 distinct states).
  await runButton(page).click();
  await expect(verdict(page)).toHaveText('No error found', { timeout: 60_000 });
  await expect(page.getByTestId('result')).toContainText('723');

  // Process i now sets y[i] to 0: when all are done, no y is 1 (PCorrect fails).
  await editInEditor(page, 'y[self] := x[(self-1) % N]', 'y[self] := 0');
  await expect(page.getByTestId('stale-result')).toBeVisible();
  await runButton(page).click();
  await expect(page.getByTestId('pluscal-translated')).toContainText(
    'Translated the PlusCal algorithm of Simple.tla first',
    { timeout: 30_000 },
  );
  await expect(verdict(page)).toHaveText('Invariant violated: PCorrect', { timeout: 60_000 });
  // The translation in the editor is the new algorithm's.
  expect(await editorText(page)).not.toContain('x[(self-1) % N]');
  // Each process does a then b: ten steps after the initial state, named label(process).
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps).toHaveCount(11);
  await expect(steps.nth(1)).toContainText(/a\(\d\)/);
  await expect(steps.nth(10)).toContainText(/b\(\d\)/);
  // A step shows its label's statements in the algorithm (b: is on line 32), not the translation.
  await steps.nth(2).click();
  await expect(steps.nth(2)).toContainText(/b\(\d\)/);
  const editor = page.locator('[data-testid=editor]');
  await expect(editor.locator('.rangeHighlight').first()).toBeVisible();
  await expect(editor.locator('.active-line-number')).toHaveText('32');
  await threeShots(page, 'pluscal-translated');
  // The sequence diagram has a lifeline per process (read from pc, a function of the processes).
  await page.getByRole('tab', { name: 'Sequence' }).click();
  await expect(page.locator('.sq-svg .sq-lane-name')).toHaveText(['0', '1', '2', '3', '4']);
  await page.screenshot({ path: `${artifacts}pluscal-sequence.png` });
  expect(errors).toEqual([]);
});

test('an algorithm that does not translate is marked, and the check refuses to run', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, files);
  await editInEditor(page, 'a: x[self] := 1', 'a: x[self] :=');
  // pcal.trans: "Empty right-hand side of assignment at line 31, column 18" (the next token).
  const marker = page.locator('[data-testid=editor] .squiggly-error');
  await expect(marker.first()).toBeVisible({ timeout: 10_000 });
  await runButton(page).click();
  const failure = page.locator('.results__failure');
  await expect(failure).toContainText(
    'the PlusCal algorithm of Simple.tla does not translate: Empty right-hand side of assignment at line 31, column 18',
  );
  await threeShots(page, 'pluscal-error');
  expect(errors).toEqual([]);
});
