import { describe, expect, it } from 'vitest';
import {
  type Value,
  ModelValue,
  RecordValue,
  SetValue,
  TupleValue,
  ValueError,
  compare,
  hashValues,
  makeFunction,
} from '../../core/values';
import {
  type Permutation,
  SymmetricFingerprints,
  compareImage,
  permutationsOf,
  permute,
} from './symmetry';

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

/** The group of Permutations(R) \union Permutations(V): 12 permutations, 11 without the identity. */
function group(): Permutation[] {
  const swaps = (xs: ModelValue[]): Value[] => {
    const all: Value[] = [];
    const perm = (rest: ModelValue[], acc: ModelValue[]): void => {
      if (rest.length === 0) all.push(makeFunction(xs, acc));
      rest.forEach((x, i) => perm([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, x]));
    };
    perm(xs, []);
    return all;
  };
  return permutationsOf(SetValue.of([...swaps(R), ...swaps(V)]));
}

describe('symmetry', () => {
  it('the fingerprint of a state is the least of the fingerprints of its built images', () => {
    const perms = group();
    const fps = SymmetricFingerprints.of(perms)!;
    const unsigned = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
    let checked = 0;
    // Twice over the same states: the second time the images' fingerprints come from the memo.
    for (let round = 0; round < 2; round++) {
      const rs = rng(11);
      for (let i = 0; i < 400; i++) {
        const state = [value(rs, 3), value(rs, 2), value(rs, 3)];
        const least: [number, number] = [0, 0];
        try {
          hashValues(state, least);
          for (const p of perms) {
            const image: [number, number] = [0, 0];
            hashValues(
              state.map((v) => permute(v, p)),
              image,
            );
            if (unsigned(image, least) < 0) least.splice(0, 2, ...image);
          }
        } catch (e) {
          // A set TLC cannot normalise (an integer with a set): no state holds one.
          if (e instanceof ValueError) continue;
          throw e;
        }
        const got: [number, number] = [0, 0];
        fps.fingerprint(state, got);
        expect(got).toEqual(least);
        // Every image of the state gets the same fingerprint.
        const other: [number, number] = [0, 0];
        fps.fingerprint(
          state.map((v) => permute(v, perms[i % perms.length])),
          other,
        );
        expect(other).toEqual(least);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('compareImage(v, p, m) is compare(permute(v, p), m)', () => {
    const perms = group();
    expect(perms).toHaveLength(11);
    const r = rng(7);
    let differ = 0;
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      let v: Value, p: Permutation, m: Value, expected: number;
      try {
        v = value(r, 3);
        p = perms[Math.floor(r() * perms.length)];
        // m: another value, or an image of v (equal or close to it), where comparisons go deep.
        m = r() < 0.5 ? value(r, 3) : permute(v, perms[Math.floor(r() * perms.length)]);
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
