/**
 * Offline (src/offline): once loaded, the app opens and checks with no network, everything coming
 * from the service worker's cache; a new build's worker takes over and drops the old cache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { artifacts, editorText, expect, test } from './fixtures';

const swFile = new URL('../dist/sw.js', import.meta.url);

/** Waits until the service worker controls the page and has cached the build. */
async function waitForOffline(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
    timeout: 30_000,
  });
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('specstage-'));
    let bytes = 0;
    let files = 0;
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        bytes += (await response!.arrayBuffer()).byteLength;
        files++;
      }
    }
    return { names, files, bytes };
  });
}

test('after one load, the app opens and checks with the network off', async ({
  page,
  context,
  errors,
}) => {
  await page.goto('/');
  expect(await editorText(page)).toContain('MODULE DieHard');
  const cached = await waitForOffline(page);
  expect(cached.names).toHaveLength(1);
  const precache = JSON.parse(
    readFileSync(swFile, 'utf8').match(/const PRECACHE = (\[.*\]);/)![1],
  ) as string[];
  expect(cached.files).toBe(precache.length);
  for (const part of ['checker.worker', 'editor.worker', 'tree-sitter-tlaplus', '.wasm']) {
    expect(
      precache.some((f) => f.includes(part)),
      part,
    ).toBe(true);
  }

  await context.setOffline(true);
  // The network is really gone, for the service worker too: what is not cached fails.
  const uncached = await page.evaluate(() =>
    fetch(`/not-cached-${Date.now()}.txt`).then(
      (r) => `status ${r.status}`,
      () => 'failed',
    ),
  );
  expect(uncached).toBe('failed');
  // That failed fetch is the one error the console shows (once it has arrived); from here on
  // there must be none.
  await expect
    .poll(() => errors.length, { timeout: 2000 })
    .toBeGreaterThan(0)
    .catch(() => undefined);
  errors.splice(0);

  const responses: { url: string; fromServiceWorker: boolean }[] = [];
  page.on('response', (r) =>
    responses.push({ url: r.url(), fromServiceWorker: r.fromServiceWorker() }),
  );
  const start = Date.now();
  await page.reload();
  expect(await editorText(page)).toContain('MODULE DieHard');
  const reloadMs = Date.now() - start;

  await page.getByRole('button', { name: 'Run TLC check' }).click();
  await expect(page.getByTestId('result')).toContainText('Invariant violated: NotSolved', {
    timeout: 30_000,
  });
  const checkedMs = Date.now() - start;
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('button')).toHaveCount(7);

  // The language worker starts with the editor, which may come after the verdict now that the
  // checker worker starts from the page's head: wait for its fetch before reading them all.
  await expect
    .poll(() => responses.some((r) => r.url.includes('language.worker')), { timeout: 30_000 })
    .toBe(true);
  // Everything came from the service worker.
  // blob: URLs are the checker worker's own copies of the parser's wasm (workers/checker.worker.ts),
  // in memory: not fetches.
  const local = responses.filter(
    (r) => !r.url.startsWith('blob:') && new URL(r.url).origin === new URL(page.url()).origin,
  );
  expect(local.length).toBeGreaterThan(3);
  expect(local.filter((r) => !r.fromServiceWorker)).toEqual([]);
  const names = local.map((r) => new URL(r.url).pathname);
  // The checker's engine (its worker's small bootstrap is in the page: vite.config.ts) and the
  // language worker, and the parser's .wasm they load.
  for (const part of ['checkerMain', 'language.worker', 'tree-sitter-tlaplus', '.wasm']) {
    expect(
      names.some((n) => n.includes(part)),
      `${part} from the service worker`,
    ).toBe(true);
  }

  const numbers = {
    precacheFiles: cached.files,
    precacheMiB: Math.round((cached.bytes / 1024 / 1024) * 10) / 10,
    offlineReloadToEditorMs: reloadMs,
    offlineReloadToCheckResultMs: checkedMs,
    responsesFromServiceWorker: local.length,
  };
  writeFileSync(`${artifacts}offline.json`, JSON.stringify(numbers, null, 2));
  console.log(`offline: ${JSON.stringify(numbers)}`);
  await page.screenshot({ path: `${artifacts}offline-check.png` });
  expect(errors).toEqual([]);
});

test('a new build’s service worker takes over on reload and drops the old cache', async ({
  page,
}) => {
  await page.goto('/');
  await editorText(page);
  const before = await waitForOffline(page);
  const original = readFileSync(swFile, 'utf8');
  const version = original.match(/const VERSION = "([^"]+)"/)![1];
  expect(before.names).toEqual([`specstage-${version}`]);
  try {
    // Another build: the same files under a new version.
    writeFileSync(swFile, original.replace(version, `${version}-next`));
    await page.reload();
    await editorText(page);
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).sort()), { timeout: 30_000 })
      .toEqual([`specstage-${version}-next`]);
    // The page is now served by the new worker.
    const served = () =>
      page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (e) => resolve(e.data.version);
            navigator.serviceWorker.controller!.postMessage('version', [channel.port2]);
          }),
      );
    await expect.poll(served).toBe(`${version}-next`);
  } finally {
    writeFileSync(swFile, original);
  }
});
