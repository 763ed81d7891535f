/**
 * Your files (src/ui/files): projects kept in IndexedDB across reloads, what localStorage held
 * migrated into the first one, files opened by dragging them onto the window, and downloads.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { artifacts, editorText, expect, setTheme, test } from './fixtures';

const dieHard = readFileSync(
  new URL('../src/ui/examples/DieHard/DieHard.tla', import.meta.url),
  'utf8',
);
const dieHardCfg = readFileSync(
  new URL('../src/ui/examples/DieHard/DieHard.cfg', import.meta.url),
  'utf8',
);

const queueSpec = `---- MODULE Queue ----
EXTENDS Naturals, Sequences
VARIABLE q
Init == q = <<>>
Next == \\/ /\\ Len(q) < 2 /\\ q' = Append(q, 1)
        \\/ /\\ q # <<>> /\\ q' = Tail(q)
====
`;

async function openPanel(page: Page) {
  const button = page.getByRole('button', { name: /^Your files/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const panel = page.getByRole('dialog', { name: 'Your files' });
  await expect(panel).toBeVisible();
  await expect(panel).not.toContainText('Opening…');
  return panel;
}

const projectNames = async (page: Page) =>
  (await openPanel(page)).locator('.project-row__name').allInnerTexts();

/** The projects as IndexedDB holds them: name → file names and texts. */
function savedProjects(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, Record<string, string>>>((resolve, reject) => {
        const open = indexedDB.open('specstage');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('projects').objectStore('projects').getAll();
          get.onsuccess = () =>
            resolve(
              Object.fromEntries(
                (get.result as { name: string; files: Record<string, string> }[]).map((p) => [
                  p.name,
                  p.files,
                ]),
              ),
            );
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Waits for the editor to show `text` (switching projects is asynchronous). */
const expectEditor = (page: Page, text: string) =>
  expect(page.locator('[data-testid=editor] .view-lines')).toContainText(text);

/** Types at the end of the open file, as the user does. */
async function typeAtEnd(page: Page, text: string) {
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test('two projects are kept across a reload, each with its files', async ({ page, errors }) => {
  await page.goto('/');
  expect(await editorText(page)).toContain('MODULE DieHard');
  // The first start makes what was open (the example) the first project.
  expect(await projectNames(page)).toEqual(['DieHard']);

  const panel = await openPanel(page);
  await panel.getByRole('button', { name: 'New project' }).click();
  const name = panel.getByRole('textbox', { name: 'Project name' });
  await name.fill('Counter');
  await name.press('Enter');
  await expect(
    page.getByRole('button', { name: /^Your files \(open project: Counter\)/ }),
  ).toBeVisible();
  await expectEditor(page, 'MODULE Spec');
  await page.keyboard.press('Escape');
  await typeAtEnd(page, '\\* counted to three');
  await expect
    .poll(async () => (await savedProjects(page)).Counter?.['Spec.tla'])
    .toContain('counted to three');

  // Back to DieHard: its text, not Counter's.
  await (await openPanel(page)).getByRole('button', { name: /^DieHard/ }).click();
  await expectEditor(page, 'MODULE DieHard');
  await typeAtEnd(page, '\\* jugs');
  await expect
    .poll(async () => (await savedProjects(page)).DieHard?.['DieHard.tla'])
    .toContain('\\* jugs');

  await page.reload();
  // The edit is at the end of a long file, out of the editor's view: read what the app holds.
  expect(await editorText(page)).toContain('MODULE DieHard');
  const open = await page.evaluate(() => JSON.parse(localStorage.getItem('specstage')!).state);
  expect(open.files['DieHard.tla']).toContain('\\* jugs');
  expect(await projectNames(page)).toEqual(['DieHard', 'Counter']);
  await page.screenshot({ path: `${artifacts}files-list-light.png` });
  await (await openPanel(page)).getByRole('button', { name: /^Counter/ }).click();
  await expectEditor(page, 'counted to three');
  await expect(page.getByRole('tab', { name: 'Spec.cfg' })).toBeVisible();

  const saved = await savedProjects(page);
  expect(Object.keys(saved).sort()).toEqual(['Counter', 'DieHard']);
  expect(saved.DieHard['DieHard.cfg']).toBe(dieHardCfg);

  // Rename and delete.
  let list = await openPanel(page);
  await list.getByRole('button', { name: 'Rename Counter' }).click();
  await list.getByRole('textbox', { name: 'Project name' }).fill('Counter mod 3');
  await list.getByRole('textbox', { name: 'Project name' }).press('Enter');
  await expect(list.locator('.project-row__name')).toHaveText(['DieHard', 'Counter mod 3']);
  page.once('dialog', (dialog) => void dialog.accept());
  await list.getByRole('button', { name: 'Delete Counter mod 3' }).click();
  list = await openPanel(page);
  await expect(list.locator('.project-row__name')).toHaveText(['DieHard']);
  await expectEditor(page, 'MODULE DieHard');
  await expect(list.getByRole('button', { name: 'Delete DieHard' })).toBeDisabled();
  expect(Object.keys(await savedProjects(page))).toEqual(['DieHard']);
  expect(errors).toEqual([]);
});

test('what localStorage held before projects becomes the first project', async ({ page }) => {
  const old = {
    state: {
      files: {
        'Old.tla': "---- MODULE Old ----\nVARIABLE x\nInit == x = 0\nNext == x' = x\n====\n",
        'Old.cfg': 'INIT Init\nNEXT Next\n',
      },
      activeFile: 'Old.tla',
      model: { mainModule: 'Old', cfgFile: 'Old.cfg', watches: ['x'] },
    },
    version: 1,
  };
  await page.addInitScript((saved) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('specstage', saved);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(old));
  await page.goto('/');
  expect(await editorText(page)).toContain('MODULE Old');
  expect(await projectNames(page)).toEqual(['Old']);
  const saved = await savedProjects(page);
  expect(saved.Old).toEqual(old.state.files);
  await page.reload();
  expect(await editorText(page)).toContain('MODULE Old');
  expect(await projectNames(page)).toEqual(['Old']);
});

/** Drags files onto the window and drops them on a target, with synthetic drag events. */
async function dropFiles(
  page: Page,
  files: { name: string; text: string }[],
  target: 'new' | 'current',
  screenshot?: string,
) {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return data;
  }, files);
  await page.dispatchEvent('[data-testid=editor]', 'dragenter', { dataTransfer: transfer });
  const overlay = page.getByTestId('drop-overlay');
  await expect(overlay).toBeVisible();
  await page.dispatchEvent(`[data-testid=drop-${target}]`, 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent(`[data-testid=drop-${target}]`, 'dragover', { dataTransfer: transfer });
  await expect(page.getByTestId(`drop-${target}`)).toHaveAttribute('data-over', 'true');
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.dispatchEvent(`[data-testid=drop-${target}]`, 'drop', { dataTransfer: transfer });
  await expect(overlay).toHaveCount(0);
}

test('files dropped on the window open as a new project or join the open one', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await editorText(page);
  await projectNames(page);
  await page.keyboard.press('Escape');

  await dropFiles(
    page,
    [
      { name: 'Queue.tla', text: queueSpec },
      { name: 'notes.txt', text: 'x' },
    ],
    'new',
    `${artifacts}files-drop-overlay-light.png`,
  );
  await expect(
    page.getByRole('button', { name: /^Your files \(open project: Queue\)/ }),
  ).toBeVisible();
  await expectEditor(page, 'MODULE Queue');
  // No .cfg came with it: one naming Init and Next was made; the .txt was left out, and said so.
  await expect(page.getByRole('tab', { name: 'Queue.cfg' })).toBeVisible();
  await expect(page.getByTestId('files-banner')).toContainText('notes.txt');
  await expect.poll(async () => (await savedProjects(page)).Queue?.['Queue.tla']).toBe(queueSpec);

  // A check of the dropped spec runs.
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  await expect(page.getByTestId('result')).toContainText('No error found', { timeout: 30_000 });

  // A .cfg dropped on "add to" joins the open project and replaces the made one.
  const cfg = 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n';
  await dropFiles(page, [{ name: 'Queue.cfg', text: cfg }], 'current');
  await expect.poll(async () => (await savedProjects(page)).Queue?.['Queue.cfg']).toBe(cfg);
  expect(Object.keys(await savedProjects(page)).sort()).toEqual(['DieHard', 'Queue']);
  expect(errors).toEqual([]);
});

test('downloads give back a file and a whole project', async ({ page }) => {
  await page.goto('/');
  await editorText(page);
  const panel = await openPanel(page);

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download DieHard.tla' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('DieHard.tla');
  expect(readFileSync(await file.path(), 'utf8')).toBe(dieHard);

  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download DieHard (.zip)' }).click(),
  ]);
  expect(zip.suggestedFilename()).toBe('DieHard.zip');
  const entries = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  expect(Object.keys(entries).sort()).toEqual(['DieHard.cfg', 'DieHard.tla']);
  expect(strFromU8(entries['DieHard.tla'])).toBe(dieHard);
  expect(strFromU8(entries['DieHard.cfg'])).toBe(dieHardCfg);
});

