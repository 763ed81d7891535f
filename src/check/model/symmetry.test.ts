import { describe, expect, it } from 'vitest';
import {
  type Value,
  ModelValue,
  RecordValue,
  SetValue,
  TupleValue,
  ValueError,
  compare,
  makeFunction,
} from '../../core/values';
import { type Permutation, compareImage, permutationsOf, permute } from './symmetry';

/** A small seeded generator (mulberry32), so that a failure replays. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const R = ['r1', 'r2', 'r3'].map((n) => ModelValue.of(n));
const V = ['v1', 'v2'].map((n) => ModelValue.of(n));

function value(r: () => number, depth: number): Value {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const k = depth === 0 ? Math.floor(r() * 3) : Math.floor(r() * 7);
  switch (k) {
    case 0:
      return pick([...R, ...V]);
    case 1:
      return Math.floor(r() * 3);
    case 2:
      return pick(['a', 'b']);
    case 3: // a function over replicas
      return makeFunction(
        R,
        R.map(() => value(r, depth - 1)),
      );
    case 4:
      return RecordValue.fromEntries([
        ['from', value(r, depth - 1)],
        ['val', value(r, depth - 1)],
      ]);
    case 5:
      return new TupleValue([value(r, depth - 1), value(r, depth - 1)]);
    default:
      return SetValue.of([value(r, depth - 1), value(r, depth - 1), value(r, depth - 1)]);
  }
}

describe('symmetry', () => {
  it('compareImage(v, p, m) is compare(permute(v, p), m)', () => {
    // The group of Permutations(R) \union Permutations(V): 12 permutations, 11 without the identity.
    const swaps = (xs: ModelValue[]): Value[] => {
      const all: Value[] = [];
      const perm = (rest: ModelValue[], acc: ModelValue[]): void => {
        if (rest.length === 0) all.push(makeFunction(xs, acc));
        rest.forEach((x, i) => perm([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, x]));
      };
      perm(xs, []);
      return all;
    };
    const group = permutationsOf(SetValue.of([...swaps(R), ...swaps(V)]));
    expect(group).toHaveLength(11);
    const r = rng(7);
    let differ = 0;
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      let v: Value, p: Permutation, m: Value, expected: number;
      try {
        v = value(r, 3);
        p = group[Math.floor(r() * group.length)];
        // m: another value, or an image of v (equal or close to it), where comparisons go deep.
        m = r() < 0.5 ? value(r, 3) : permute(v, group[Math.floor(r() * group.length)]);
        expected = Math.sign(compare(permute(v, p), m));
      } catch (e) {
        // Values TLC cannot compare (an integer with a set, or a set of both): never the values of
        // one variable in two states, which is what symmetry compares.
        if (e instanceof ValueError) continue;
        throw e;
      }
      compared++;
      expect(Math.sign(compareImage(v, p, m))).toBe(expected);
      if (expected !== 0) differ++;
    }
    expect(compared).toBeGreaterThan(1200);
    expect(differ).toBeGreaterThan(500);
  });
});
