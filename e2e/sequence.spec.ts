/**
 * The sequence diagram in Chromium on corpus specs with messages: two-phase commit (a message
 * set; the TM found by its variables' prefix), Paxos (three acceptors; leaders as "others"),
 * EWD998 with an inbox per node. Lifelines, arrows, notes, no overlapping labels, the selected
 * step in sync, the mapping panel saved with the model, the SVG export, screenshots.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { artifacts, expect, setTheme, test } from './fixtures';
import {
  ewd998Chan,
  openAndCheck,
  openView,
  overlaps,
  paxos,
  showWholeGraph,
  twoPhase,
} from './graph-workspace';

const lanes = (page: Page) => page.locator('.sq-svg .sq-lane-name');

/** Shows the shortest trace to a state of the whole graph, then the sequence view. */
async function traceTo(page: Page, node: number) {
  await openView(page, 'State graph');
  await showWholeGraph(page);
  await page.locator(`[data-node="${node}"]`).dispatchEvent('click');
  await expect(page.locator('.gv-selected')).toHaveAttribute('data-selected', String(node));
  await openView(page, 'Sequence');
  // The engine's replay brings the steps' parameters.
  await expect(page.locator('.sq-step').nth(1)).toContainText('(');
}

async function expectNoOverlaps(page: Page) {
  expect(await overlaps(page, '.sq-svg .sq-label, .sq-svg .sq-note')).toEqual([]);
  expect(await overlaps(page, '.sq-svg .sq-label, .sq-svg .sq-step')).toEqual([]);
}

test('two-phase commit: RMs and the TM, Prepared and Commit/Abort from send to receipt', async ({
  page,
  errors,
}) => {
  await openAndCheck(page, twoPhase);
  await traceTo(page, 287);
  await expect(lanes(page)).toHaveText(['tm', 'r1', 'r2', 'r3']);
  await expect(page.locator('.sq-header')).toContainText('11 steps');
  await expect(page.locator('.sq-header')).toContainText('messages in msgs');
  await expect(
    page.locator('.sq-svg .sq-label', { hasText: /^Prepared rm=r\d$/ }).first(),
  ).toBeAttached();
  // Every message of this trace was received.
  const header = await page.locator('.sq-header').textContent();
  const [, arrows, received] = /(\d+) message arrows \((\d+) received\)/.exec(header!)!;
  expect(Number(arrows)).toBeGreaterThan(3);
  expect(received).toBe(arrows);
  await expectNoOverlaps(page);

  // The selected step (the last, from the graph) is banded; a click on a row selects that step.
  await expect(page.locator('.sq-band')).toHaveAttribute('data-band', '10');
  await page.locator('.sq-svg .sq-step').nth(2).click();
  await expect(page.locator('.sq-band')).toHaveAttribute('data-band', '2');
  await expect(page).toHaveURL(/#step=3/);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.locator('.sq-svg .sq-step').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}sequence-twophase-${theme}.png` });
  }

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('TwoPhase-sequence.svg');
  const svg = readFileSync((await file.path())!, 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('>tm</text>');
  expect(svg).not.toContain('var(--');
  expect(errors).toEqual([]);
});

test('the mapping panel corrects the inference, and the correction is kept with the model', async ({
  page,
  errors,
}) => {
  await openAndCheck(page, twoPhase);
  await traceTo(page, 287);
  await page.getByRole('button', { name: 'Mapping…' }).click();
  const panel = page.getByRole('form', { name: 'Sequence mapping' });
  await expect(panel.getByLabel('Messages in')).toHaveValue('msgs');
  await expect(panel.getByRole('checkbox', { name: 'rmState' })).toBeChecked();

  // No messages, and no notes for the TM: its lifeline goes.
  await panel.getByLabel('Messages in').selectOption('');
  await panel.getByRole('checkbox', { name: 'tmState' }).uncheck();
  await panel.getByRole('checkbox', { name: 'tmPrepared' }).uncheck();
  await expect(page.locator('.sq-header')).toContainText('no message variable');
  await expect(page.locator('.sq-svg .sq-arrow')).toHaveCount(0);
  await expect(page.locator('.sq-header')).toContainText('(your mapping)');
  // TMCommit and TMAbort name no process and change no note now: they happen at "others".
  await expect(lanes(page)).toHaveText(['r1', 'r2', 'r3', 'others']);

  // Saved with the model: a reload keeps it (the graph is not saved: check again to click in it).
  await page.waitForTimeout(600);
  await page.reload();
  const saved = await page.evaluate(
    () => JSON.parse(localStorage.getItem('specstage')!).state.model.sequenceMapping,
  );
  expect(saved).toEqual({ notes: ['rmState'] });
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  await expect(page.getByTestId('result')).toBeVisible({ timeout: 60_000 });
  await traceTo(page, 287);
  await expect(page.locator('.sq-header')).toContainText('(your mapping)');

  await page.getByRole('button', { name: 'Mapping…' }).click();
  await page.getByRole('button', { name: 'Use inferred' }).click();
  await expect(page.locator('.sq-header')).not.toContainText('(your mapping)');
  await expect(lanes(page)).toHaveText(['tm', 'r1', 'r2', 'r3']);
  expect(errors).toEqual([]);
});

test('Paxos: acceptors, the unnamed leaders as “others”, 2a received where Phase2b takes it', async ({
  page,
  errors,
}) => {
  await openAndCheck(page, paxos);
  await expect(page.getByTestId('result')).toContainText(/Distinct states\s*1,681/);
  await traceTo(page, 1680);
  await expect(lanes(page)).toHaveText(['a1', 'a2', 'a3', 'others']);
  await expect(page.locator('.sq-svg .sq-label', { hasText: /^2a / }).first()).toBeAttached();
  await expectNoOverlaps(page);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.screenshot({ path: `${artifacts}sequence-paxos-${theme}.png` });
  }
  expect(errors).toEqual([]);
});

test('EWD998 with channels: an inbox per node, payloads and the token between nodes', async ({
  page,
  errors,
}) => {
  await openAndCheck(page, ewd998Chan);
  await openView(page, 'Sequence');
  await expect(lanes(page)).toHaveText(['0', '1', '2']);
  await expect(page.locator('.sq-header')).toContainText('messages in inbox');
  await expect(page.locator('.sq-svg .sq-label', { hasText: /^pl$/ })).toHaveCount(1);
  await expect(page.locator('.sq-svg .sq-label', { hasText: /^tok / }).first()).toBeAttached();
  await expectNoOverlaps(page);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.screenshot({ path: `${artifacts}sequence-ewd998chan-${theme}.png` });
  }
  expect(errors).toEqual([]);
});
