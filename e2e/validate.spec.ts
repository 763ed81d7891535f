/**
 * A log of the implementation dropped on the open model (issue 17): validated on a worker, shown
 * as the behaviour that explains it, each step labelled with its log event. A log that is not a
 * behaviour shows where it diverges: the verdict above the trace, the last state marked as the
 * closest step to the first event no behaviour explains, and the same trace in the sequence
 * diagram. Screenshots in e2e/artifacts (validate-*.png).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { artifacts, expect, test } from './fixtures';
import { openView } from './graph-workspace';
import { openAsProject } from './open-spec';

const example = (f: string) =>
  readFileSync(new URL(`../src/ui/examples/TwoPhase/${f}`, import.meta.url), 'utf8');

const ndjson = (events: object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

/** A TM that commits once two of three resource managers are prepared. */
const early = ndjson([
  { rmState: { r1: 'working', r2: 'working', r3: 'working' }, tmState: 'init' },
  { action: 'RMPrepare', params: { r: 'r1' } },
  { action: 'RMPrepare', params: { r: 'r2' } },
  { action: 'TMRcvPrepared', params: { r: 'r1' }, tmPrepared: ['r1'] },
  { action: 'TMRcvPrepared', params: { r: 'r2' }, tmPrepared: ['r1', 'r2'] },
  { action: 'TMCommit', tmState: 'committed' },
]);

/** The same run, once r3 has prepared too: a behaviour of the spec. */
const good = ndjson([
  { rmState: { r1: 'working', r2: 'working', r3: 'working' }, tmState: 'init' },
  { action: 'RMPrepare', params: { r: 'r1' } },
  { action: 'RMPrepare', params: { r: 'r2' } },
  { action: 'RMPrepare', params: { r: 'r3' } },
  { action: 'TMRcvPrepared', params: { r: 'r1' } },
  { action: 'TMRcvPrepared', params: { r: 'r2' } },
  { action: 'TMRcvPrepared', params: { r: 'r3' }, tmPrepared: ['r1', 'r2', 'r3'] },
  { action: 'TMCommit', tmState: 'committed' },
  {
    action: 'RMRcvCommitMsg',
    params: { r: 'r1' },
    rmState: { r1: 'committed', r2: 'prepared', r3: 'prepared' },
  },
]);

async function dropLog(page: Page, name: string, text: string) {
  const transfer = await page.evaluateHandle(
    ([n, t]) => {
      const data = new DataTransfer();
      data.items.add(new File([t], n, { type: 'application/x-ndjson' }));
      return data;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('[data-testid=editor]', 'dragenter', { dataTransfer: transfer });
  for (const event of ['dragenter', 'dragover', 'drop'])
    await page.dispatchEvent('[data-testid=drop-current]', event, { dataTransfer: transfer });
}

test('a log dropped on the model: where it diverges, in the trace and the sequence diagram', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, [
    { name: 'TwoPhase.tla', text: example('TwoPhase.tla') },
    { name: 'TwoPhase.cfg', text: example('TwoPhase.cfg') },
  ]);

  // The views take the main area, as one does to read a long trace.
  await page.getByRole('button', { name: 'Views only (editor folded)' }).click();
  await dropLog(page, 'tm-run.ndjson', early);
  const verdictLine = page.getByTestId('trace-log-verdict');
  await expect(verdictLine).toContainText(
    'tm-run.ndjson: not a behaviour of TwoPhase. Event 6 (line 6) is the first that no behaviour explains',
  );
  await expect(verdictLine).toContainText('disagrees on action (log "TMCommit"');
  await expect(verdictLine).toContainText('tmState (log "committed"');
  await expect(verdictLine).toContainText('Enabled before it:');
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  // Five states explain the first five events; the sixth shows the closest step.
  await expect(steps).toHaveCount(6);
  await expect(steps.nth(1)).toContainText('RMPrepare(r1) · log event 2');
  await expect(steps.nth(4)).toContainText('TMRcvPrepared(r2) · log event 5');
  await expect(steps.nth(5)).toContainText('closest to Event 6 (line 6)');
  await expect(steps.nth(5)).toContainText('log diverges');
  await expect(
    page.getByTestId('trace-viewer-state').or(page.locator('.trace-viewer__state')),
  ).toContainText('The log diverges here');
  await page.screenshot({ path: `${artifacts}validate-diverges-trace.png` });

  await openView(page, 'Sequence');
  await expect(page.locator('.sq-svg .sq-lane-name')).toHaveText(['tm', 'r1', 'r2', 'r3']);
  await expect(
    page.locator('.sq-svg .sq-label', { hasText: /^Prepared rm=r1$/ }).first(),
  ).toBeAttached();
  // The closest step is the selected (last) one.
  await expect(page.locator('.sq-band')).toHaveAttribute('data-band', '5');
  await expect(page.locator('.sq-svg .sq-step').nth(5)).toContainText('closest to Event 6');
  await page.screenshot({ path: `${artifacts}validate-diverges-sequence.png` });

  // A log that is a behaviour of the spec: the whole of it, nothing marked.
  await openView(page, 'Trace');
  await dropLog(page, 'tm-ok.ndjson', good);
  await expect(verdictLine).toContainText(
    'tm-ok.ndjson: a behaviour of TwoPhase: its 9 events are explained by these 9 states.',
  );
  await expect(verdictLine).toHaveAttribute('data-ok', 'true');
  await expect(steps).toHaveCount(9);
  await expect(steps.nth(8)).toContainText('RMRcvCommitMsg(r1) · log event 9');
  await expect(page.getByText('log diverges')).toHaveCount(0);
  await page.screenshot({ path: `${artifacts}validate-behaviour-trace.png` });
  expect(errors).toEqual([]);
});
