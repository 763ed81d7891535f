/**
 * Results are marked stale the moment the spec they came from is edited: the verdict loses its
 * colour, the results panel and the views say what changed since, and one click runs again.
 */
import { readFileSync } from 'node:fs';
import { checkDieHard, expect, test } from './fixtures';
import { editInEditor, threeShots, verdict } from './open-spec';

const dieHard = readFileSync(
  new URL('../src/ui/examples/DieHard/DieHard.tla', import.meta.url),
  'utf8',
);
const fillBigLine = dieHard.split('\n').findIndex((l) => l.startsWith('FillBig')) + 1;

test('an edit marks the verdict and the trace out of date, and Re-run brings them back', async ({
  page,
  errors,
}) => {
  const steps = await checkDieHard(page);
  await steps.nth(1).click();
  await expect(page.getByLabel('State 2', { exact: true })).toContainText('big = 5');
  await expect(page.getByTestId('stale-result')).toHaveCount(0);

  // FillBig now fills the big jug to 4: the trace on screen no longer is what the spec does.
  await editInEditor(page, "big' = 5", "big' = 4");
  const stale = page.getByTestId('stale-result');
  await expect(stale).toContainText(`DieHard.tla edited (line ${fillBigLine})`);
  await expect(verdict(page)).toContainText('Before your changes: Invariant violated');
  await expect(verdict(page)).toHaveCSS('background-color', await surface2(page));
  const traceNotice = page.getByTestId('stale-trace');
  await expect(traceNotice).toContainText('the spec may no longer do this');
  await expect(traceNotice).toContainText(`DieHard.tla edited (line ${fillBigLine})`);
  await threeShots(page, 'stale');

  // Putting the text back makes the result current again.
  await editInEditor(page, "big' = 4", "big' = 5");
  await expect(stale).toHaveCount(0);
  await editInEditor(page, "big' = 5", "big' = 4");
  await expect(stale).toBeVisible();

  await traceNotice.getByRole('button', { name: 'Re-run check' }).click();
  await expect(stale).toHaveCount(0, { timeout: 30_000 });
  await expect(traceNotice).toHaveCount(0);
  await expect(verdict(page)).toHaveText('Invariant violated: NotSolved');
  // The new counterexample: fill the big jug, done.
  await expect(steps).toHaveCount(2);
  await steps.nth(1).click();
  await expect(page.getByLabel('State 2', { exact: true })).toContainText('big = 4');
  expect(errors).toEqual([]);
});

test('a changed model setting also makes the result stale', async ({ page }) => {
  await checkDieHard(page);
  await page.getByLabel('Deadlock').selectOption('skip');
  await expect(page.getByTestId('stale-result')).toContainText('deadlock is now not checked');
  await page.getByLabel('Deadlock').selectOption('cfg');
  await expect(page.getByTestId('stale-result')).toHaveCount(0);
});

async function surface2(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.background = 'var(--surface-2)';
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  });
}
