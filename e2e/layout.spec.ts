/**
 * Room to look: a view can take the main area (the editor beside it, or folded away), the layout
 * is remembered, and the page fits small windows and projectors without scrolling sideways.
 */
import type { Page } from '@playwright/test';
import { checkDieHard, editorText, expect, test } from './fixtures';
import { threeShots } from './open-spec';

const box = async (page: Page, selector: string) =>
  (await page.locator(selector).first().boundingBox())!;

test('a view takes the main area, beside the editor or alone, and the layout is kept', async ({
  page,
  errors,
}) => {
  await checkDieHard(page);
  const stacked = await box(page, '.view-area');

  await page.getByRole('button', { name: 'Editor beside the views' }).click();
  const editor = await box(page, '.editor-pane');
  const views = await box(page, '.view-area');
  expect(editor.x + editor.width).toBeLessThanOrEqual(views.x);
  expect(views.height).toBeGreaterThan(stacked.height * 2);
  await threeShots(page, 'layout-side');

  await page.getByRole('button', { name: 'Views only (editor folded)' }).click();
  await expect(page.locator('.editor-pane')).toBeHidden();
  const alone = await box(page, '.view-area');
  expect(alone.width).toBeGreaterThan(views.width * 1.5);
  expect(alone.height).toBeGreaterThan(stacked.height * 2);
  await page.getByRole('tab', { name: 'State graph' }).click();
  await expect(page.locator('.gv-svg')).toBeVisible();
  await threeShots(page, 'layout-views');

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Views only (editor folded)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('.editor-pane')).toBeHidden();
  await page.getByRole('button', { name: 'Editor above the views' }).click();
  expect(await editorText(page)).toContain('MODULE DieHard');
  expect(errors).toEqual([]);
});

for (const [width, height, what] of [
  [800, 600, 'a small window'],
  [1024, 768, 'a projector'],
] as const) {
  test(`the page fits ${what} (${width}×${height}) without scrolling sideways`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await checkDieHard(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    // Every button of the top bar is on screen.
    for (const button of await page.locator('.top-bar :is(button, select):visible').all()) {
      const b = (await button.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(width);
    }
    // The side panel leaves the editor and views most of the width.
    expect((await box(page, '.side-panel')).width).toBeLessThanOrEqual(width * 0.4 + 1);
  });
}
