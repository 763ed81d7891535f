import { describe, expect, it } from 'vitest';
import type { Progress } from '../../check/contract/types';
import { appendSample, downsample, maxSamples, ratePoints, shownRate } from './progressHistory';

const sample = (elapsedMs: number, generatedStates: number, queueSize = 0): Progress => ({
  distinctStates: Math.floor(generatedStates / 2),
  generatedStates,
  queueSize,
  depth: 1,
  elapsedMs,
});

describe('progress history', () => {
  it('stays bounded over a long run and keeps its first and last samples', () => {
    let history: Progress[] = [];
    for (let i = 1; i <= 5000; i++) history = appendSample(history, sample(i * 250, i * 1000));
    expect(history.length).toBeLessThanOrEqual(maxSamples);
    expect(history.length).toBeGreaterThan(maxSamples / 2 - 1);
    expect(history[0].elapsedMs).toBe(250);
    expect(history[history.length - 1].elapsedMs).toBe(5000 * 250);
    // Still in time order, so the rates computed over it are right.
    for (let i = 1; i < history.length; i++) {
      expect(history[i].elapsedMs).toBeGreaterThan(history[i - 1].elapsedMs);
    }
    // A steady 4,000 states/s stays 4,000 at any sampling step.
    for (const p of ratePoints(history)) expect(p.statesPerSecond).toBeCloseTo(4000);
  });

  it('replaces a sample that is not later than the last one', () => {
    const history = appendSample([sample(100, 10)], sample(100, 20));
    expect(history).toEqual([sample(100, 20)]);
  });

  it('downsamples to about half, keeping both ends', () => {
    const history = Array.from({ length: 7 }, (_, i) => sample(i + 1, i));
    expect(downsample(history).map((p) => p.elapsedMs)).toEqual([1, 3, 5, 7]);
    const even = Array.from({ length: 6 }, (_, i) => sample(i + 1, i));
    expect(downsample(even).map((p) => p.elapsedMs)).toEqual([1, 3, 5, 6]);
  });

  it('derives states per second from the generated states between samples', () => {
    const points = ratePoints([sample(500, 1000, 7), sample(1000, 1500, 9), sample(2000, 4500, 3)]);
    expect(points).toEqual([
      { elapsedMs: 500, statesPerSecond: 2000, queueSize: 7 },
      { elapsedMs: 1000, statesPerSecond: 1000, queueSize: 9 },
      { elapsedMs: 2000, statesPerSecond: 3000, queueSize: 3 },
    ]);
  });

  it('keeps the last rate for a sample that comes right after the one before', () => {
    const points = ratePoints([sample(1000, 3000, 5), sample(1020, 3010, 4)]);
    expect(points).toEqual([
      { elapsedMs: 1000, statesPerSecond: 3000, queueSize: 5 },
      { elapsedMs: 1020, statesPerSecond: 3000, queueSize: 4 },
    ]);
  });

  it('shows the last second’s rate while running and the whole run’s once it ended', () => {
    const history = [sample(1000, 1000), sample(2000, 5000), sample(2500, 6000)];
    // From the last sample at least a second back (1000 ms): 5,000 states in 1.5 s.
    expect(shownRate(history, true)).toBeCloseTo(5000 / 1.5);
    expect(shownRate(history, false)).toBeCloseTo(6000 / 2.5);
    expect(shownRate([], true)).toBe(0);
  });
});
