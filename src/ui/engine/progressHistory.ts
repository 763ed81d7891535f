/**
 * The progress samples of the run in flight, for the live chart: a bounded history (when it grows
 * past `maxSamples`, every other sample is dropped, so a long run keeps its whole span at a coarser
 * step) and the rates derived from it.
 */
import type { CheckResult, Progress } from '../../check/contract/types';

export const maxSamples = 600;

/** The history with `sample` appended; a sample no later than the last one replaces it. */
export function appendSample(history: readonly Progress[], sample: Progress): Progress[] {
  const last = history[history.length - 1];
  const next =
    last && sample.elapsedMs <= last.elapsedMs
      ? [...history.slice(0, -1), sample]
      : [...history, sample];
  return next.length > maxSamples ? downsample(next) : next;
}

/** Keeps the first and the last sample and every other one between: about half as many. */
export function downsample(history: readonly Progress[]): Progress[] {
  const kept = history.filter((_, i) => i % 2 === 0);
  const last = history[history.length - 1];
  if (kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

/** A finished (or stopped) run's own figures as the history's last sample. */
export function finalSample(result: CheckResult): Progress {
  return {
    distinctStates: result.distinctStates,
    generatedStates: result.generatedStates,
    queueSize: result.queueLeft,
    depth: result.depth,
    elapsedMs: result.durationMs,
  };
}

export interface RatePoint {
  elapsedMs: number;
  /** States generated per second since the previous sample. */
  statesPerSecond: number;
  queueSize: number;
}

/** Samples closer than this share the previous point's rate (a stop's last sample comes soon). */
const minIntervalMs = 150;

/**
 * States per second between consecutive samples (from generatedStates), with the queue size. A
 * sample too close to the one before (such as the final figures of a cancelled run) keeps the
 * last rate: a few states over a few milliseconds say nothing about the speed.
 */
export function ratePoints(history: readonly Progress[]): RatePoint[] {
  const points: RatePoint[] = [];
  let previous: Progress = {
    distinctStates: 0,
    generatedStates: 0,
    queueSize: 0,
    depth: 0,
    elapsedMs: 0,
  };
  for (const sample of history) {
    const dt = sample.elapsedMs - previous.elapsedMs;
    const last = points[points.length - 1];
    if (dt < minIntervalMs && last) {
      points.push({ ...last, elapsedMs: sample.elapsedMs, queueSize: sample.queueSize });
      continue;
    }
    if (dt <= 0) continue;
    const rate = ((sample.generatedStates - previous.generatedStates) * 1000) / dt;
    points.push({
      elapsedMs: sample.elapsedMs,
      statesPerSecond: Math.max(0, rate),
      queueSize: sample.queueSize,
    });
    previous = sample;
  }
  return points;
}

/**
 * The rate the text line shows: over the last second or more of samples while the run goes on,
 * over the whole run once it has ended (or while it is younger than that).
 */
export function shownRate(history: readonly Progress[], running: boolean): number {
  const last = history[history.length - 1];
  if (!last || last.elapsedMs <= 0) return 0;
  if (running) {
    for (let j = history.length - 2; j >= 0; j--) {
      const dt = last.elapsedMs - history[j].elapsedMs;
      if (dt >= 1000) return ((last.generatedStates - history[j].generatedStates) * 1000) / dt;
    }
  }
  return (last.generatedStates * 1000) / last.elapsedMs;
}