test('without IndexedDB, projects are kept in localStorage and the user is told', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await editorText(page);
  await expect(page.getByTestId('files-banner')).toContainText('IndexedDB is not available');
  const panel = await openPanel(page);
  await expect(panel).toContainText('kept in localStorage only');
  await panel.getByRole('button', { name: 'New project' }).click();
  await panel.getByRole('textbox', { name: 'Project name' }).press('Enter');
  await expect(page.getByRole('button', { name: /open project: Untitled/ })).toBeVisible();
  await page.reload();
  await editorText(page);
  expect(await projectNames(page)).toEqual(['DieHard', 'Untitled']);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('specstage.projects')!));
  expect(saved.projects.map((p: { name: string }) => p.name).sort()).toEqual([
    'DieHard',
    'Untitled',
  ]);
});

test('file list and drop overlay screenshots (dark)', async ({ page }) => {
  await page.goto('/');
  await editorText(page);
  await setTheme(page, 'dark');
  const panel = await openPanel(page);
  await panel.getByRole('button', { name: 'New project' }).click();
  await panel.getByRole('textbox', { name: 'Project name' }).fill('Payment workflow');
  await panel.getByRole('textbox', { name: 'Project name' }).press('Enter');
  await openPanel(page);
  await page.screenshot({ path: `${artifacts}files-list-dark.png` });
  await page.keyboard.press('Escape');
  await dropFiles(
    page,
    [{ name: 'Queue.tla', text: queueSpec }],
    'current',
    `${artifacts}files-drop-overlay-dark.png`,
  );
});

test('opening an example makes a project of its own; the open one is kept', async ({ page }) => {
  await page.goto('/');
  await editorText(page);
  await typeAtEnd(page, '\\* mine');
  await expect
    .poll(async () => (await savedProjects(page)).DieHard?.['DieHard.tla'])
    .toContain('\\* mine');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('combobox', { name: 'Open an example' }).selectOption('TwoPhase');
  await expectEditor(page, 'MODULE TwoPhase');
  await expect(page.getByTestId('files-banner')).toContainText('“DieHard” is kept');
  expect(await projectNames(page)).toEqual(['DieHard', 'TwoPhase']);
  const saved = await savedProjects(page);
  expect(saved.DieHard['DieHard.tla']).toContain('\\* mine');
  expect(Object.keys(saved.TwoPhase).sort()).toEqual(['TwoPhase.cfg', 'TwoPhase.tla']);
});
