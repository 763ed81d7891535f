/**
 * Time to the first verdict (issue #23 item 5): how long after navigation a user who opens the
 * app in a fresh Chromium context and clicks Run as soon as it shows sees the default example's
 * verdict. Serves the built app (`dist/`, built beforehand: `npx vite build`) as bench-browser.ts
 * does, and for each of `--runs` fresh contexts (default 5; service workers blocked, so every
 * run is a first visit with an empty cache) records, in milliseconds after navigation start:
 *
 * - `run`: the Run button is on the page (looked for at every change of the DOM);
 * - `editor`: the editor shows the spec's text;
 * - `verdict`: the verdict is shown, the button clicked the moment it appeared;
 * - `sent`, `answered`, `monaco`: the app's user-timing marks: the check request went to the
 *   checker worker, its answer came back, Monaco's code has run;
 * - `w.…`: the first checker worker's marks, in the page's clock: its script started, the engine's
 *   code loaded, the parser loaded, the open spec prepared, the request arrived, its check began
 *   and ended (workers/checker.worker.ts, checkerApi.ts).
 *
 * and prints each run and the medians. `--waterfall` also prints the last run's resource timing
 * (what was fetched, when it started and ended), to see where the time goes.
 *
 *   npx tsx scripts/bench-first-verdict.ts [--runs 5] [--waterfall] [--dist dir,dir2]
 *
 * `--dist` times other builds (e.g. one of main and one of a branch), a run of each in turn, so
 * that a busy machine weighs on both alike.
 *
 * `npm run bench -- --first-verdict` runs it too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { serve } from './bench-browser';

export interface FirstVerdictRun {
  runMs: number;
  editorMs: number;
  verdictMs: number;
  verdict: string;
  /** The app's user-timing marks (`specstage:…`), ms after navigation. */
  marks: Record<string, number>;
  waterfall: { name: string; startMs: number; endMs: number }[];
}

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Installed before any of the page's scripts: on every change of the DOM, clicks Run as soon as
 * it is there and notes when the editor's text and the verdict show, in the page's own clock
 * (animation frames do not run before the first paint). A string, not a function: tsx would
 * add helpers to a function's text that the page does not have.
 */
