/**
 * The smaller things met in a workshop: an example recognised by what it is, not by its file
 * names; the failing state marked in the step list; a .cfg naming a missing invariant flagged as
 * it is typed; Ctrl+G; a sample behaviour after a simulation that found nothing; a pasted TLC
 * trace that keeps what it is a trace of; TLC's warning for liveness under SYMMETRY; a successor
 * the next-state relation leaves without a value, named by its action; an invariant that fails to
 * evaluate, named above the cause.
 */
import { readFileSync } from 'node:fs';
import { checkDieHard, editorText, expect, test } from './fixtures';
import { editInEditor, openAsProject, threeShots, verdict } from './open-spec';

const TLC_TRACE = new URL(
  '../../shared/corpus/tlc-traces/DieHard__DieHard.tlc.txt',
  import.meta.url,
).pathname;

test('your own TwoPhase.tla is not the gallery’s example; the gallery’s is', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, [
    {
      name: 'TwoPhase.tla',
      text: "---- MODULE TwoPhase ----\nVARIABLE x\nInit == x = 0\nNext == x' = 1 - x\n====\n",
    },
    { name: 'TwoPhase.cfg', text: 'INIT Init\nNEXT Next\n' },
  ]);
  await expect(page.getByRole('region', { name: 'Model' })).toBeVisible();
  await expect(page.locator('.example-info')).toHaveCount(0);

  page.once('dialog', (d) => void d.accept());
  await page.getByLabel('Open an example').selectOption('TwoPhase');
  await expect(page.locator('.example-info')).toContainText('TwoPhase: two-phase commit');
  expect(await editorText(page)).toContain('MODULE TwoPhase');
  expect(errors).toEqual([]);
});

test('the violating state is marked in the step list and its header', async ({ page }) => {
  const steps = await checkDieHard(page);
  const last = steps.last();
  await expect(last).toHaveAttribute('data-violates', 'NotSolved');
  await expect(last).toContainText('✗ NotSolved');
  await expect(steps.first()).not.toHaveAttribute('data-violates', /.*/);
  await last.click();
  await expect(page.getByLabel('State 7', { exact: true })).toContainText(
    '✗ This state violates NotSolved.',
  );
  await threeShots(page, 'violating-step', () => page.locator('.trace-viewer'));
});

test('a .cfg naming a missing invariant is flagged as it is typed, before any Run', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await editorText(page);
  await page.getByRole('tab', { name: 'DieHard.cfg' }).click();
  await editInEditor(page, 'NotSolved', 'NotSolvd');
  const editor = page.getByTestId('editor');
  await expect(editor.locator('.squiggly-error')).toHaveCount(1, { timeout: 10_000 });
  await expect(page.getByTestId('problems-DieHard.cfg')).toBeVisible();
  // The message, on hover of the marked name.
  await editor.locator('.squiggly-error').hover({ force: true });
  await expect(page.locator('.monaco-hover:not(.hidden)')).toContainText(
    'INVARIANT NotSolvd: module DieHard defines no NotSolvd',
  );
  // No check ran for it.
  await expect(page.getByTestId('result')).toHaveCount(0);
  await threeShots(page, 'cfg-missing-invariant', () => page.locator('.editor-pane'));
  // Seen from the module's tab too, and gone once fixed.
  await page.getByRole('tab', { name: /^DieHard\.tla/ }).click();
  await expect(page.getByTestId('problems-DieHard.cfg')).toBeVisible();
  await page.getByRole('tab', { name: /^DieHard\.cfg/ }).click();
  await editInEditor(page, 'NotSolvd', 'NotSolved');
  await expect(page.getByTestId('problems-DieHard.cfg')).toHaveCount(0, { timeout: 10_000 });
  expect(errors).toEqual([]);
});

test('Ctrl+G goes to a line', async ({ page }) => {
  await page.goto('/');
  await editorText(page);
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+G');
  const box = page.locator('.quick-input-widget');
  await expect(box).toBeVisible();
  await page.keyboard.type('23');
  await threeShots(page, 'goto-line', () => page.locator('.editor-pane'));
  await page.keyboard.press('Enter');
  await expect(box).toBeHidden();
  await expect(page.locator('[data-testid=editor] .active-line-number')).toHaveText('23');
});

test('a simulation that finds no error shows a sample behaviour', async ({ page, errors }) => {
  await page.goto('/');
  await openAsProject(page, [
    {
      name: 'Clock.tla',
      text: "---- MODULE Clock ----\nEXTENDS Naturals\nVARIABLE h\nInit == h = 1\nNext == h' = IF h = 12 THEN 1 ELSE h + 1\nTypeOK == h \\in 1..12\n====\n",
    },
    { name: 'Clock.cfg', text: 'INIT Init\nNEXT Next\nINVARIANT TypeOK\n' },
  ]);
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(verdict(page)).toHaveText('No error in 1,000 random behaviours', {
    timeout: 30_000,
  });
  await expect(verdict(page)).toHaveAttribute('data-tone', 'partial');
  await expect(page.getByTestId('simulation-stats')).toContainText('Shown behaviour#0 (a sample)');
  await expect(page.getByTestId('trace-sample')).toContainText(
    'A sample behaviour of the simulation (#0 of 1,000',
  );
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps.first()).toContainText('Initial predicate');
  await expect(page.getByTestId('step-position')).toHaveText('1 / 101');
  await threeShots(page, 'simulate-sample');
  expect(errors).toEqual([]);
});

