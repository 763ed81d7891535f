import { writeFileSync } from 'node:fs';
import { artifacts, editorText, expect, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await editorText(page);
});

test('marks an undefined name while typing, with no check run', async ({ page, errors }) => {
  await page.locator('[data-testid=editor] .view-lines').click();
  // The last lines are the module's closing `====` and an empty line: type above them.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.type('\nOops == undefinedThing + 1');
  const typed = Date.now();
  const squiggle = page.locator('[data-testid=editor] .squiggly-error');
  await expect(squiggle).toHaveCount(1, { timeout: 5_000 });
  const elapsedMs = Date.now() - typed;
  writeFileSync(`${artifacts}live-diagnostics.json`, JSON.stringify({ elapsedMs }));
  // Generous against a loaded CI machine; the analysis itself waits 150 ms after typing stops.
  expect(elapsedMs).toBeLessThan(2_000);
  // Monaco's text layer lies over the squiggle: hover over the word itself.
  await page
    .locator('[data-testid=editor] .view-line span span', { hasText: /^\s*undefinedThing\s*$/ })
    .hover();
  await expect(page.locator('.monaco-hover').first()).toContainText('undefinedThing');
  await page.screenshot({ path: `${artifacts}live-diagnostics.png` });
  expect(errors).toEqual([]);
});

test('hover shows a definition, F12 goes to it', async ({ page }) => {
  const use = page
    .locator('[data-testid=editor] .view-line span span', { hasText: /^Min$/ })
    .last();
  await use.hover();
  await expect(page.locator('.monaco-hover').first()).toContainText('IF m < n', { timeout: 5_000 });
  await use.click();
  await page.keyboard.press('F12');
  await expect(page.locator('[data-testid=editor] .active-line-number')).toHaveText('20');
});
