import { describe, expect, it } from 'vitest';
import type { Progress } from '../../check/contract/types';
import { formatBytes, formatLongDuration, handoffEstimate, LONG_RUN_MS } from './estimate';

/** One worker's samples of a search whose levels grow ×3, at `speed` states found a second. */
function tripling(levels: number, speed: number): Progress[] {
  const out: Progress[] = [];
  let before = 0;
  let t = 0;
  for (let d = 1; d <= levels; d++) {
    const size = 3 ** (d - 1);
    // Two samples in each level: as it starts, and half way through finding the next one.
    out.push({
      depth: d,
      distinctStates: before + size,
      generatedStates: 0,
      queueSize: size,
      elapsedMs: (t += 1000),
    });
    const half = Math.floor((3 * size) / 2);
    out.push({
      depth: d,
      distinctStates: before + size + half,
      generatedStates: 0,
      queueSize: size + half,
      elapsedMs: (t += (half / speed) * 1000),
    });
    before += size;
  }
  return out;
}

describe('handoffEstimate', () => {
  it('always suggests TLC after a stop at the memory budget, with the figures so far', () => {
    const e = handoffEstimate(tripling(8, 1_000_000), true, 16)!;
    expect(e.reason).toBe('memory budget');
    expect(e.lines[0]).toMatch(/^[\d,]+ states found in .* \(depth 8\)/);
    expect(e.lines[1]).toMatch(/^Its levels still grow ×3\.0 a level: no end in sight\./);
    expect(e.lines.at(-1)).toMatch(/^TLC's fingerprint set takes 8 bytes a state: /);
  });

  it('suggests TLC while a check runs only when it needs longer than LONG_RUN_MS', () => {
    expect(handoffEstimate(tripling(8, 1_000_000), false, 16)).toBeUndefined();
    // 100 states a second: the level being found (3^8) alone takes longer.
    const slow = handoffEstimate(tripling(9, 10), false, 16)!;
    expect(slow.reason).toBe('long');
    expect(slow.projection!.nextLevel!.ms).toBeGreaterThan(LONG_RUN_MS);
  });

  it("divides the time by the TLC workers, at the pace of one of the tab's", () => {
    const history = tripling(9, 10);
    const one = handoffEstimate(history, true, 1, 1)!.lines.find((l) => l.startsWith('TLC with'))!;
    const many = handoffEstimate(history, true, 16, 2)!.lines.find((l) =>
      l.startsWith('TLC with'),
    )!;
    const ms = handoffEstimate(history, true, 1)!.projection!.nextLevel!.ms;
    expect(one).toContain(`about ${formatLongDuration(ms)} for that level`);
    expect(many).toContain(
      `TLC with 16 workers, each at this tab's pace: about ${formatLongDuration(ms / 8)}`,
    );
  });
});

describe('formats', () => {
  it('prints bytes and long durations', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(2_400_000_000)).toBe('2.4 GB');
    expect(formatLongDuration(90_000)).toBe('1 min 30 s');
    expect(formatLongDuration(5 * 86_400_000)).toBe('5 days');
    expect(formatLongDuration(3000 * 86_400_000)).toBe('8 years');
  });
});
