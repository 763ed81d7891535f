/**
 * `--workers N` for `check` and `simulate`: the run shared out over N worker threads through the
 * checker pool (workers/pool.ts). Loaded only when more than one worker is asked for, so a plain
 * run starts no threads.
 */
import type { CheckHooks } from '../check/check';
import type { SimulateHooks } from '../check/search/simulate/simulate';
import type {
  CheckRequest,
  CheckResult,
  SimulateRequest,
  SimulateResult,
} from '../check/contract/types';
import { createNodePool } from '../../workers/nodeHost';
import { workerEntry } from './worker-entry';

/** Each worker simulates every N-th behaviour (see CheckerPool.simulate). */
export async function simulateOnPool(
  req: SimulateRequest,
  hooks: SimulateHooks,
  workers: number,
): Promise<SimulateResult> {
  const pool = createNodePool({ size: workers, entry: workerEntry() });
  try {
    return await pool.simulate(req, hooks.onProgress, workers);
  } finally {
    pool.dispose();
  }
}

/** The search shared by N workers, each owning a shard of the states (src/check/search/parallel/). */
export async function checkOnPool(req: CheckRequest, hooks: CheckHooks): Promise<CheckResult> {
  const workers = req.options?.workers ?? 1;
  const pool = createNodePool({ size: workers, entry: workerEntry() });
  try {
    return await pool.check(req, hooks.onProgress);
  } finally {
    pool.dispose();
  }
}
