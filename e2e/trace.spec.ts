/**
 * The trace viewer on a real counterexample: DieHard's, from the checker in its worker.
 */
import type { Page } from '@playwright/test';
import { artifacts, checkDieHard, editorText, expect, setTheme, test } from './fixtures';

/** A variable's row in the state tree. */
const variable = (page: Page, name: string) =>
  page.locator('.state-panel .vt-row[data-variable]').filter({
    has: page.locator('.vt-var', { hasText: new RegExp(`^${name}$`) }),
  });

test('steps to DieHard’s violation by keys and shows its values and changes', async ({
  page,
  errors,
}) => {
  const steps = await checkDieHard(page);
  // The selected state after a run is the first one; End goes to the violation.
  await steps.first().click();
  await expect(page.getByLabel('State 1', { exact: true })).toBeVisible();
  await page.keyboard.press('End');
  const state = page.getByLabel('State 7', { exact: true });
  await expect(state).toBeVisible();
  await expect(variable(page, 'big')).toContainText('big = 4');
  await expect(variable(page, 'small')).toContainText('small = 3');
  // The last step poured the small jug into the big one: both changed, marked by symbol and text.
  await expect(variable(page, 'big').locator('.vt-mark').first()).toHaveText('~changed:');
  await expect(variable(page, 'big')).toContainText('was 5');
  await expect(variable(page, 'small')).toContainText('was 2');
  await expect(state).toContainText('BigToSmall');
  await expect(page).toHaveURL(/#step=7$/);

  // j/k and the arrows step; Home goes back to the start.
  await page.keyboard.press('k');
  await expect(page.getByLabel('State 6', { exact: true })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByLabel('State 5', { exact: true })).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('State 7', { exact: true })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page.getByLabel('State 1', { exact: true })).toBeVisible();
  await expect(variable(page, 'big')).toContainText('big = 0');
  await expect(variable(page, 'big').locator('.vt-mark').first()).toHaveText('');
  expect(errors).toEqual([]);
});

