/**
 * `--workers N` for `check` and `simulate`: the run shared out over N threads, through the checker
 * pool (workers/pool.ts). Loaded only when more than one worker is asked for, so a plain run starts
 * no threads.
 */
import { checkModel, type CheckHooks } from '../check/check';
import { channelNets } from '../check/search/parallel/net';
import type { SimulateHooks } from '../check/search/simulate/simulate';
import type {
  CheckRequest,
  CheckResult,
  SimulateRequest,
  SimulateResult,
} from '../check/contract/types';
import { createNodePool } from '../../workers/nodeHost';
import { installNodeParallelStats, threadSchedClock } from '../../workers/nodeStats';
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

/**
 * The search shared by N workers, each owning a shard of the states (src/check/search/parallel/).
 * This thread leads it (worker 0) and N − 1 worker threads serve: this thread has the engine
 * loaded already, and is otherwise idle while the workers search; a thread more would load,
 * parse, compile and optimise the model's code once more (about 0.3 s of CPU, and as much again
 * in V8's compiler threads, per worker).
 *
 * The peers start only when the leader finds the search long enough to share (`net.wake`, a level
 * that took it 100 ms of CPU, or the level before one that will: leader.ts) and join it once ready: a short check costs what one worker
 * costs, rather than sharing the cores with the peers' start.
 */
export async function checkOnPool(req: CheckRequest, hooks: CheckHooks): Promise<CheckResult> {
  const workers = req.options?.workers ?? 1;
  const [first, ...rest] = channelNets(workers);
  installNodeParallelStats();
  let pool: ReturnType<typeof createNodePool> | undefined;
  // A peer that dies (a crash, out of memory) would leave the leader waiting for it: stop it.
  let peerFailure: { error: unknown } | undefined;
  let peers: Promise<void>[] = [];
  const wake = () => {
    if (pool) return;
    pool = createNodePool({ size: workers - 1, entry: workerEntry() });
    const p = pool;
    peers = rest.map((net) =>
      p.serveSearch(req, net).catch((error: unknown) => {
        peerFailure ??= { error };
      }),
    );
  };
  const sched = threadSchedClock();
  try {
    const result = await checkModel(req, {
      ...hooks,
      parallel: { ...first, wake, ...(sched ? { cpuMs: () => sched(0) } : {}) },
      shouldStop: () => !!peerFailure || (hooks.shouldStop?.() ?? false),
    });
    if (peerFailure) throw peerFailure.error;
    // The peers end as soon as they read the leader's 'close': let them (their last words, such
    // as SPECSTAGE_PARALLEL_STATS lines, are not cut off), but not for long.
    await Promise.race([Promise.all(peers), new Promise((r) => setTimeout(r, 500).unref())]);
    return result;
  } finally {
    pool?.dispose();
    // Peers never started: the leader's ends of their channels would keep this process alive.
    if (!pool) for (const net of rest) for (const p of net.ports) p?.close();
  }
}
