/**
 * Helpers for tests that work on a spec of their own, as a user would bring one: dropped onto the
 * window as a new project (the drop overlay of src/ui/files), then checked with the Run button;
 * and the screenshots every changed view is looked at in (light, dark, 800 px wide).
 */
import type { Locator, Page } from '@playwright/test';
import { artifacts, editorText, expect } from './fixtures';

export interface SpecFile {
  name: string;
  text: string;
}

/** Drops files on the window's "open as a new project" target. */
export async function openAsProject(page: Page, files: SpecFile[]): Promise<void> {
  await editorText(page);
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return data;
  }, files);
  await page.dispatchEvent('[data-testid=editor]', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  const target = '[data-testid=drop-new]';
  await page.dispatchEvent(target, 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent(target, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(target, 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  const main = files.find((f) => f.name.endsWith('.tla'))!;
  const module = /MODULE\s+(\w+)/.exec(main.text)![1];
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText(`MODULE ${module}`);
}

/**
 * Replaces the open editor's whole text by select-all and paste (typed text would be indented
 * by the editor as it goes).
 */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** Changes the first `find` in the open file to `replace`, through the editor's find box. */
export async function editInEditor(page: Page, find: string, replace: string): Promise<void> {
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.insertText(find);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  // The match stays selected: typing replaces it.
  await page.keyboard.insertText(replace);
}

export const runButton = (page: Page): Locator =>
  page.getByRole('button', { name: 'Run TLC check' });

export const verdict = (page: Page): Locator => page.getByTestId('result').locator('.verdict');

/**
 * Screenshots of the page (or of `part`) in the light theme, the dark theme and an 800 px wide
 * window (the theme setting is put on "system" if the top bar is there), as `<name>-light.png`, `<name>-dark.png`, `<name>-800.png` in e2e/artifacts; the theme
 * and size are put back.
 */
export async function threeShots(page: Page, name: string, part?: () => Locator): Promise<void> {
  const size = page.viewportSize()!;
  const shoot = async (suffix: string) => {
    const path = `${artifacts}${name}-${suffix}.png`;
    if (part) await part().screenshot({ path });
    else await page.screenshot({ path });
  };
  // With the theme setting on "system", the page follows the emulated preference.
  const setting = page.getByRole('button', { name: /^Theme:/ });
  if ((await setting.count()) > 0)
    while ((await setting.textContent()) !== 'Theme: system') await setting.click();
  const theme = async (colorScheme: 'light' | 'dark') => {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
  };
  await theme('light');
  await shoot('light');
  await theme('dark');
  await shoot('dark');
  await theme('light');
  await page.setViewportSize({ width: 800, height: 700 });
  await shoot('800');
  await page.setViewportSize(size);
}
