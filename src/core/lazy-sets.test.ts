import { describe, expect, it } from 'vitest';
import { FcnSetValue, IntervalValue, STREAM_AT_LEAST, SubsetValue, streamOf } from './lazy-sets';
import { SetValue, type Value, equals } from './values';

/** Every element the stream gives, stopping after `max`. */
function streamed(set: Value, max = Infinity): Value[] {
  const out: Value[] = [];
  const stream = streamOf(set, 0);
  expect(stream).toBeDefined();
  stream!((v) => {
    out.push(v);
    return out.length < max;
  });
  return out;
}

const set = (...elems: Value[]) => SetValue.of(elems);

describe('large lazy sets stream their elements in canonical order, as enumerate gives them', () => {
  const cases: [string, () => Value][] = [
    ['SUBSET 1..5', () => new SubsetValue(new IntervalValue(1, 5))],
    ['SUBSET {}', () => new SubsetValue(new IntervalValue(1, 0))],
    ['SUBSET {"b", "a", "c"}', () => new SubsetValue(set('b', 'a', 'c'))],
    ['[1..3 -> {"x", "y"}]', () => new FcnSetValue(new IntervalValue(1, 3), set('x', 'y'))],
    ['[{"p", "q"} -> 0..2]', () => new FcnSetValue(set('q', 'p'), new IntervalValue(0, 2))],
    ['[{} -> 0..2]', () => new FcnSetValue(new IntervalValue(1, 0), new IntervalValue(0, 2))],
    ['[1..2 -> {}]', () => new FcnSetValue(new IntervalValue(1, 2), new IntervalValue(1, 0))],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const made = make() as SubsetValue | FcnSetValue;
      const got = streamed(make());
      expect(got.length).toBe(made.size());
      // Canonical: the order SetValue.sorted gives (compare's), every element once.
      const sorted = SetValue.sorted([...got]).elems;
      expect(sorted.length).toBe(got.length);
      got.forEach((v, i) => expect(equals(v, sorted[i]), `${name} #${i}`).toBe(true));
      const all = made.enumerate().elems;
      got.forEach((v, i) => expect(equals(v, all[i]), `${name} #${i}`).toBe(true));
    });
  }

  it('stops when told to', () => {
    expect(streamed(new SubsetValue(new IntervalValue(1, 10)), 3)).toHaveLength(3);
  });

  it('only above the threshold, and not once the set is built', () => {
    const small = new SubsetValue(new IntervalValue(1, 4));
    expect(streamOf(small)).toBeUndefined();
    const large = new FcnSetValue(new IntervalValue(1, 17), set(false, true));
    expect(large.size()).toBeGreaterThanOrEqual(STREAM_AT_LEAST);
    expect(streamOf(large)).toBeDefined();
    const built = new SubsetValue(new IntervalValue(1, 3));
    built.enumerate();
    expect(streamOf(built, 0)).toBeUndefined();
  });

  it('refuses what enumerate refuses, before the first element', () => {
    expect(() => streamOf(new SubsetValue(new IntervalValue(1, 40)))).toThrow(/too large/);
    expect(() => streamOf(new FcnSetValue(new IntervalValue(1, 30), set(1, 2, 3)))).toThrow(
      /too many to enumerate/,
    );
  });
});
