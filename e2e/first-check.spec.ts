/**
 * The page's first check goes straight to the checker worker the page started in its head, with
 * no wait for the pool's module (comlink, workers/browserHost.ts), which loads apart from the
 * first load (workers/earlyWorker.ts `checkEarly`; issue #23, time to the first verdict). Here
 * that module is held back, so the only way to an answer is the direct one: the verdict comes,
 * progress streams, and when the pool arrives it adopts the worker with its check in flight, so
 * that Cancel stops it as it would any check.
 */
import type { Page } from '@playwright/test';
import { artifacts, expect, test } from './fixtures';
import { openAsProject, runButton, verdict } from './open-spec';

/** Holds every fetch of the pool's module until the returned function is called. */
async function holdPoolModule(page: Page): Promise<{ release: () => void; asked: () => boolean }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/browserHost-[\w-]+\.js$/, async (route) => {
    asked = true;
    await released;
    await route.continue();
  });
  return { release, asked: () => asked };
}

test('the first check is answered before the pool has loaded', async ({ page, errors }) => {
  const pool = await holdPoolModule(page);
  await page.goto('/');
  await runButton(page).click();
  await expect(verdict(page)).toHaveText('Invariant violated: NotSolved', { timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('button')).toHaveCount(7);
  // The page did ask for the pool (it starts loading at once), and still has not got it.
  expect(pool.asked()).toBe(true);
  await page.screenshot({ path: `${artifacts}first-check-no-pool.png` });

  // Once the pool is there, it takes the worker over: a second check goes through it.
  pool.release();
  await runButton(page).click();
  await expect(page.locator('.run-controls__status')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000,
  });
  await expect(verdict(page)).toHaveText('Invariant violated: NotSolved');
  expect(errors).toEqual([]);
});

const endless = `---- MODULE Endless ----
EXTENDS Naturals
VARIABLE n
Init == n = 0
Next == n' = n + 1
====
`;

test('a first check still running when the pool loads is cancelled by it', async ({
  page,
  errors,
}) => {
  const pool = await holdPoolModule(page);
  await page.goto('/');
  await openAsProject(page, [
    { name: 'Endless.tla', text: endless },
    { name: 'Endless.cfg', text: 'INIT Init\nNEXT Next\n' },
  ]);
  await runButton(page).click();
  // Progress comes over the direct line too.
  await expect(page.getByTestId('progress-chart')).toContainText(/depth [1-9]\d{2,}/, {
    timeout: 30_000,
  });
  pool.release();
  await page.getByRole('button', { name: 'Cancel' }).click();
  const status = page.locator('.run-controls__status');
  await expect(status).toHaveAttribute('data-status', 'cancelled', { timeout: 10_000 });
  await expect(verdict(page)).toHaveText('Not finished: cancelled');
  await page.screenshot({ path: `${artifacts}first-check-cancelled.png` });

  // The worker answers the next check (the engine stopped cooperatively, or a fresh worker).
  await openAsProject(page, [
    {
      name: 'Small.tla',
      text: endless.replace('Endless', 'Small').replace('n + 1', '(n + 1) % 5'),
    },
    { name: 'Small.cfg', text: 'INIT Init\nNEXT Next\n' },
  ]);
  await runButton(page).click();
  await expect(verdict(page)).toHaveText('No error found', { timeout: 30_000 });
  await expect(page.getByTestId('result')).toContainText('Distinct states5Generated states6');
  expect(errors).toEqual([]);
});
