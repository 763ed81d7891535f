/**
 * Review mode (src/ui/review): large type, high contrast, the editor hidden, the trace and one view
 * filling the screen, keys stepping without a click, and the normal layout back on leaving it.
 */
import type { Locator, Page } from '@playwright/test';
import { artifacts, checkDieHard, editorText, expect, setTheme, test } from './fixtures';

/** The size text is drawn at on screen: the computed font size times the CSS zoom above it. */
function shownFontSize(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const size = parseFloat(getComputedStyle(element).fontSize);
    const zoom = (element as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    return size * zoom;
  });
}

const stepLabel = (page: Page) => page.locator('.step-row__label').first();

test('review mode: large type, no editor, keys step at once, and back to the layout', async ({
  page,
  errors,
}) => {
  await checkDieHard(page);
  const normalStepSize = await shownFontSize(stepLabel(page));
  const normalBodySize = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.body).fontSize),
  );
  const editorFraction = await page.locator('.editor-pane').evaluate((e) => e.clientHeight);

  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const review = page.getByRole('region', { name: 'Review mode' });
  await expect(review).toBeVisible();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(page.locator('.side-panel, .top-bar')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-review', '');
  await expect(page).toHaveURL(/\?review=trace/);
  await expect(page.getByTestId('review-verdict')).toHaveText('NotSolved violated');

  // Large type: the step labels at least 1.4 times their normal size, the bar 1.25 times.
  const reviewStepSize = await shownFontSize(stepLabel(page));
  expect(reviewStepSize).toBeGreaterThanOrEqual(normalStepSize * 1.4);
  const barSize = await shownFontSize(page.getByTestId('review-step'));
  expect(barSize).toBeGreaterThanOrEqual(normalBodySize * 1.25);
  // The bar keeps to one line at 1280 px, its verdict not cut.
  expect(await page.locator('.review-bar').evaluate((e) => e.clientHeight)).toBeLessThan(60);
  for (const part of ['.review-bar__title', '.review-bar__verdict']) {
    const cut = await page.locator(part).evaluate((e) => e.scrollWidth > e.clientWidth);
    expect(cut, `${part} is cut`).toBe(false);
  }
  // The trace fills the screen below the bar.
  const stage = await page.getByTestId('review-stage').boundingBox();
  expect(stage!.height).toBeGreaterThan(600);
  expect(stage!.width).toBe(1280);

  // Keys step without a click: the selection after a check is state 1.
  await expect(page.getByTestId('review-step')).toHaveText('State 1 of 7');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('review-step')).toHaveText('State 2 of 7');
  await page.keyboard.press('End');
  await expect(page.getByTestId('review-step')).toHaveText('State 7 of 7');
  await expect(page.getByLabel('State 7', { exact: true })).toContainText('big = 4');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('review-step')).toHaveText('State 6 of 7');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('review-step')).toHaveText('State 1 of 7');

  // Another view: the steps stay beside it, and the keys still step after clicking its button.
  await page.getByRole('button', { name: 'Sequence', exact: true }).click();
  await expect(page).toHaveURL(/\?review=sequence/);
  await expect(review.getByRole('navigation', { name: 'Trace' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('review-step')).toHaveText('State 2 of 7');
  // A click on the zoomed diagram selects the row under the pointer.
  await page
    .locator('.review-stage svg text', { hasText: /^4 EmptySmall$/ })
    .first()
    .click();
  await expect(page.getByTestId('review-step')).toHaveText('State 4 of 7');
  await page.getByRole('button', { name: 'Trace', exact: true }).click();

  // Leaving it: Escape, and the layout is back as it was, the editor with the spec.
  await page.keyboard.press('Escape');
  await expect(review).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-review', '');
  expect(await editorText(page)).toContain('MODULE DieHard');
  expect(await page.locator('.editor-pane').evaluate((e) => e.clientHeight)).toBe(editorFraction);
  expect(await shownFontSize(stepLabel(page))).toBe(normalStepSize);
  await expect(page).not.toHaveURL(/review/);
  await expect(page.getByRole('button', { name: 'Review', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('review mode: the shortcut toggles it, from the editor too', async ({ page, errors }) => {
  await page.goto('/');
  await editorText(page);
  await page.getByTestId('editor').click();
  await page.keyboard.press('Alt+Shift+R');
  await expect(page.getByRole('region', { name: 'Review mode' })).toBeVisible();
  await page.keyboard.press('Alt+Shift+R');
  await expect(page.getByRole('region', { name: 'Review mode' })).toHaveCount(0);
  // The shortcut typed nothing into the spec.
  expect(await editorText(page)).not.toMatch(/[®R]\s*-{4}/);
  expect(errors).toEqual([]);
});

test('review mode: a link with ?review opens in it, on the view it names', async ({ page }) => {
  await checkDieHard(page);
  await page.waitForURL(/#step=/);
  const url = new URL(page.url());
  url.search = '?review=graph';
  url.hash = '#step=4';
  await page.goto(url.toString());
  const review = page.getByRole('region', { name: 'Review mode' });
  await expect(review).toBeVisible();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(review.getByRole('button', { name: 'State graph' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('review-step')).toHaveText('State 4 of 7');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('review-step')).toHaveText('State 5 of 7');
  await page.getByRole('button', { name: 'Exit review' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`review mode screenshots (${theme})`, async ({ page }) => {
    await checkDieHard(page);
    await setTheme(page, theme);
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.keyboard.press('End');
    await expect(page.getByTestId('review-step')).toHaveText('State 7 of 7');
    await page.screenshot({ path: `${artifacts}review-trace-${theme}.png` });
    await page.getByRole('button', { name: 'Sequence', exact: true }).click();
    await expect(page.locator('.review-stage svg').first()).toBeVisible();
    await page.screenshot({ path: `${artifacts}review-sequence-${theme}.png` });
    await page.getByRole('button', { name: 'State graph', exact: true }).click();
    await expect(page.locator('.review-stage svg').first()).toBeVisible();
    await page.screenshot({ path: `${artifacts}review-graph-${theme}.png` });
  });
}
