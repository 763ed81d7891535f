/**
 * The state graph beyond what a person can read: two-phase commit's 288 states start around the
 * initial state (not a hairball), with edge labels that carry the steps' parameters, grown a state
 * or a ring at a time, or seen as clusters of states grouped by an expression; the whole graph is
 * one click away. A small graph (DieHard's 14 states) is still drawn whole.
 */
import { checkDieHard, expect, test } from './fixtures';
import { openAndCheck, openView, twoPhase } from './graph-workspace';
import { threeShots } from './open-spec';

const states = (page: import('@playwright/test').Page) =>
  page.locator('.gv-svg').getAttribute('data-states').then(Number);

test('288 states: around the initial state, labels with parameters, grown on request', async ({
  page,
  errors,
}) => {
  await openAndCheck(page, twoPhase);
  await expect(page.getByTestId('result')).toContainText(/Distinct states\s*288/);
  await openView(page, 'State graph');
  await expect(page.getByRole('button', { name: 'Around the trace' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('.gv-header')).toContainText(
    'of 288 states, around the initial states',
  );
  const first = await states(page);
  expect(first).toBeGreaterThan(1);
  expect(first).toBeLessThanOrEqual(12);
  // Two edges leave the initial state by RMPrepare: each says whose.
  await expect(page.locator('.gv-label', { hasText: /^RMPrepare\(r1\)$/ })).toHaveCount(1);
  await expect(page.locator('.gv-label', { hasText: /^RMPrepare$/ })).toHaveCount(0);
  await expect(page.locator('.gv-legend')).toContainText('RMPrepare');

  await page.getByRole('button', { name: 'Grow by one step' }).click();
  await expect.poll(() => states(page)).toBeGreaterThan(first);
  const grown = await states(page);
  await threeShots(page, 'graph-around', () => page.locator('.view-area'));

  // A click on a state with hidden neighbours shows them, and the trace to it.
  await page.locator('[data-node].gv-node--expandable').last().dispatchEvent('click');
  await expect.poll(() => states(page)).toBeGreaterThan(grown);
  await expect(page.locator('.gv-svg .gv-trace-node').first()).toBeVisible();

  await page.getByRole('button', { name: /^Whole graph \(288\)/ }).click();
  await expect.poll(() => states(page)).toBe(288);
  expect(errors).toEqual([]);
});

test('clusters: states grouped by an expression the user picks', async ({ page, errors }) => {
  await openAndCheck(page, twoPhase);
  await openView(page, 'State graph');
  await page.getByRole('button', { name: 'Clusters' }).click();
  const by = page.getByRole('combobox', { name: 'Group states by' });
  // The first variable with a few values: the transaction manager's state.
  await expect(by).toHaveValue('tmState');
  await expect.poll(() => states(page)).toBe(3);
  for (const v of ['init', 'committed', 'aborted'])
    await expect(page.locator('.gv-text', { hasText: `tmState = "${v}"` })).toHaveCount(1);
  await expect(page.locator('.gv-header')).toContainText('3 clusters of 288 states by tmState');
  await expect(page.locator('.gv-label', { hasText: 'TMCommit' })).toHaveCount(1);
  await threeShots(page, 'graph-clusters', () => page.locator('.view-area'));

  // Another expression: a part of a function, by its argument.
  await by.fill('rmState[r1]');
  await expect.poll(() => states(page)).toBe(4);
  await by.fill('Cardinality(msgs)');
  await expect(page.locator('.gv-header')).toContainText('by Cardinality(msgs)');
  await by.fill('rmState[');
  await expect(page.locator('.gv-cluster-error')).toHaveText('a [ without its ]');

  // A cluster opens as its states, around the trace.
  await by.fill('tmState');
  await expect.poll(() => states(page)).toBe(3);
  // Where a person clicks: on the cluster's text, which the node under it takes.
  const label = (await page
    .locator('.gv-text', { hasText: 'tmState = "committed"' })
    .boundingBox())!;
  await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
  await expect(page.getByRole('button', { name: 'Around the trace' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => states(page)).toBeGreaterThan(3);
  expect(errors).toEqual([]);
});

test('a graph a person can read is still drawn whole', async ({ page }) => {
  await checkDieHard(page);
  await openView(page, 'State graph');
  await expect(page.getByRole('button', { name: 'Whole graph (14)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('.gv-svg')).toHaveAttribute('data-states', '14');
});
