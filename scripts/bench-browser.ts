/**
 * The checker's speed in Chromium: `benchBrowser(models, workerCounts)` serves the built app
 * (`dist/`, built beforehand: `npx vite build`; nothing is built here) from a small static server,
 * opens it in Debian's Chromium through Playwright (the browser tests' flags, e2e/chromium.ts) and
 * runs each check through the page's own worker pool with `window.specstage.check(request)`
 * (src/ui/engine/debugHandle.ts), outside the UI. The time is the page's wall clock around that
 * call only: the page load, the workers' start and the parser's wasm are paid by a small warm-up
 * check on every worker first. Service workers are blocked, so the offline precache does not
 * download the build in the background while the checks run.
 *
 * The pool has one worker per core (at least two, src/ui/engine/runCheck.ts); a worker count above
 * that is capped, and the row says how many were used.
 *
 *   npx tsx scripts/bench-browser.ts [--workers 1,2] [Spec.cfg ...]
 *
 * runs it on corpus models (default: TeachingConcurrency/SimpleRegular.cfg; paths relative to the
 * corpus's examples/), with the modules beside the spec (the library modules ship with the
 * engine), and prints the rows as JSON.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import type { CheckRequest, CheckResult } from '../src/check/contract/types';
import { EXAMPLES } from './conformance/corpus';

export interface BenchModel {
  name: string;
  files: { name: string; text: string }[];
  mainModule: string;
  cfg: string;
  cfgName: string;
}

export interface BenchRow {
  name: string;
  workers: number;
  wallMs: number;
  distinctStates: number;
  generatedStates: number;
}

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');

/**
 * Serves `dir` on a free local port from a process of its own (static-server.ts), as a real
 * server would be: in this process it shared its event loop with Playwright, whose handling of
 * the browser's events during a page load held up its responses (170-290 ms for the checker's
 * engine and the parser's wasm in some first-verdict runs, 10-20 ms in others).
 */
export async function serve(dir: string): Promise<{ server: { close(): void }; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./static-server.ts', import.meta.url)), dir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const line = /^(http:\/\/\S+)\n/.exec(out);
      if (line) resolve(line[1]);
    });
    child.on('exit', (code) => reject(new Error(`static server exited (${code}) before serving`)));
    child.on('error', reject);
  });
  return { server: { close: () => child.kill() }, url };
}

/** A few hundred states: enough to start every worker and load the parser in each. */
const warmUp: BenchModel = {
  name: 'warm-up',
  files: [
    {
      name: 'WarmUp.tla',
      text: `---- MODULE WarmUp ----
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\\ y = 0
Next == \\/ x < 20 /\\ x' = x + 1 /\\ UNCHANGED y
        \\/ y < 20 /\\ y' = y + 1 /\\ UNCHANGED x
====
`,
    },
  ],
  mainModule: 'WarmUp',
  cfg: 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n',
  cfgName: 'WarmUp.cfg',
};

function request(model: BenchModel, workers: number): CheckRequest {
  return {
    files: model.files,
    mainModule: model.mainModule,
    cfg: model.cfg,
    cfgName: model.cfgName,
    options: { workers },
  };
}

export async function benchBrowser(
  models: BenchModel[],
  workerCounts: number[],
  repeat = 1,
): Promise<BenchRow[]> {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('no dist/index.html: build the app first (npx vite build)');
  }
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => typeof window.specstage?.check === 'function');
    const poolSize = await page.evaluate(() => Math.max(2, navigator.hardwareConcurrency || 2));
    const timed = (req: CheckRequest) =>
      page.evaluate(async (r) => {
        const started = performance.now();
        const result: CheckResult = await window.specstage!.check(r);
        return { wallMs: performance.now() - started, result };
      }, req);

    const warm = await timed(request(warmUp, Math.max(...workerCounts, 1)));
    if (warm.result.result !== 'success') {
      const why = warm.result.error?.message ?? warm.result.result;
      throw new Error(`the warm-up check failed: ${why}`);
    }
    const rows: BenchRow[] = [];
    for (const model of models) {
      for (let r = 0; r < repeat; r++) {
        for (const asked of workerCounts) {
          const workers = Math.max(1, Math.min(asked, poolSize));
          const { wallMs, result } = await timed(request(model, workers));
          if (result.result === 'error') {
            throw new Error(`${model.name}: ${result.error?.message ?? 'the check failed'}`);
          }
          rows.push({
            name: model.name,
            workers,
            wallMs: Math.round(wallMs),
            distinctStates: result.distinctStates,
            generatedStates: result.generatedStates,
          });
        }
      }
    }
    return rows;
  } finally {
    await browser.close();
    server.close();
  }
}

/** A corpus model as `benchBrowser` takes it: every .tla beside the spec (the library ships with the engine). */
export function corpusModel(cfgPath: string): BenchModel {
  const dir = dirname(cfgPath);
  const cfgName = basename(cfgPath);
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tla'))) {
    files.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  const mainModule = cfgName.replace(/\.cfg$/, '');
  return {
    name: `${basename(dir)}/${cfgName}`,
    files: [...files].map(([name, text]) => ({ name, text })),
    mainModule,
    cfg: readFileSync(cfgPath, 'utf8'),
    cfgName,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--workers');
  const workerCounts = at >= 0 ? argv.splice(at, 2)[1].split(',').map(Number) : [1, 2];
  const configs = argv.length > 0 ? argv : ['TeachingConcurrency/SimpleRegular.cfg'];
  const models = configs.map((c) => corpusModel(existsSync(c) ? c : join(EXAMPLES, c)));
  const rows = await benchBrowser(models, workerCounts);
  console.log(JSON.stringify(rows, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
