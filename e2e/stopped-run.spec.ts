/**
 * A run that is stopped never looks like a pass: a cancelled check of a spec with no end says
 * "Not finished" in the warning colour, with the figures so far and what was left unexplored, in
 * the results panel, in the trace view and in review mode; nowhere "No error found".
 */
import { expect, test } from './fixtures';
import { openAsProject, runButton, threeShots, verdict } from './open-spec';

const endless = `---- MODULE Endless ----
EXTENDS Naturals
VARIABLE n
Init == n = 0
Next == n' = n + 1
TypeOK == n \\in Nat
====
`;

test('a cancelled check is not a pass, anywhere it is shown', async ({ page, errors }) => {
  await page.goto('/');
  await openAsProject(page, [
    { name: 'Endless.tla', text: endless },
    { name: 'Endless.cfg', text: 'INIT Init\nNEXT Next\nINVARIANT TypeOK\n' },
  ]);
  await runButton(page).click();
  const status = page.locator('.run-controls__status');
  // Let it get somewhere, then stop it as a user would.
  await expect(page.getByTestId('progress-chart')).toContainText(/depth [1-9]\d{2,}/, {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveAttribute('data-status', 'cancelled', { timeout: 10_000 });

  const result = page.getByTestId('result');
  await expect(verdict(page)).toHaveAttribute('data-tone', 'stopped');
  await expect(verdict(page)).toHaveText('Not finished: cancelled');
  await expect(result).not.toContainText('No error found');
  await expect(result).toContainText(/No verdict\. No error in the [\d,]+ states explored/);
  await expect(result).toContainText(/nothing beyond depth [\d,]+ was searched/);
  // Its colour is not a pass's.
  const colours = await verdict(page).evaluate((el) => {
    const style = getComputedStyle(el);
    const root = getComputedStyle(document.documentElement);
    return {
      color: style.color,
      success: root.getPropertyValue('--success').trim(),
    };
  });
  expect(colours.color).not.toBe(hexToRgb(colours.success));

  // The trace view does not say the check found no error.
  await page.getByRole('tab', { name: 'Trace' }).click();
  await expect(page.getByTestId('trace-stopped')).toContainText('stopped before it finished');
  await expect(page.getByRole('tabpanel')).not.toContainText('found no error');
  await threeShots(page, 'stopped-run');

  // Nor does review mode.
  await page.getByRole('button', { name: 'Review' }).click();
  const bar = page.getByTestId('review-verdict');
  await expect(bar).toHaveText('Not finished');
  await expect(bar).toHaveAttribute('data-tone', 'stopped');
  await expect(bar).toHaveAttribute('title', 'Not finished: cancelled');
  await threeShots(page, 'stopped-run-review', () => page.locator('.review-bar'));
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
