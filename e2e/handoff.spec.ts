/**
 * Handing the model to TLC (issue 19): the export downloads a .zip with the spec, every module it
 * reaches (a Community Module TLC's jar lacks among them), the .cfg with the side panel's Deadlock
 * setting and a README; a check that stops at its memory budget offers the export with an
 * estimate; a TLC log opened in the app shows TLC's verdict, figures and trace.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { artifacts, expect, test } from './fixtures';
import { openAsProject, runButton, threeShots, verdict } from './open-spec';

/** The whole page at 1440 × 900, as `<name>-1440.png` in e2e/artifacts; the size is put back. */
async function wideShot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${artifacts}${name}-1440.png` });
  await page.setViewportSize(size);
}

const queue = `---- MODULE Queue ----
EXTENDS Naturals, SequencesExt, Helpers
CONSTANT Max
VARIABLE q
Init == q = <<>>
Next == /\\ Len(q) < Max
        /\\ q' = Snoc(q, Twice(Len(q)))
Bounded == Len(q) <= Max
====
`;
const helpers = `---- MODULE Helpers ----
EXTENDS Naturals
Twice(n) == 2 * n
====
`;
const cfg = 'CONSTANT Max = 3\nINIT Init\nNEXT Next\nINVARIANT Bounded\n';

test('Export for TLC downloads every module the spec reaches and the settings', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, [
    { name: 'Queue.tla', text: queue },
    { name: 'Helpers.tla', text: helpers },
    { name: 'Queue.cfg', text: cfg },
  ]);
  await page.getByLabel('Deadlock').selectOption('skip');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for TLC' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Queue-tlc.zip');
  const zip = unzipSync(new Uint8Array(readFileSync(await file.path())));
  const text = (name: string) => strFromU8(zip[`Queue-tlc/${name}`]);
  const names = Object.keys(zip).map((k) => k.replace(/^Queue-tlc\//, ''));
  expect(names).toEqual(
    expect.arrayContaining([
      'Queue.tla',
      'Helpers.tla',
      'SequencesExt.tla',
      'LICENSE.community',
      'Queue.cfg',
      'README.md',
    ]),
  );
  // Every module a module of the bundle extends or instantiates is in it, or in TLC's jar.
  const inJar = ['Naturals', 'Integers', 'Reals', 'Sequences', 'FiniteSets', 'Bags', 'TLC'];
  for (const name of names.filter((n) => n.endsWith('.tla'))) {
    const uses = [...text(name).matchAll(/(?:EXTENDS|INSTANCE)\s+([\w\s,]+?)(?:\n|WITH|$)/g)]
      .flatMap((m) => m[1].split(','))
      .map((m) => m.trim())
      .filter(Boolean);
    for (const used of uses)
      expect(inJar.includes(used) || names.includes(`${used}.tla`)).toBe(true);
  }
  expect(text('Queue.tla')).toBe(queue);
  expect(text('Helpers.tla')).toBe(helpers);
  expect(text('SequencesExt.tla')).toMatch(/^-+ MODULE SequencesExt -+/m);
  expect(text('Queue.cfg')).toMatch(/^CONSTANT Max = 3$/m);
  expect(text('Queue.cfg')).toMatch(/^CHECK_DEADLOCK FALSE$/m);
  expect(text('README.md')).toContain('tlc2.TLC -workers auto -config Queue.cfg Queue');
  expect(text('README.md')).toContain('tlc2.tool.distributed.TLCServer');
  const note = page.getByTestId('tlc-export-note');
  await expect(note).toContainText('Downloaded Queue-tlc.zip');
  await expect(note).toContainText('SequencesExt.tla');
  await wideShot(page, 'tlc-export');
  await threeShots(page, 'tlc-export', () => page.locator('.side-panel'));
  expect(errors).toEqual([]);
});

/** A spec with no end whose levels widen: each level one longer sequence of 1..3. */
const words = `---- MODULE Words ----
EXTENDS Naturals, Sequences
VARIABLE w
Init == w = <<>>
Next == \\E c \\in 1..3 : w' = Append(w, c)
TypeOK == w \\in Seq(1..3)
====
`;

test('a check stopped at its memory budget offers TLC, with an estimate', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, [
    { name: 'Words.tla', text: words },
    { name: 'Words.cfg', text: 'INIT Init\nNEXT Next\nINVARIANT TypeOK\n' },
  ]);
  await page.getByLabel('Memory').fill('16');
  await runButton(page).click();
  await expect(verdict(page)).toHaveText('Not finished: memory budget reached', {
    timeout: 60_000,
  });
  const offer = page.getByTestId('tlc-suggestion');
  await expect(offer).toContainText('This model outgrows the tab: check it with TLC');
  await expect(offer).toContainText(/[\d,]+ states found in .* \(depth \d+\)/);
  await expect(offer).toContainText(/fingerprint set takes 8 bytes a state/);
  // The projection needs the last levels each seen by a progress sample (every ~125 ms): on a
  // busy machine the run may be too short for it. When there is one, it is the levels' growth.
  const lines = await offer.locator('li').allInnerTexts();
  const growth = lines.find((l) => l.startsWith('Its levels still grow'));
  if (growth) {
    expect(growth).toMatch(/^Its levels still grow ×\d\.\d a level: no end in sight\./);
    await expect(offer).toContainText(/TLC with 16 workers, each at this tab's pace: about /);
    await page.getByLabel('TLC workers to estimate for').fill('64');
    await expect(offer).toContainText(/TLC with 64 workers, each at this tab's pace: about /);
  } else {
    expect(lines.join('\n')).not.toContain('Projected');
  }
  const download = page.waitForEvent('download');
  await offer.getByRole('button', { name: 'Export for TLC' }).click();
  expect((await download).suggestedFilename()).toBe('Words-tlc.zip');
  await expect(offer.getByTestId('tlc-export-note')).toContainText('Words.tla');
  await wideShot(page, 'tlc-suggestion');
  await threeShots(page, 'tlc-suggestion', () => page.locator('.side-panel'));
  expect(errors).toEqual([]);
});

const recorded = (name: string) =>
  readFileSync(new URL(`./specs/tlc/${name}`, import.meta.url).pathname, 'utf8');

test("TLC's log opened in the app shows its verdict, figures and trace, replayed and shareable", async ({
  page,
  browser,
  errors,
}) => {
  // The log TLC 2.20 printed for the DieHard example (the example's files, one worker).
  await page.goto('/');
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText('MODULE DieHard');
  await page.getByTestId('open-trace').setInputFiles({
    name: 'DieHard.log',
    mimeType: 'text/plain',
    buffer: Buffer.from(recorded('DieHard.tlc.txt')),
  });
  const result = page.getByTestId('result');
  await expect(verdict(page)).toHaveText('Invariant violated: NotSolved');
  const source = page.getByTestId('tlc-run');
  await expect(source).toContainText(
    'TLC’s run of DieHard.tla, read from DieHard.log (TLC 2.20, 1 worker)',
  );
  const stat = (name: string) => result.locator(`dt:text-is("${name}") + dd`);
  await expect(stat('Distinct states')).toHaveText('14');
  await expect(stat('Generated states')).toHaveText('73');
  await expect(stat('Depth')).toHaveText('7');
  await expect(stat('TLC’s time')).toHaveText('4.0 s');
  // Replayed under the open spec: the steps name their actions with the spec's own places.
  await expect(page.getByTestId('tlc-replayed')).toBeVisible({ timeout: 30_000 });
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps).toHaveCount(7);
  await expect(steps.nth(1)).toContainText('FillBig');
  await expect(page.getByLabel('State 7', { exact: true })).toContainText('big');
  // The state graph and watches work on it as on our own trace.
  const input = page.getByLabel('Watch expression');
  await input.fill('big + small');
  await input.press('Enter');
  await expect(page.getByTestId('watch-value').first()).toHaveText('7', { timeout: 15_000 });
  await wideShot(page, 'tlc-log-opened');
  await threeShots(page, 'tlc-log-opened');

  // A share link from it carries the trace as a path the recipient replays, with TLC's verdict.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByTestId('share-url');
  await expect(field).toHaveValue(/#share=[A-Za-z0-9_-]+$/, { timeout: 20_000 });
  const url = await field.inputValue();
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(url);
  await expect(fresh.getByTestId('share-banner')).toContainText('behaviour of 7 states', {
    timeout: 30_000,
  });
  await expect(fresh.getByLabel('State 7', { exact: true })).toContainText('big = 4', {
    timeout: 20_000,
  });
  await context.close();
  expect(errors).toEqual([]);
});

test("TLC's log of a run with no error shows TLC's verdict; a -dumpTrace file opens as a trace", async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await expect(page.locator('[data-testid=editor] .view-lines')).toContainText('MODULE DieHard');
  const open = (name: string, text: string) =>
    page.getByTestId('open-trace').setInputFiles({
      name,
      mimeType: 'text/plain',
      buffer: Buffer.from(text),
    });
  // Dropped on the window, as a file from a terminal or a CI job's artifacts would be.
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'TypeOK.log', { type: 'text/plain' }));
    return data;
  }, recorded('TypeOK.tlc.txt'));
  await page.dispatchEvent('[data-testid=editor]', 'dragenter', { dataTransfer: transfer });
  for (const event of ['dragenter', 'dragover', 'drop'])
    await page.dispatchEvent('[data-testid=drop-current]', event, { dataTransfer: transfer });
  await expect(verdict(page)).toHaveText('No error found');
  const result = page.getByTestId('result');
  await expect(result.locator('dt:text-is("Distinct states") + dd')).toHaveText('16');
  await expect(result.locator('dt:text-is("Depth") + dd')).toHaveText('8');
  await expect(page.getByTestId('tlc-run')).toContainText('read from TypeOK.log');
  // A log cut short is no pass: no verdict, its last figures.
  const log = recorded('DieHard.tlc.txt');
  await open('cut.log', log.slice(0, log.indexOf('Error: Invariant')));
  await expect(verdict(page)).toHaveText('Error');
  await expect(result).toContainText("TLC's log ends before TLC finished: no verdict");
  await expect(result).not.toContainText('No error found');
  // TLC's -dumpTrace json: the trace, replayed.
  await open('DieHard.trace.json', recorded('DieHard.trace.json'));
  await expect(page.getByRole('button', { name: 'Opened file' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('button')).toHaveCount(7);
  expect(errors).toEqual([]);
});
