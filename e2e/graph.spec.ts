/**
 * The state graph view in Chromium on corpus specs: whole graphs (DieHard, two-phase commit),
 * the shortest trace to a clicked state, sync with the selected step, the neighbourhood of a
 * trace in a space too large to draw (EWD998 with channels), exports, and screenshots.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { artifacts, editorText, expect, setTheme, test } from './fixtures';
import {
  ewd998Chan,
  openAndCheck,
  openView,
  overlaps,
  showWholeGraph,
  twoPhase,
} from './graph-workspace';

const selectedNode = (page: Page) => page.locator('.gv-selected').getAttribute('data-selected');

test('draws DieHard’s whole graph with its counterexample on top, in step with the stepper', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await editorText(page);
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  await expect(page.getByTestId('result')).toContainText('NotSolved', { timeout: 30_000 });
  await openView(page, 'State graph');
  const svg = page.locator('.gv-svg');
  await expect(svg).toHaveAttribute('data-states', '14');
  await expect(page.locator('.gv-header')).toContainText('14 states');
  // Initial state a square, the violating one a diamond, the 7 states of the trace ringed.
  await expect(page.locator('[data-node].gv-node--initial')).toHaveCount(1);
  await expect(page.locator('[data-node].gv-node--violating')).toHaveCount(1);
  await expect(page.locator('.gv-svg .gv-trace-node')).toHaveCount(7);
  // Edges are labelled with action names, never over each other.
  await expect(page.locator('.gv-label', { hasText: 'FillBig' }).first()).toBeVisible();
  expect(await overlaps(page, '.gv-label')).toEqual([]);

  // The stepper's selection is the graph's: select state 4 in the trace view, see it ringed here.
  await openView(page, 'Trace');
  await page.getByRole('list', { name: 'Steps' }).getByRole('button').nth(3).click();
  await openView(page, 'State graph');
  await expect(page.locator('.gv-selected')).toHaveAttribute('data-step', '4');
  // Clicking a state of the trace selects its step.
  const violating = page.locator('[data-node].gv-node--violating');
  await violating.dispatchEvent('click');
  await expect(page.locator('.gv-selected')).toHaveAttribute('data-step', '7');
  expect(await selectedNode(page)).toBe(await violating.getAttribute('data-node'));
  await expect(page).toHaveURL(/#step=7/);
  expect(errors).toEqual([]);
});

test('two-phase commit: a clicked state gets its shortest trace, replayed with full labels', async ({
  page,
  errors,
}) => {
  await openAndCheck(page, twoPhase);
  await expect(page.getByTestId('result')).toContainText(/Distinct states\s*288/);
  await openView(page, 'State graph');
  // 288 states start around the initial state (graph-readable.spec.ts); here, all of them.
  await showWholeGraph(page);
  await expect(page.locator('.gv-svg')).toHaveAttribute('data-states', '288');
  await expect(page.locator('.gv-svg .gv-trace-node')).toHaveCount(0);
  expect(await overlaps(page, '.gv-label')).toEqual([]);
  await page.screenshot({ path: `${artifacts}graph-twophase-light.png` });

  // The last state found is at the greatest depth: its shortest trace has 11 states (TLC's depth).
  await page.locator('[data-node="287"]').dispatchEvent('click');
  await expect(page.locator('.gv-svg .gv-trace-node')).toHaveCount(11);
  expect(await selectedNode(page)).toBe('287');
  // The engine's replay gives the steps their parameters.
  await openView(page, 'Sequence');
  await expect(page.locator('.sq-step').nth(1)).toContainText(/\((r1|r2|r3)\)/);
  await openView(page, 'State graph');
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.screenshot({ path: `${artifacts}graph-twophase-fit.png` });

  // DOT in TLC's -dump dot style, and a standalone SVG.
  const [dot] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export DOT' }).click(),
  ]);
  const dotText = readFileSync((await dot.path())!, 'utf8');
  expect(dotText).toMatch(/^strict digraph DiskGraph \{/);
  expect(dotText.match(/^\d+ \[label="/gm)).toHaveLength(288);
  expect(dotText).toContain('[label="TMCommit",color="black",fontcolor="black"]');
  const [svgFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(svgFile.suggestedFilename()).toBe('TwoPhase.svg');
  const svgText = readFileSync((await svgFile.path())!, 'utf8');
  expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).not.toContain('var(--');
  expect(svgText.match(/data-node=/g)).toHaveLength(288);
  expect(errors).toEqual([]);
});

test('two-phase commit in dark', async ({ page, errors }) => {
  await openAndCheck(page, twoPhase, 'dark');
  await openView(page, 'State graph');
  await showWholeGraph(page);
  await page.locator('[data-node="200"]').dispatchEvent('click');
  await expect(page.locator('.gv-svg .gv-trace-node').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${artifacts}graph-twophase-dark.png` });
  expect(errors).toEqual([]);
});

test('EWD998 with channels: too many states, so the trace’s neighbourhood, expanded by a click', async ({
  page,
  errors,
}) => {
  await openAndCheck(page, ewd998Chan);
  await expect(page.getByTestId('result')).toContainText('TokenBackEmpty');
  await openView(page, 'State graph');
  const header = page.locator('.gv-header');
  await expect(header).toContainText('Neighbourhood of the trace', { timeout: 30_000 });
  await expect(header).not.toContainText('Exploring', { timeout: 30_000 });
  const svg = page.locator('.gv-svg');
  const before = Number(await svg.getAttribute('data-states'));
  // Five trace states, each with its successors; one initial state (of 192) shown.
  await expect(page.locator('.gv-svg .gv-trace-node')).toHaveCount(5);
  await expect(page.locator('[data-node].gv-node--initial')).toHaveCount(1);
  // The trace's last state violates the invariant, and so may other successors explore lists.
  await openView(page, 'Trace');
  await page.getByRole('list', { name: 'Steps' }).getByRole('button').last().click();
  await openView(page, 'State graph');
  await expect(page.locator('.gv-selected')).toHaveAttribute('data-step', '5');
  const last = await page.locator('.gv-selected').getAttribute('data-selected');
  await expect(page.locator(`[data-node="${last}"]`)).toHaveClass(/gv-node--violating/);
  expect(await overlaps(page, '.gv-label')).toEqual([]);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.screenshot({ path: `${artifacts}graph-ewd998chan-${theme}.png` });
  }

  // A state off the trace: its successors join, and its trace becomes the shown one.
  const leaf = page.locator('[data-node].gv-node--expandable').first();
  await leaf.dispatchEvent('click');
  await expect
    .poll(async () => Number(await svg.getAttribute('data-states')))
    .toBeGreaterThan(before);
  await expect(page.locator('.gv-selected')).toHaveCount(1);
  expect(errors).toEqual([]);
});
