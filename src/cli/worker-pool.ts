/**
 * `specstage simulate --workers N`: the behaviours shared out over N worker threads through the
 * checker pool (each worker simulates every N-th behaviour; see CheckerPool.simulate). Loaded only
 * when more than one worker is asked for, so a plain run starts no threads.
 */
import type { SimulateHooks } from '../check/simulate';
import type { SimulateRequest, SimulateResult } from '../check/types';
import { createNodePool } from '../../workers/nodeHost';

export async function simulateOnPool(
  req: SimulateRequest,
  hooks: SimulateHooks,
  workers: number,
): Promise<SimulateResult> {
  const pool = createNodePool({ size: workers });
  try {
    return await pool.simulate(req, hooks.onProgress, workers);
  } finally {
    pool.dispose();
  }
}
