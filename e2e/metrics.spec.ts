/**
 * First-load budget: the JS the page needs before it can paint (gzip), and when Chromium paints.
 * Monaco, the views and the checker worker must stay out of it: they load lazily.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { artifacts, editorText, expect, test } from './fixtures';

const dist = new URL('../dist/', import.meta.url);

function initialScripts(): string[] {
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)];
  return [...scripts, ...preloads.map((m) => m[1])];
}

test('first load stays small and paints fast', async ({ page }) => {
  const files = initialScripts();
  // The page's inline scripts count too (the checker worker's bootstrap is one: vite.config.ts).
  const inline = [
    ...readFileSync(new URL('index.html', dist), 'utf8').matchAll(
      /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g,
    ),
  ].map((m) => m[1]);
  const gzipBytes =
    files.reduce((sum, file) => sum + gzipSync(readFileSync(new URL(file, dist))).length, 0) +
    inline.reduce((sum, code) => sum + gzipSync(code).length, 0);
  expect(files.some((f) => /monaco|editor\.worker|checker/i.test(f))).toBe(false);

  await page.goto('/');
  await editorText(page);
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js'))
      .map((e) => ({ name: new URL(e.name).pathname, start: Math.round(e.startTime) }));
    return { firstContentfulPaintMs: Math.round(paint?.startTime ?? -1), scripts };
  });
  const editorReadyMs = await page.evaluate(() => Math.round(performance.now()));
  // Monaco arrives after the first paint, not before it.
  const monaco = timing.scripts.find((s) => s.name.includes('monacoSetup'));
  expect(monaco).toBeDefined();

  const metrics = {
    initialJsFiles: files,
    initialJsGzipKiB: Math.round((gzipBytes / 1024) * 10) / 10,
    firstContentfulPaintMs: timing.firstContentfulPaintMs,
    editorShownByMs: editorReadyMs,
  };
  writeFileSync(`${artifacts}metrics.json`, JSON.stringify(metrics, null, 2));
  console.log(`first load: ${JSON.stringify(metrics)}`);

  expect(metrics.initialJsGzipKiB).toBeLessThan(104);
  expect(timing.firstContentfulPaintMs).toBeGreaterThan(0);
  expect(timing.firstContentfulPaintMs).toBeLessThan(3000);
});
