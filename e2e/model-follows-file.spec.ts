/**
 * The check follows the file being written: in a new project, a module and config added with "+"
 * are what Run checks (not the template left selected), the panel says which, files can be
 * renamed (a module's header follows), and a header edited away from its file name is fixed in
 * one click from the error, whose link opens a file that exists.
 */
import type { Page } from '@playwright/test';
import { editorText, expect, test } from './fixtures';
import { replaceEditorText, runButton, threeShots, verdict } from './open-spec';

/** Two processes and a lock that is never taken: both reach the critical section. */
const buggyMutex = `---- MODULE Mutex ----
EXTENDS Naturals
VARIABLES pc
Procs == {"p1", "p2"}
Init == pc = [p \\in Procs |-> "idle"]
Enter(p) == pc[p] = "idle" /\\ pc' = [pc EXCEPT ![p] = "cs"]
Leave(p) == pc[p] = "cs" /\\ pc' = [pc EXCEPT ![p] = "idle"]
Next == \\E p \\in Procs : Enter(p) \\/ Leave(p)
MutualExclusion == ~(pc["p1"] = "cs" /\\ pc["p2"] = "cs")
====
`;

async function newFile(page: Page, name: string) {
  await page.getByRole('button', { name: 'New file' }).click();
  const field = page.getByRole('textbox', { name: 'New file name' });
  await field.fill(name);
  await field.press('Enter');
  const file = name.includes('.') ? name : `${name}.tla`;
  await expect(page.getByRole('tab', { name: file, exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
}

async function newProject(page: Page) {
  await page.goto('/');
  await editorText(page);
  await page.getByRole('button', { name: /^Your files/ }).click();
  const panel = page.getByRole('dialog', { name: 'Your files' });
  await panel.getByRole('button', { name: 'New project' }).click();
  const name = panel.getByRole('textbox', { name: 'Project name' });
  await name.fill('Locks');
  await name.press('Enter');
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText('MODULE Spec');
  await page.keyboard.press('Escape');
}

test('Run checks the module and config just added, not the template', async ({ page, errors }) => {
  await newProject(page);
  await expect(page.getByTestId('run-target')).toContainText('Checks Spec.tla with Spec.cfg');

  await newFile(page, 'Mutex');
  // A module the check does not read: said, with a way to check it.
  await expect(page.getByTestId('run-target')).toContainText(
    'You are editing Mutex.tla, which Spec does not use.',
  );
  await threeShots(page, 'model-unused-module', () => page.locator('.run-controls'));
  await replaceEditorText(page, buggyMutex);
  await newFile(page, 'Mutex.cfg');
  await replaceEditorText(page, 'INIT Init\nNEXT Next\nINVARIANT MutualExclusion\n');
  await expect(page.getByTestId('run-target')).toContainText('Checks Mutex.tla with Mutex.cfg');
  await expect(page.getByLabel('Module')).toHaveValue('Mutex');

  await runButton(page).click();
  await expect(verdict(page)).toHaveText('Invariant violated: MutualExclusion', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('checked-target')).toHaveText('Checked Mutex.tla with Mutex.cfg');
  await threeShots(page, 'model-follows');

  // Back on the template's tab, the model follows it.
  await page.getByRole('tab', { name: 'Spec.tla' }).click();
  await expect(page.getByTestId('run-target')).toContainText('Checks Spec.tla with Spec.cfg');
  expect(errors).toEqual([]);
});

test('a file can be renamed, and its module header follows', async ({ page }) => {
  await newProject(page);
  await page.getByRole('tab', { name: 'Spec.tla' }).dblclick();
  const field = page.getByRole('textbox', { name: 'New name for Spec.tla' });
  await field.fill('Counter');
  await threeShots(page, 'rename-tab', () => page.locator('.tabs--editor'));
  await field.press('Enter');
  await expect(page.getByRole('tab', { name: 'Counter.tla' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Spec.tla' })).toHaveCount(0);
  expect(await editorText(page)).toContain('MODULE Counter');
  await expect(page.getByLabel('Module')).toHaveValue('Counter');
  // And the config, through the keyboard.
  await page.getByRole('tab', { name: 'Spec.cfg' }).focus();
  await page.keyboard.press('F2');
  await page.getByRole('textbox', { name: 'New name for Spec.cfg' }).fill('Counter.cfg');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Config')).toHaveValue('Counter.cfg');
  await runButton(page).click();
  await expect(verdict(page)).toHaveText('No error found', { timeout: 30_000 });
});

test('a module renamed in its header: the error links to its file and renames it', async ({
  page,
  errors,
}) => {
  await newProject(page);
  await replaceEditorText(
    page,
    "---- MODULE Tally ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x' = (x + 1) % 3\nTypeOK == x \\in 0..2\n====\n",
  );
  await runButton(page).click();
  const result = page.getByTestId('result');
  await expect(result).toContainText('file Spec.tla holds module Tally', { timeout: 30_000 });
  // The location link names the file the header is in, not a Tally.tla that does not exist.
  await expect(result.getByRole('button', { name: /^Spec\.tla:1:/ })).toBeVisible();
  await expect(result.getByRole('button', { name: /^Tally\.tla/ })).toHaveCount(0);
  await result.getByRole('button', { name: 'Rename Spec.tla to Tally.tla' }).click();
  await expect(page.getByRole('tab', { name: 'Tally.tla' })).toBeVisible();
  await expect(page.getByLabel('Module')).toHaveValue('Tally');
  await runButton(page).click();
  await expect(verdict(page)).toHaveText('No error found', { timeout: 30_000 });
  expect(errors).toEqual([]);
});
