/**
 * How big a breadth-first search will get and how long it will take, projected from its progress
 * samples (distinct states, queue, depth, time): what the results panel says when it suggests
 * handing the model to TLC.
 *
 * The search goes level by level (src/check/search/bfs/bfs.ts): while it explores level d, levels ≤ d are
 * found whole and level d + 1 is being found. The samples give the size of each level explored
 * (levelsOf) and the speed: distinct states found per second over the last few seconds (the
 * states found grow smoothly; the queue of one worker counts the level being explored whole).
 *
 * The level sizes of a finite model rise and then fall away. The levels after the last one
 * measured are projected by fitting a parabola to the logarithm of the last level sizes (a
 * bell-shaped profile, as the sizes of BFS levels typically are) when it curves down, else as a
 * geometric tail with the ratio of the last levels when that is below 1. While the levels still
 * grow and do not yet curve, there is no total to project: the search may be far from its end,
 * and the answer says so, with the size of the level being found.
 */
import type { Progress } from '../../check/contract/types';

export interface Projection {
  /** Sizes of the levels explored so far (the one being explored is not measured yet). */
  levels: number[];
  /** Distinct states found per second lately. */
  statesPerSecond: number;
  /** How the total was projected; `growing` when the levels do not yet say where they end. */
  method: 'finished' | 'bell' | 'geometric' | 'growing';
  /** Distinct states in all, projected (undefined while growing). */
  totalStates?: number;
  /**
   * Time still needed to find the states not yet found, at the current speed; while growing, the
   * time to find the next level alone (a lower bound).
   */
  remainingMs?: number;
  /** The ratio of a level's size to the one before, lately. */
  lastRatio?: number;
  /**
   * While growing: the size of the level being found (at the last ratio), and the time until it
   * is found whole at the current speed.
   */
  nextLevel?: { states: number; ms: number };
}

/** Levels fitted at most: the profile's recent shape, not its start. */
const FIT_LEVELS = 8;
/** Levels needed before anything is projected. */
const MIN_LEVELS = 4;
/** Seconds of samples the speed is measured over. */
const RATE_WINDOW_MS = 5000;
/** Levels shrinking by at least this ratio: past the top of the profile. */
const SHRINKING = 0.97;
/** A projection longer than this many levels is no projection. */
const MAX_EXTRA_LEVELS = 10_000;

/**
 * The projection from a run's samples (oldest first); undefined while there are too few levels or
 * samples to say anything.
 */
export function projectSearch(history: readonly Progress[]): Projection | undefined {
  const last = history[history.length - 1];
  if (!last || history.length < 3 || last.elapsedMs <= 0) return undefined;
  const { sizes: levels, measured } = levelsOf(history);
  if (levels.length < MIN_LEVELS) return undefined;
  const statesPerSecond = foundRate(history);
  if (statesPerSecond <= 0) return undefined;
  const found = last.distinctStates;
  // Levels passed between two samples share their states evenly: their shape is not measured,
  // and the last two must be for a ratio that means anything.
  if (measured < 2 && last.queueSize > 0) return undefined;
  const lastRatio = recentRatio(levels, measured);
  const result = (method: Projection['method'], extra: number): Projection => {
    // `extra`: the levels after the last one measured, the one being explored among them.
    const totalStates = Math.round(Math.max(found, levels.reduce((a, b) => a + b, 0) + extra));
    return {
      levels,
      statesPerSecond,
      method,
      totalStates,
      remainingMs: ((totalStates - found) / statesPerSecond) * 1000,
      lastRatio,
    };
  };
  if (last.queueSize === 0) return result('finished', 0);
  // Only levels that already shrink say where the search ends: before its top, a profile could
  // still go anywhere.
  if (lastRatio < SHRINKING) {
    const bell = bellTail(levels);
    if (bell !== undefined) return result('bell', bell);
    const next = levels[levels.length - 1];
    return result('geometric', (next * lastRatio) / (1 - lastRatio));
  }
  // After the last level measured: the level being explored (found whole), then the one being
  // found, which at least is still to find.
  const exploring = levels[levels.length - 1] * lastRatio;
  const nextStates = exploring * lastRatio;
  const known = levels.reduce((a, b) => a + b, 0);
  const toFind = Math.max(0, known + exploring + nextStates - found);
  const remainingMs = (toFind / statesPerSecond) * 1000;
  return {
    levels,
    statesPerSecond,
    method: 'growing',
    lastRatio,
    remainingMs,
    nextLevel: { states: Math.round(nextStates), ms: remainingMs },
  };
}

