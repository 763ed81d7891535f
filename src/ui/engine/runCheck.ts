/**
 * Runs a check of the open model through the worker pool and records what comes back in the
 * store, as it is: a result, or the error that prevented one.
 */
import { checkEarly } from '../../../workers/earlyWorker';
import type { CheckerPool } from '../../../workers/pool';
import type { CheckRequest, CheckResult, Progress } from '../../check/contract/types';
import { appStore, type GrowthWarning } from '../store';
import { buildCheckRequest } from './checkRequest';
import type { EngineCalls } from './engineCalls';
import { preparePlusCal } from './pluscal';
import { deepening } from './unbounded';

let pool: Promise<CheckerPool> | undefined;

/** Workers the pool may run at once: one per core (at least two); a check uses `model.workers`. */
export function poolSize(): number {
  return Math.max(2, navigator.hardwareConcurrency || 2);
}

/**
 * The browser pool, loaded apart so that comlink stays out of the first page load. The page
 * creates it as it starts (src/main.tsx), and it warms as many workers as the model's check will
 * use (the first is the one the page started at once: workers/earlyWorker.ts).
 */
export function enginePool(): Promise<CheckerPool> {
  pool ??= import('../../../workers/browserHost').then(({ createBrowserPool }) => {
    const created = createBrowserPool({ size: poolSize() });
    created.warm(appStore.getState().model.workers);
    return created;
  });
  return pool;
}

/** The pool's explore and pathOfTrace, for the modules that take them as parameters. */
export const poolCalls: EngineCalls = {
  explore: async (request) => (await enginePool()).explore(request),
  pathOfTrace: async (request, trace) => (await enginePool()).pathOfTrace(request, trace),
};

/** Progress arrives from the engine about four times a second; the store takes at most ~8/s. */
function throttled(update: (p: Progress) => void, ms = 125): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last >= ms) {
      last = now;
      update(p);
    }
  };
}

export async function runCheck(): Promise<void> {
  if (appStore.getState().run.status === 'running') return;
  performance.mark('specstage:run-clicked');
  const pcal = await preparePlusCal();
  const store = appStore.getState();
  if (store.run.status === 'running') return;
  store.runStarted();
  if (!pcal.ok) {
    appStore.getState().runFailed(pcal.message);
    // No progress to chart: the engine never started.
    appStore.setState({ run: { ...appStore.getState().run, history: undefined } });
    return;
  }
  if (pcal.translated.length > 0)
    appStore.setState({ run: { ...appStore.getState().run, translated: pcal.translated } });
  try {
    const request = buildCheckRequest(appStore.getState());
    performance.mark('specstage:request-built');
    let warned = false;
    const onProgress = throttled((p) => {
      appStore.getState().runProgress(p);
      const run = appStore.getState().run;
      const deep = warned ? undefined : deepening(run.history ?? []);
      if (!deep) return;
      warned = true;
      appStore.getState().runGrowth(deep);
      void enginePool().then((pool) => nameGrowingVariables(pool, request, deep));
    });
    const result = await sendCheck(request, onProgress);
    performance.mark('specstage:check-answered');
    appStore.getState().runFinished(result);
  } catch (error) {
    if (error instanceof Error && error.name === 'CancelledError')
      appStore.getState().runCancelled();
    else appStore.getState().runFailed(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The page's first check goes straight to the worker it started, if the pool has not taken it yet
 * (workers/earlyWorker.ts); any other, through the pool. User-timing marks:
 * scripts/bench-first-verdict.ts shows where a first verdict's time goes.
 */
async function sendCheck(
  request: CheckRequest,
  onProgress: (p: Progress) => void,
): Promise<CheckResult> {
  const first = checkEarly(request, onProgress);
  const pool = first ? undefined : await enginePool();
  performance.mark('specstage:check-sent');
  return first ?? pool!.check(request, onProgress);
}

/** Random behaviours that find which variables grow; a few hundred steps say enough. */
const GROWTH_PROBE = { behaviours: 4, maxSteps: 300, seed: 1 };

/**
 * Names the variables behind a search that keeps getting deeper, from a few random behaviours on
 * another worker of the pool (it waits for one when the check holds them all). The answer goes on
 * the run it was asked for, unless another run has started since.
 */
async function nameGrowingVariables(
  pool: CheckerPool,
  request: CheckRequest,
  warning: GrowthWarning,
): Promise<void> {
  let named: Pick<GrowthWarning, 'variables' | 'unnamed'>;
  try {
    const answer = await pool.simulate(
      {
        files: request.files,
        mainModule: request.mainModule,
        cfg: request.cfg,
        cfgName: request.cfgName,
        options: { ...GROWTH_PROBE, checkDeadlock: false, collectTraces: true },
      },
      undefined,
      1,
    );
    // A probe cut short by a cancel saw too little to say that nothing grows.
    const { growingVariables } = await import('./growth');
    named = answer.stopped
      ? { unnamed: 'stopped' }
      : { variables: growingVariables((answer.traces ?? []).map((b) => b.trace)) };
  } catch {
    named = { unnamed: 'stopped' };
  }
  // The warning object is the run's token: a new run has none, or another one.
  if (appStore.getState().run.growth === warning) {
    appStore.getState().runGrowth({ ...warning, ...named });
  }
}

export async function cancelCheck(): Promise<void> {
  await (await enginePool()).cancel();
}
