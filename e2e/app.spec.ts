import { artifacts, editorText, expect, setTheme, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('loads with no console errors and shows the DieHard example in the editor', async ({
  page,
  errors,
}) => {
  expect(await editorText(page)).toContain('MODULE DieHard');
  await expect(page.getByRole('tab', { name: 'DieHard.tla' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.getByRole('tab', { name: 'DieHard.cfg' }).click();
  await expect.poll(() => editorText(page)).toContain('INVARIANTS TypeOK NotSolved');
  await page.screenshot({ path: `${artifacts}app.png` });
  expect(errors).toEqual([]);
});

test('highlights TLA+ keywords, comments and numbers apart from names', async ({ page }) => {
  await editorText(page);
  const classOf = async (text: string) =>
    page
      .locator('[data-testid=editor] .view-line span span', {
        hasText: new RegExp(`^\\s*${text}\\s*$`),
      })
      .first()
      .getAttribute('class');
  const keyword = await classOf('EXTENDS');
  const name = await classOf('Naturals');
  const number = await classOf('0');
  expect(keyword).toBeTruthy();
  expect(new Set([keyword, name, number]).size).toBe(3);
});

test('switches the view tabs', async ({ page, errors }) => {
  for (const [tab, text] of [
    ['State graph', 'state graph view'],
    ['Sequence', 'sequence diagram view'],
    ['Trace', 'No trace'],
  ]) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toContainText(text);
  }
  expect(errors).toEqual([]);
});

test('round-trips a call through the checker worker', async ({ page }) => {
  await editorText(page);
  const answer = await page.evaluate(() => window.specstage!.ping({ jugs: [3, 5] }));
  expect(answer).toEqual({ jugs: [3, 5] });
});

test('checks DieHard in the worker and steps through the counterexample', async ({
  page,
  errors,
}) => {
  await editorText(page);
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  const result = page.getByTestId('result');
  await expect(result).toContainText('Invariant violated: NotSolved', { timeout: 30_000 });
  // TLC's numbers for DieHard.
  await expect(result).toContainText(/Distinct states\s*14/);
  await expect(result).toContainText(/Generated states\s*73/);
  await expect(result).toContainText(/Depth\s*7/);
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps).toHaveCount(7);
  await steps.last().click();
  await expect(page.getByLabel('State 7')).toContainText('big = 4');
  await page.screenshot({ path: `${artifacts}after-run.png` });
  expect(errors).toEqual([]);
});

test('shows a syntax error at its place in the editor', async ({ page }) => {
  await editorText(page);
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.type('Broken == 1 +');
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  const error = page.locator('.results__error');
  await expect(error).toContainText('DieHard.tla:9', { timeout: 30_000 });
  await expect(page.locator('[data-testid=editor] .squiggly-error')).toHaveCount(1);
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(page.locator('[data-testid=editor] .active-line-number')).toHaveText('1');
  await error.getByRole('button', { name: /DieHard\.tla:9/ }).click();
  await expect(page.locator('[data-testid=editor] .active-line-number')).toHaveText('9');
  await page.screenshot({ path: `${artifacts}syntax-error.png` });
});

test('cancels an endless check promptly', async ({ page }) => {
  await editorText(page);
  await page.getByRole('button', { name: 'New file' }).click();
  await page.getByLabel('New file name').fill('Counter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Counter.tla' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(
    "---- MODULE Counter ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x' = x + 1\n====\n",
  );
  await page.getByRole('button', { name: 'New file' }).click();
  await page.getByLabel('New file name').fill('Counter.cfg');
  await page.keyboard.press('Enter');
  await page.getByLabel('Module').selectOption('Counter');
  await page.getByLabel('Config').selectOption('Counter.cfg');
  await page.getByLabel('Most states to record').fill('100');

  await page.getByRole('button', { name: 'Run TLC check' }).click();
  const status = page.locator('.run-controls__status');
  await expect(page.getByTestId('progress-figures')).toContainText('distinct states', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Run TLC check' })).toBeVisible({ timeout: 2_000 });
  // The engine's own answer (stopped early) or the pool's (worker terminated).
  await expect(page.locator('.side-panel')).toContainText(/Cancelled|Stopped early/);
  await expect(status).toHaveAttribute('data-status', 'cancelled');
  await page.screenshot({ path: `${artifacts}cancelled.png` });
});

test('keeps edits, open tabs and settings across a reload', async ({ page }) => {
  await editorText(page);
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('\\* kept after reload\n');
  await page.getByRole('tab', { name: 'Sequence' }).click();
  await setTheme(page, 'dark');
  // The store saves in batches; leave time for the write before reloading.
  await page.waitForTimeout(600);
  await page.reload();
  expect(await editorText(page)).toContain('kept after reload');
  await expect(page.getByRole('tab', { name: 'Sequence' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('resizes the side panel and the editor by dragging the dividers', async ({ page }) => {
  await editorText(page);
  const side = page.getByRole('complementary', { name: 'Model and results' });
  const before = (await side.boundingBox())!.width;
  const divider = (await page
    .getByRole('separator', { name: 'Resize the side panel' })
    .boundingBox())!;
  await page.mouse.move(divider.x + 2, divider.y + 200);
  await page.mouse.down();
  await page.mouse.move(divider.x - 120, divider.y + 200, { steps: 5 });
  await page.mouse.up();
  expect((await side.boundingBox())!.width).toBeGreaterThan(before + 100);

  const views = page.getByRole('region', { name: 'Views' });
  const viewsBefore = (await views.boundingBox())!.height;
  const bar = (await page
    .getByRole('separator', { name: 'Resize the editor and the views' })
    .boundingBox())!;
  await page.mouse.move(bar.x + 200, bar.y + 2);
  await page.mouse.down();
  await page.mouse.move(bar.x + 200, bar.y - 150, { steps: 5 });
  await page.mouse.up();
  expect((await views.boundingBox())!.height).toBeGreaterThan(viewsBefore + 100);
});

test('screenshots every view in light and dark, after a run', async ({ page, errors }) => {
  await editorText(page);
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  await expect(page.getByTestId('result')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('list', { name: 'Steps' }).getByRole('button').nth(3).click();
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const [tab, file, text] of [
      ['Trace', 'trace', 'big ='],
      ['State graph', 'graph', '14 states'],
      ['Sequence', 'sequence', '7 steps'],
    ]) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel')).toContainText(text);
      await page.screenshot({ path: `${artifacts}${file}-${theme}.png` });
    }
  }
  expect(errors).toEqual([]);
});

test.describe('on a small dark screen', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 420, height: 860 } });

  test('follows the system theme and stacks the side panel below', async ({ page, errors }) => {
    await page.goto('/');
    await editorText(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const editor = (await page.getByTestId('editor').boundingBox())!;
    const side = (await page
      .getByRole('complementary', { name: 'Model and results' })
      .boundingBox())!;
    expect(side.y).toBeGreaterThan(editor.y + editor.height);
    // Nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      420,
    );
    await page.screenshot({ path: `${artifacts}narrow-dark.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
