import { describe, expect, it } from 'vitest';
import { StateTable } from './seen-set';

describe('the state table of a one-worker search', () => {
  it('gives ids in order, finds states seen before, and keeps fingerprints and parents', () => {
    const t = new StateTable(4);
    let seed = 12345;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const fps: [number, number][] = [];
    for (let i = 0; i < 50_000; i++) fps.push([rand(), rand()]);
    fps.push([0, 0], [0, 1], [1, 0]); // no fingerprint marks an empty slot
    fps.forEach(([hi, lo], id) => expect(t.add(hi, lo, id - 1)).toBe(id));
    expect(t.size).toBe(fps.length);
    fps.forEach(([hi, lo], id) => {
      expect(t.add(hi, lo, 7)).toBe(-1 - id);
      expect([t.hiOf(id), t.loOf(id), t.parentOf(id)]).toEqual([hi, lo, id - 1]);
    });
    expect(t.size).toBe(fps.length);
  });

  it('without ids of the slots, tells a state seen before by -1 and keeps (0, 0) apart', () => {
    const t = new StateTable(4, false);
    let seed = 777;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const fps: [number, number][] = [[0, 0]];
    for (let i = 0; i < 20_000; i++) fps.push([rand(), rand()]);
    fps.push([0, 1], [1, 0]);
    fps.forEach(([hi, lo], id) => expect(t.add(hi, lo, id - 1)).toBe(id));
    fps.forEach(([hi, lo], id) => {
      expect(t.add(hi, lo, 7)).toBe(-1);
      expect([t.hiOf(id), t.loOf(id), t.parentOf(id)]).toEqual([hi, lo, id - 1]);
    });
    expect(t.size).toBe(fps.length);
    // Fingerprints given as signed lanes are the same states.
    expect(t.add(fps[5][0] | 0, fps[5][1] | 0, 7)).toBe(-1);
  });

  it('holds at most 40 bytes per state, 51 with the ids of the slots (index slots at least 3/8 full, per-state arrays at least 2/3)', () => {
    // The index holds each fingerprint (8 bytes a slot; the ids 4 more), so that a lookup reads
    // one slot: 4 bytes a slot less when it held only ids, but two places in memory per lookup.
    for (const [withIds, bound] of [
      [false, 40],
      [true, 51],
    ] as const) {
      const t = new StateTable(undefined, withIds);
      for (let n = 1; n <= 300_000; n++) {
        t.add(n, Math.imul(n, 0x9e3779b1), n - 2);
        if (n > 100_000 && n % 9973 === 0) expect(t.bytes / n).toBeLessThan(bound);
      }
    }
  });
});