test('liveness under SYMMETRY shows TLC’s warning beside the verdict', async ({ page, errors }) => {
  await page.goto('/');
  await openAsProject(page, [
    {
      name: 'SymLive.tla',
      text:
        '---- MODULE SymLive ----\nEXTENDS TLC\nCONSTANT P\nVARIABLE done\n' +
        'Init == done = [p \\in P |-> FALSE]\n' +
        "Hit(p) == ~done[p] /\\ done' = [done EXCEPT ![p] = TRUE]\n" +
        'Spec == Init /\\ [][\\E p \\in P : Hit(p)]_done /\\ \\A p \\in P : WF_done(Hit(p))\n' +
        'Live == <>(\\A p \\in P : done[p])\nSym == Permutations(P)\n====\n',
    },
    {
      name: 'SymLive.cfg',
      text: 'CONSTANT P = {a, b}\nSPECIFICATION Spec\nCHECK_DEADLOCK FALSE\nPROPERTY Live\nSYMMETRY Sym\n',
    },
  ]);
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  // TLC 2.20: "No error has been found", after its warning.
  await expect(verdict(page)).toHaveText(/No error found/, { timeout: 30_000 });
  await expect(page.getByTestId('result-warning')).toContainText(
    'Warning: Declaring symmetry during liveness checking is dangerous.',
  );
  await threeShots(page, 'symmetry-liveness-warning', () => page.getByTestId('result'));
  expect(errors).toEqual([]);
});

test('a pasted TLC trace keeps its "Invariant … is violated" header', async ({ page, errors }) => {
  await page.goto('/');
  await editorText(page);
  await page.getByRole('button', { name: 'Paste trace…' }).click();
  await page.getByLabel('Trace text').fill(readFileSync(TLC_TRACE, 'utf8'));
  await page.getByRole('button', { name: 'Show trace' }).click();
  await expect(page.getByTestId('trace-headline')).toContainText(
    'Invariant NotSolved is violated.',
  );
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps.last()).toHaveAttribute('data-violates', 'NotSolved');
  await threeShots(page, 'pasted-headline', () => page.locator('.trace-viewer'));
  expect(errors).toEqual([]);
});

test('a successor left without a value names its action, and its link opens that line', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, [
    {
      name: 'Inc.tla',
      text:
        '---- MODULE Inc ----\nEXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\n' +
        "Next == \\/ x < 2 /\\ x' = x + 1 /\\ y' = y\n        \\/ x = 2 /\\ x' = 3\n====\n",
    },
    { name: 'Inc.cfg', text: 'INIT Init\nNEXT Next\n' },
  ]);
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  const alert = page.getByTestId('result').getByRole('alert');
  // TLC 2.20 names the disjunct on line 6 and shows the successor with x = 3, y = null.
  await expect(alert).toContainText(
    "The next-state relation does not give y' a value in action Next (the successor's other variables: x' = 3)",
    { timeout: 30_000 },
  );
  await expect(alert.getByRole('button')).toHaveText('Inc.tla:6:12');
  await alert.getByRole('button').click();
  await expect(page.locator('[data-testid=editor] .active-line-number')).toHaveText('6');
  await threeShots(page, 'incomplete-successor', () => page.getByTestId('result'));
  expect(errors).toEqual([]);
});

test('an invariant that fails to evaluate is named on a line of its own, above the cause', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, [
    {
      name: 'Inv.tla',
      text:
        '---- MODULE Inv ----\nEXTENDS Naturals\nVARIABLES x, s\nInit == x = 0 /\\ s = <<1>>\n' +
        "Next == x' = x + 1 /\\ s' = IF x = 1 THEN <<>> ELSE s\n" +
        'First == s[1]\nInv == First = 1\n====\n',
    },
    { name: 'Inv.cfg', text: 'INIT Init\nNEXT Next\nINVARIANT Inv\n' },
  ]);
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  const message = page.getByTestId('result').getByRole('alert').locator('p').first();
  // TLC 2.20 prints "Evaluating invariant Inv failed." and the cause below it.
  await expect(message).toContainText('Evaluating invariant Inv failed.', { timeout: 30_000 });
  const text = await message.evaluate((p) => (p as HTMLElement).innerText);
  expect(text.split('\n')[0]).toBe('Evaluating invariant Inv failed.');
  expect(text.split('\n').length).toBeGreaterThan(1);
  await threeShots(page, 'invariant-failed', () => page.getByTestId('result'));
  expect(errors).toEqual([]);
});