/**
 * The level-to-level ratio: over the last two levels against the two before (less noisy), or of
 * the last two alone when the ones before were passed between two samples (their sizes shared
 * evenly, not measured).
 */
function recentRatio(levels: readonly number[], measured: number): number {
  const n = levels.length;
  if (n < 4 || measured < 4) return levels[n - 1] / Math.max(1, levels[n - 2]);
  return Math.sqrt((levels[n - 1] + levels[n - 2]) / Math.max(1, levels[n - 3] + levels[n - 4]));
}

/**
 * The size of each level explored whole, from the samples. The queue the engines report holds at
 * least the states not yet explored (one worker counts the level being explored whole), so at the
 * first sample of depth d, the distinct states less the queue are the states of the levels before
 * d (one worker: exactly; several: with what was explored of level d since it began). Levels
 * passed between two samples share their states evenly. `measured`: how many of the last levels
 * were each seen by a sample of their own.
 */
export function levelSizes(history: readonly Progress[]): number[] {
  return levelsOf(history).sizes;
}

function levelsOf(history: readonly Progress[]): { sizes: number[]; measured: number } {
  // At the first sample of each depth: the states of the levels before it.
  const before: { depth: number; states: number }[] = [];
  for (const s of history) {
    const top = before[before.length - 1];
    if (!top || s.depth > top.depth) {
      before.push({ depth: s.depth, states: Math.max(0, s.distinctStates - s.queueSize) });
    }
  }
  const sizes: number[] = [];
  let measured = 0;
  // Depth d says levels 1 … d − 1 are explored.
  before.forEach((level, i) => {
    const from = i === 0 ? 1 : before[i - 1].depth;
    const span = level.depth - from;
    if (span <= 0) return;
    const states = level.states - (i === 0 ? 0 : before[i - 1].states);
    for (let k = 0; k < span; k++) sizes.push(states / span);
    measured = span === 1 ? measured + 1 : 0;
  });
  return { sizes, measured };
}

/** Distinct states found per second over the last few seconds of samples (the run if shorter). */
export function foundRate(history: readonly Progress[]): number {
  const last = history[history.length - 1];
  let from = history[0];
  for (let i = history.length - 2; i >= 0; i--) {
    from = history[i];
    if (last.elapsedMs - from.elapsedMs >= RATE_WINDOW_MS) break;
  }
  const dt = last.elapsedMs - from.elapsedMs;
  if (dt <= 0) return 0;
  return ((last.distinctStates - from.distinctStates) * 1000) / dt;
}

/**
 * The states of the levels still to come, from a parabola fitted to log(level size) over the last
 * levels (least squares); undefined when it does not curve down (no end in sight from it).
 */
function bellTail(levels: readonly number[]): number | undefined {
  const fit = levels.slice(-FIT_LEVELS);
  if (fit.length < MIN_LEVELS) return undefined;
  const xs = fit.map((_, i) => i);
  const ys = fit.map((n) => Math.log(n));
  const coefficients = quadraticFit(xs, ys);
  if (!coefficients) return undefined;
  const [a, b, c] = coefficients;
  if (c >= 0) return undefined;
  // The parabola's own prediction, from the level after the last one known.
  let tail = 0;
  for (let k = 1; k <= MAX_EXTRA_LEVELS; k++) {
    const x = fit.length - 1 + k;
    const size = Math.exp(a + b * x + c * x * x);
    // Past the top, once a level holds less than one state, the search is over.
    if (size < 1 && 2 * c * x + b < 0) return tail;
    tail += size;
  }
  return undefined;
}

/** Least squares y ≈ a + b x + c x²; undefined when the points do not determine it. */
export function quadraticFit(xs: number[], ys: number[]): [number, number, number] | undefined {
  // Normal equations, solved by Cramer's rule (3×3).
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0,
    s4 = 0,
    t0 = 0,
    t1 = 0,
    t2 = 0;
  xs.forEach((x, i) => {
    const y = ys[i];
    s0 += 1;
    s1 += x;
    s2 += x * x;
    s3 += x * x * x;
    s4 += x * x * x * x;
    t0 += y;
    t1 += x * y;
    t2 += x * x * y;
  });
  const det = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
    m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
    m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const m = [
    [s0, s1, s2],
    [s1, s2, s3],
    [s2, s3, s4],
  ];
  const d = det(m);
  if (Math.abs(d) < 1e-9) return undefined;
  const withColumn = (col: number) =>
    m.map((row, i) => row.map((v, j) => (j === col ? [t0, t1, t2][i] : v)));
  return [det(withColumn(0)) / d, det(withColumn(1)) / d, det(withColumn(2)) / d];
}
