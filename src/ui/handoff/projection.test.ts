import { describe, expect, it } from 'vitest';
import type { Progress } from '../../check/contract/types';
import { levelSizes, projectSearch, quadraticFit } from './projection';

/**
 * The samples a level-by-level search of these level sizes gives (as src/check/search/bfs/bfs.ts reports
 * them: the depth of the level being explored, the queue holding it whole and the next level so
 * far; with several workers the queue holds only what is left to explore), exploring `speed`
 * states a second, sampled every `everyMs` until `untilMs`.
 */
function samples(
  levels: number[],
  speed: number,
  everyMs: number,
  untilMs: number,
  queue: 'level whole' | 'unexplored' = 'level whole',
): Progress[] {
  const out: Progress[] = [];
  const total = levels.reduce((a, b) => a + b, 0);
  for (let t = everyMs; t <= untilMs; t += everyMs) {
    let explored = Math.min(total, (speed * t) / 1000);
    let d = 0;
    while (d < levels.length - 1 && explored >= levels[d]) explored -= levels[d++];
    const share = Math.min(1, explored / levels[d]);
    const before = levels.slice(0, d + 1).reduce((a, b) => a + b, 0);
    const next = d + 1 < levels.length ? levels[d + 1] * share : 0;
    const done = d === levels.length - 1 && share >= 1;
    out.push({
      depth: d + 1,
      distinctStates: Math.round(before + next),
      generatedStates: Math.round((before + next) * 3),
      queueSize: done
        ? 0
        : Math.round((queue === 'level whole' ? levels[d] : levels[d] - explored) + next),
      elapsedMs: t,
    });
  }
  return out;
}

/** A bell-shaped profile of BFS level sizes, 1 … 120 000 … 1000. */
const BELL = [
  1, 30, 400, 3000, 12_000, 35_000, 70_000, 105_000, 120_000, 105_000, 70_000, 35_000, 12_000, 3000,
  1000,
];
const BELL_TOTAL = BELL.reduce((a, b) => a + b, 0);

describe('projectSearch', () => {
  it('reads the size of each level from when the depth moved on', () => {
    const history = samples(BELL, 20_000, 100, 25_000);
    const sizes = levelSizes(history);
    // The levels explored by then, each seen by samples of its own from level 5 on: exact, as
    // one worker's queue holds the level being explored whole.
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    sizes.slice(4).forEach((n, i) => expect(n).toBeCloseTo(BELL[i + 4], -1));
  });

  it('projects the total of a search past the top of its profile, and the time it needs', () => {
    // Explored into level 11 (of 15): the levels shrink.
    const history = samples(BELL, 20_000, 100, 27_000);
    const p = projectSearch(history)!;
    expect(['bell', 'geometric']).toContain(p.method);
    expect(p.totalStates! / BELL_TOTAL).toBeGreaterThan(0.8);
    expect(p.totalStates! / BELL_TOTAL).toBeLessThan(1.25);
    const found = history[history.length - 1].distinctStates;
    // At the speed states are found now: the states left over that speed.
    expect(p.remainingMs).toBeCloseTo(((p.totalStates! - found) / p.statesPerSecond) * 1000, 0);
    expect(p.statesPerSecond).toBeGreaterThan(0);
  });

  it('projects as well from a queue of what is left to explore (several workers)', () => {
    const p = projectSearch(samples(BELL, 20_000, 100, 27_000, 'unexplored'))!;
    expect(p.totalStates! / BELL_TOTAL).toBeGreaterThan(0.8);
    expect(p.totalStates! / BELL_TOTAL).toBeLessThan(1.25);
  });

  it('gives no total while the levels still grow: only the next level and its time', () => {
    const growing = [1, 3, 9, 27, 81, 243, 729, 2187, 6561, 19_683, 59_049, 177_147];
    const history = samples(growing, 10_000, 100, 5000);
    const p = projectSearch(history)!;
    expect(p.method).toBe('growing');
    expect(p.totalStates).toBeUndefined();
    expect(p.lastRatio).toBeCloseTo(3, 0);
    const last = p.levels[p.levels.length - 1];
    // The level being found: two after the last one measured (the one being explored between).
    expect(p.nextLevel!.states).toBeCloseTo(last * p.lastRatio! ** 2, -1);
    expect(p.nextLevel!.ms).toBeGreaterThan(0);
  });

  it('says what a finished search found', () => {
    const history = samples(BELL, 100_000, 100, 10_000);
    const p = projectSearch(history)!;
    expect(p.method).toBe('finished');
    expect(p.totalStates).toBe(BELL_TOTAL);
  });

  it('says nothing from too few levels or samples', () => {
    expect(projectSearch([])).toBeUndefined();
    expect(projectSearch(samples(BELL, 1000, 100, 300))).toBeUndefined();
  });
});

describe('quadraticFit', () => {
  it('recovers a parabola', () => {
    const xs = [0, 1, 2, 3, 4, 5];
    const [a, b, c] = quadraticFit(
      xs,
      xs.map((x) => 2 - 3 * x + 0.5 * x * x),
    )!;
    expect(a).toBeCloseTo(2, 6);
    expect(b).toBeCloseTo(-3, 6);
    expect(c).toBeCloseTo(0.5, 6);
    expect(quadraticFit([1, 1, 1], [1, 2, 3])).toBeUndefined();
  });
});
