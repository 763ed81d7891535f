/**
 * Runs a check of the open model through the worker pool and records what comes back in the
 * store, as it is: a result, or the error that prevented one.
 */
import type { CheckerPool } from '../../../workers/pool';
import type { Progress } from '../../check/types';
import { appStore } from '../store';
import { buildCheckRequest } from './checkRequest';

let pool: Promise<CheckerPool> | undefined;

/** Workers the pool may run at once: one per core (at least two); a check uses `model.workers`. */
export function poolSize(): number {
  return Math.max(2, navigator.hardwareConcurrency || 2);
}

/** The browser pool, loaded on first use so that comlink stays out of the first page load. */
export function enginePool(): Promise<CheckerPool> {
  pool ??= import('../../../workers/browserHost').then(({ createBrowserPool }) =>
    createBrowserPool({ size: poolSize() }),
  );
  return pool;
}

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
  const store = appStore.getState();
  if (store.run.status === 'running') return;
  store.runStarted();
  try {
    const request = buildCheckRequest(appStore.getState());
    const result = await (
      await enginePool()
    ).check(
      request,
      throttled((p) => appStore.getState().runProgress(p)),
    );
    appStore.getState().runFinished(result);
  } catch (error) {
    if (error instanceof Error && error.name === 'CancelledError')
      appStore.getState().runCancelled();
    else appStore.getState().runFailed(error instanceof Error ? error.message : String(error));
  }
}

export async function cancelCheck(): Promise<void> {
  await (await enginePool()).cancel();
}