const watcher = `(() => {
  const marks = {};
  window.firstVerdict = marks;
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (marks.run === undefined) {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === 'Run TLC check',
      );
      if (button) {
        marks.run = now;
        button.click();
      }
    }
    if (marks.editor === undefined && document.querySelector('.monaco-editor .view-line'))
      marks.editor = now;
    const verdict = document.querySelector('[data-testid=result] .verdict');
    if (verdict && marks.verdict === undefined) {
      marks.verdict = now;
      document.documentElement.dataset.firstVerdict = verdict.textContent ?? '';
    }
    if (marks.verdict !== undefined && marks.editor !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export async function benchFirstVerdict(runs = 5, build = dist): Promise<FirstVerdictRun[]> {
  if (!existsSync(join(build, 'index.html'))) {
    throw new Error(`no ${build}/index.html: build the app first (npx vite build)`);
  }
  const { server, url } = await serve(build);
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  const results: FirstVerdictRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        serviceWorkers: 'block',
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      // The page's and its workers' fetches, with Playwright's timings (epoch milliseconds).
      const fetched: { name: string; start: number; end: number }[] = [];
      context.on('requestfinished', (r) => {
        const t = r.timing();
        fetched.push({
          name: new URL(r.url()).pathname,
          start: t.startTime,
          end: t.startTime + Math.max(0, t.responseEnd),
        });
      });
      // The checker workers' own marks (workers/checker.worker.ts, checkerApi.ts).
      const workers: import('@playwright/test').Worker[] = [];
      page.on('worker', (w) => workers.push(w));
      await page.addInitScript({ content: watcher });
      await page.goto(url);
      await page.waitForFunction(
        () => {
          const m = (window as unknown as { firstVerdict: Record<string, number> }).firstVerdict;
          return m.verdict !== undefined && m.editor !== undefined;
        },
        undefined,
        { timeout: 60_000 },
      );
      const run = await page.evaluate(() => {
        const m = (window as unknown as { firstVerdict: Record<string, number> }).firstVerdict;
        return {
          runMs: Math.round(m.run),
          editorMs: Math.round(m.editor),
          verdictMs: Math.round(m.verdict),
          verdict: document.documentElement.dataset.firstVerdict ?? '',
          timeOrigin: performance.timeOrigin,
          marks: Object.fromEntries(
            performance
              .getEntriesByType('mark')
              .filter((e) => e.name.startsWith('specstage:'))
              .map((e) => [e.name.slice('specstage:'.length), Math.round(e.startTime)]),
          ),
        };
      });
      for (const w of workers) {
        const seen = await w
          .evaluate(() => ({
            origin: performance.timeOrigin,
            marks: performance
              .getEntriesByType('mark')
              .filter((e) => e.name.startsWith('specstage:worker-'))
              .map((e) => [e.name.slice('specstage:'.length), e.startTime] as const),
          }))
          .catch(() => undefined);
        // In the page's clock; the first worker to have a mark keeps it (the early one).
        for (const [name, at] of seen?.marks ?? [])
          run.marks[name] ??= Math.round(at + seen!.origin - run.timeOrigin);
      }
      const waterfall = fetched
        .map((f) => ({
          name: f.name,
          startMs: Math.round(f.start - run.timeOrigin),
          endMs: Math.round(f.end - run.timeOrigin),
        }))
        .sort((a, b) => a.startMs - b.startMs);
      results.push({ ...run, waterfall });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

/** Prints the runs and their medians; with `waterfall`, the last run's fetches. */
export function printFirstVerdict(runs: FirstVerdictRun[], waterfall = false, build = dist): void {
  console.log(
    `\nFirst verdict on the default example, fresh Chromium context, ms after navigation (${runs.length} runs${build === dist ? '' : `, ${build}`})`,
  );
  // The app's marks (src/ui/engine/runCheck.ts, src/ui/editor/loadMonaco.ts) as extra columns.
  const columns: [string, (r: FirstVerdictRun) => number | undefined][] = [
    ['Run shown', (r) => r.runMs],
    ['sent', (r) => r.marks['check-sent']],
    ['answered', (r) => r.marks['check-answered']],
    ['w.start', (r) => r.marks['worker-started']],
    ['w.engine', (r) => r.marks['worker-engine']],
    ['w.parser', (r) => r.marks['worker-parser']],
    ['w.prep', (r) => r.marks['worker-prepared']],
    ['w.asked', (r) => r.marks['worker-asked']],
    ['w.check', (r) => r.marks['worker-checking']],
    ['w.done', (r) => r.marks['worker-checked']],
    ['verdict', (r) => r.verdictMs],
    ['monaco', (r) => r.marks['monaco-loaded']],
    ['editor', (r) => r.editorMs],
  ];
  const row = (first: string, cells: (number | undefined)[], last = '') =>
    console.log(
      [
        first.padStart(4),
        ...cells.map((c, i) => (c === undefined ? '-' : String(c)).padStart(columns[i][0].length)),
        last,
      ].join('  '),
    );
  console.log(['run', ...columns.map(([name]) => name), 'verdict text'].join('  '));
  runs.forEach((r, i) =>
    row(
      String(i + 1),
      columns.map(([, f]) => f(r)),
      r.verdict,
    ),
  );
  row(
    'med.',
    columns.map(([, f]) => {
      const xs = runs.map(f).filter((x): x is number => x !== undefined);
      return xs.length === runs.length ? median(xs) : undefined;
    }),
  );
  if (!waterfall) return;
  console.log('\nFetches of the last run (start → end, ms after navigation)');
  for (const f of runs[runs.length - 1].waterfall)
    console.log(`${String(f.startMs).padStart(6)} → ${String(f.endMs).padStart(6)}  ${f.name}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : 5;
  // `--dist a,b`: other builds (folders), run in turn, so that they meet the same machine load.
  const d = argv.indexOf('--dist');
  const builds = d >= 0 ? argv[d + 1].split(',') : [dist];
  const all = new Map<string, FirstVerdictRun[]>(builds.map((b) => [b, []]));
  for (let i = 0; i < runs; i++)
    for (const b of builds) all.get(b)!.push(...(await benchFirstVerdict(1, b)));
  for (const b of builds) printFirstVerdict(all.get(b)!, argv.includes('--waterfall'), b);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