test('clicking a step highlights its action in the editor and keeps the keys on the trace', async ({
  page,
}) => {
  const steps = await checkDieHard(page);
  await steps.nth(2).click();
  await expect(page.getByLabel('State 3', { exact: true })).toContainText('BigToSmall');
  // BigToSmall is defined on lines 32–34 of DieHard.tla.
  const editor = page.getByTestId('editor');
  await expect(editor.locator('.rangeHighlight').first()).toBeVisible();
  await expect(editor.locator('.active-line-number')).toHaveText('34');
  expect(await editorText(page)).toContain('BigToSmall ==');
  // The focus stayed on the step, so the next key steps instead of typing into the spec.
  const focusInEditor = () =>
    page.evaluate(() => document.activeElement?.closest('[data-testid=editor]') != null);
  expect(await focusInEditor()).toBe(false);
  await page.keyboard.press('j');
  await expect(page.getByLabel('State 4', { exact: true })).toBeVisible();
  // The first state's action is the INIT line of the config.
  await steps.first().click();
  await expect(page.getByRole('tab', { name: 'DieHard.cfg' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('opens at the step in the URL after a reload', async ({ page }) => {
  const steps = await checkDieHard(page);
  await steps.nth(3).click();
  await expect(page).toHaveURL(/#step=4$/);
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByLabel('State 4', { exact: true })).toBeVisible();
  await page.evaluate(() => (location.hash = '#step=6'));
  await expect(page.getByLabel('State 6', { exact: true })).toBeVisible();
});

test('shows only what changed, pins and hides variables', async ({ page }) => {
  const steps = await checkDieHard(page);
  await steps.nth(1).click(); // FillBig: only big changes
  await page.getByLabel('Only changes').check();
  await expect(variable(page, 'big')).toBeVisible();
  await expect(variable(page, 'small')).toHaveCount(0);
  await expect(page.locator('.state-panel')).toContainText('1 unchanged variable not shown');
  await page.getByLabel('Only changes').uncheck();
  await page.getByRole('button', { name: 'Pin small' }).click();
  await page.getByLabel('Only changes').check();
  // Pinned: first, and shown although unchanged.
  await expect(page.locator('.state-panel .vt-var').first()).toHaveText('small');
  await page.getByRole('button', { name: 'Hide big' }).click();
  await expect(variable(page, 'big')).toHaveCount(0);
  await page.getByRole('button', { name: 'big (show)' }).click();
  await expect(variable(page, 'big')).toBeVisible();
});

test('evaluates watch expressions at every step, an error in its own cell', async ({
  page,
  errors,
}) => {
  const steps = await checkDieHard(page);
  await steps.last().click();
  const input = page.getByLabel('Watch expression');
  await input.fill('big + small');
  await input.press('Enter');
  await input.fill('big \\div (3 - small)');
  await input.press('Enter');
  const values = page.getByTestId('watch-value');
  await expect(values.nth(0)).toHaveText('7', { timeout: 15_000 });
  await expect(values.nth(1)).toContainText('Error');
  await expect(values.nth(1)).toContainText('\\div');
  await steps.nth(1).click();
  await expect(values.nth(0)).toHaveText('5');
  await expect(values.nth(1)).toHaveText('1');
  await page.screenshot({ path: `${artifacts}trace-watches.png` });
  // Watches are kept with the model.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId('watch-value').nth(0)).toHaveText('5', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Remove the watch big + small' }).click();
  await expect(page.getByTestId('watch-value')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('shows where a lasso trace loops back, from an ITF file', async ({ page }) => {
  await page.goto('/');
  await editorText(page);
  const n = (x: number) => ({ '#bigint': String(x) });
  const itf = {
    vars: ['x', 'msgs'],
    states: [0, 1, 2, 3].map((i) => ({
      '#meta': { index: i, action: i === 0 ? 'Init' : 'Tick', label: i ? `Tick(${i})` : 'Init' },
      x: n(i % 3),
      msgs: { '#set': Array.from({ length: i }, (_, k) => ({ type: 'ack', seq: n(k) })) },
    })),
    loop: 1,
  };
  await page.getByTestId('open-trace').setInputFiles({
    name: 'lasso.itf.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(itf)),
  });
  await expect(page.getByRole('button', { name: 'Opened file' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const list = page.getByRole('list', { name: 'Steps' });
  await expect(list.getByRole('button')).toHaveCount(5);
  await expect(list.getByRole('button').nth(1)).toContainText('loop starts here');
  await expect(list.getByRole('button').last()).toContainText('Back to state 2');
  await page.keyboard.press('End');
  await expect(page.getByLabel('State 4', { exact: true })).toContainText('Next: back to state 2');
  // A set of records opens as a table, with the added row marked.
  await page.getByRole('button', { name: 'Expand msgs' }).click();
  const head = page.locator('.vt-table--head');
  await expect(head).toContainText('type');
  await expect(head).toContainText('seq');
  const added = page.locator('.vt-table[data-change="added"]');
  await expect(added).toHaveCount(1);
  await expect(added).toContainText('+added:');
  await expect(added).toContainText('"ack"');
  await list.getByRole('button').last().click();
  await expect(page.getByLabel('State 2', { exact: true })).toContainText(
    'loops back to this state',
  );
  await page.screenshot({ path: `${artifacts}trace-lasso.png` });
});

/** Gives the views more of the page's height, as a user would for a long trace. */
async function enlargeViews(page: Page) {
  const divider = page.getByRole('separator', { name: 'Resize the editor and the views' });
  await divider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
}

test('screenshots the trace viewer in light and dark', async ({ page, errors }) => {
  const steps = await checkDieHard(page);
  await steps.last().click();
  const input = page.getByLabel('Watch expression');
  await input.fill('big + small');
  await input.press('Enter');
  await input.fill('big \\div 0');
  await input.press('Enter');
  await expect(page.getByTestId('watch-value').nth(0)).toHaveText('7', { timeout: 15_000 });
  await enlargeViews(page);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.screenshot({ path: `${artifacts}trace-viewer-${theme}.png` });
  }
  // On a phone-sized screen the panes stack and nothing sticks out sideways.
  await page.setViewportSize({ width: 420, height: 860 });
  await page.getByRole('region', { name: 'Views' }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
  await page.screenshot({ path: `${artifacts}trace-viewer-narrow.png` });
  expect(errors).toEqual([]);
});
