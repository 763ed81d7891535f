/**
 * Merging the results of a simulation's shards. Kept apart from simulate.ts, which pulls in the
 * whole engine: the pool merges on the UI thread, where the engine must not be bundled.
 */
import type { SimulateResult, SimulatedBehaviour } from './types';

/**
 * One result from the results of a run's shards (`options.shard`), as if one worker had run it:
 * the verdict and trace are those of the lowest-index failing behaviour, which each shard reports
 * first since it simulates its behaviours in index order; so the answer does not depend on how
 * many shards there were. Counts are sums (with a failure they do depend on the sharding: a shard
 * stops at its own first failure).
 */
export function mergeSimulations(parts: SimulateResult[]): SimulateResult {
  if (parts.length === 1) return parts[0];
  const sum = (f: (r: SimulateResult) => number): number => parts.reduce((n, r) => n + f(r), 0);
  // An error that no behaviour carries (front end, config, assumptions) is the same in every shard.
  const global = parts.find((r) => r.result !== 'success' && r.behaviour === undefined);
  const firstFailure = parts
    .filter((r) => r.behaviour !== undefined)
    .sort((a, b) => a.behaviour! - b.behaviour!)[0];
  const lead = global ?? firstFailure ?? parts[0];
  const byIndex = (a: SimulatedBehaviour, b: SimulatedBehaviour) => a.index - b.index;
  const failed = parts.flatMap((r) => r.failed ?? []).sort(byIndex);
  const traces = parts.some((r) => r.traces)
    ? parts.flatMap((r) => r.traces ?? []).sort(byIndex)
    : undefined;
  const merged: SimulateResult = {
    ...lead,
    behaviours: sum((r) => r.behaviours),
    steps: sum((r) => r.steps),
    generatedStates: sum((r) => r.generatedStates),
    durationMs: Math.max(...parts.map((r) => r.durationMs)),
    simulatingMs: Math.max(...parts.map((r) => r.simulatingMs ?? 0)),
    failures: global ? global.failures : sum((r) => r.failures),
    output: parts.flatMap((r) => r.output),
  };
  if (failed.length) merged.failed = failed;
  else delete merged.failed;
  if (traces) merged.traces = traces;
  if (parts.some((r) => r.stopped)) merged.stopped = 'cancelled';
  return merged;
}
