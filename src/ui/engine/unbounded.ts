/**
 * A check that keeps getting deeper: `x' = x + 1` has one new state per level and never ends, and
 * a tab left to run it grows until the browser kills it. Two pure parts, wired up by runCheck.ts:
 *
 * - `deepening(history)` reads the progress samples: the search is past depth 100 and still going
 *   deeper, with few states per level (an unbounded counter, a growing sequence) or very deep;
 * - `growingVariables(traces)` names the culprits from a few random behaviours (the pool's
 *   simulate): variables whose size grows along a behaviour and keeps taking new values. It is in
 *   growth.ts, loaded when a check deepens (with the trace printer it names them by).
 */
import type { Progress } from '../../check/contract/types';

/** Below this depth no warning: many finite specs go this deep. */
export const DEEPENING_MIN_DEPTH = 100;
/** At this depth the warning comes whatever the width of the levels. */
const VERY_DEEP = 500;
/** Fewer states than this per level on average: thin levels, as a counter makes. */
const THIN_LEVEL = 100;

export interface Deepening {
  depth: number;
  distinctStates: number;
}

/** Whether the run's samples look like a search with no bottom (see the module comment). */
export function deepening(history: readonly Progress[]): Deepening | undefined {
  const last = history[history.length - 1];
  if (!last || last.depth < DEEPENING_MIN_DEPTH) return undefined;
  // Still getting deeper: the depth rose by a fifth since the middle of the run.
  const middle = history[Math.floor((history.length - 1) / 2)];
  if (history.length < 3 || last.depth < middle.depth * 1.2) return undefined;
  const thin = last.distinctStates <= last.depth * THIN_LEVEL;
  if (!thin && last.depth < VERY_DEEP) return undefined;
  return { depth: last.depth, distinctStates: last.distinctStates };
}
