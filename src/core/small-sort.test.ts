/**
 * SetValue.of sorts a few elements with `sortSmall`, which must call the comparator exactly as
 * V8's Array.prototype.sort does (the same pairs in the same order): then it gives the same order
 * of equal elements and, for elements that cannot be compared, the same first error, and leaves
 * the array as it was when the comparator throws.
 */
import { describe, expect, it } from 'vitest';
import { ModelValue, SetValue, UnsortableSetValue, compare, sortSmall } from './values';

describe('sorting a few elements', () => {
  it('compares the pairs V8’s sort compares, in its order, with the same result', () => {
    let seed = 99;
    const rand = (m: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % m;
    for (let round = 0; round < 3000; round++) {
      const n = 2 + (round % 15);
      const range = [2, 5, 100][round % 3];
      // Objects (a key and an identity), so that the order of equal keys shows.
      const xs = Array.from({ length: n }, (_, i) => ({ k: rand(range), i }));
      if (round % 7 === 0) xs.sort((a, b) => b.k - a.k); // descending runs
      const calls =
        (log: string[]) => (a: { k: number; i: number }, b: { k: number; i: number }) => {
          log.push(`${a.i}:${b.i}`);
          return a.k - b.k;
        };
      const v8: string[] = [];
      const ours: string[] = [];
      const sorted = xs.slice().sort(calls(v8));
      const mine = xs.slice();
      sortSmall(mine, calls(ours));
      expect(ours).toEqual(v8);
      expect(mine).toEqual(sorted);
      // A comparator that throws at some call: the same call, the array as it was.
      const stopAt = rand(v8.length);
      const throwing = (log: string[]) => {
        const f = calls(log);
        return (a: { k: number; i: number }, b: { k: number; i: number }) => {
          if (log.length === stopAt) throw new Error('stop');
          return f(a, b);
        };
      };
      const v8t: string[] = [];
      const ourt: string[] = [];
      const a1 = xs.slice();
      const a2 = xs.slice();
      expect(() => a1.sort(throwing(v8t))).toThrow('stop');
      expect(() => sortSmall(a2, throwing(ourt))).toThrow('stop');
      expect(ourt).toEqual(v8t);
      expect(a2).toEqual(a1);
      expect(a2).toEqual(xs);
    }
  });

  it('gives SetValue.of’s sets: sorted, distinct, unsortable ones as written', () => {
    const [p, q, r] = ['sp', 'sq', 'sr'].map((x) => ModelValue.of(x));
    expect((SetValue.of([r, p, q, p]) as SetValue).elems).toEqual([p, q, r].sort(compare));
    expect((SetValue.of([3, 1, 2, 1, 3]) as SetValue).elems).toEqual([1, 2, 3]);
    const bad = SetValue.of([2, 'a', 1]);
    expect(bad).toBeInstanceOf(UnsortableSetValue);
    expect((bad as UnsortableSetValue).elems).toEqual([2, 'a', 1]);
  });
});
