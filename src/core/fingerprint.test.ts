import { describe, expect, it } from 'vitest';
import {
  type Value,
  FcnValue,
  FunctionBase,
  ModelValue,
  RecordValue,
  SetBase,
  SetValue,
  TupleValue,
  hashInto,
  hashValues,
  makeFunction,
} from './values';
import { Hasher } from './fingerprint';
import { IntervalValue } from './lazy-sets';
import { replaceAt } from '../eval/compile-functions';
import { coreOps, setUnion } from '../eval/builtins/core-ops';

const fp = (v: Value): [number, number] => {
  if (typeof v !== 'object') throw new Error('not an object');
  v.ensureFingerprint();
  // The fields hold the lanes as signed 32-bit integers (values.ts); the same bits unsigned.
  return [v.fpHi >>> 0, v.fpLo >>> 0];
};

/** The same value built afresh (no fingerprint cached anywhere in it). */
function fresh(v: Value): Value {
  if (typeof v !== 'object' || v instanceof ModelValue) return v;
  if (v instanceof SetBase) return SetValue.of(v.enumerate().elems.map(fresh));
  const f = v as FunctionBase;
  const dom: Value[] = [];
  const vals: Value[] = [];
  for (let i = 0; i < f.size(); i++) {
    dom.push(fresh(f.domainAt(i)));
    vals.push(fresh(f.valueAt(i)));
  }
  return makeFunction(dom, vals);
}

const setMinus = coreOps.find((b) => b.name === '\\')!.call2!;
const withOne = (op: string) => coreOps.find((b) => b.name === op)!.callWithSingleton!;

describe('fingerprints', () => {
  const a = ModelValue.of('a');
  const b = ModelValue.of('b');
  const fcn = makeFunction([a, b], [SetValue.of([1, 2]), 'x']);
  const rec = RecordValue.fromEntries([
    ['p', 1],
    ['q', SetValue.of(['u', 'v'])],
  ]);
  const tup = new TupleValue([1, rec, 'z']);

  it('of an EXCEPT, derived from the function’s, equal those of the same function built afresh', () => {
    for (const f of [fcn, rec, tup]) {
      fp(f);
      for (let i = 0; i < f.size(); i++) {
        for (const v of [0, 'w', SetValue.of([3]), new TupleValue([a, 2]), f.valueAt(i)]) {
          const g = replaceAt(f, i, v);
          expect(g.fpSet).toBe(true); // derived, not computed
          expect(fp(g)).toEqual(fp(fresh(g)));
          // The value already there: the function itself, not a copy.
          if (v === f.valueAt(i)) expect(g).toBe(f);
        }
      }
    }
  });

  it('are equal for the three representations of one function, and differ from a set’s', () => {
    const asFcn = new FcnValue([1, 2], ['x', 'y']);
    const asTuple = new TupleValue(['x', 'y']);
    expect(fp(asFcn)).toEqual(fp(asTuple));
    expect(fp(new TupleValue([]))).not.toEqual(fp(SetValue.of([])));
    expect(fp(new TupleValue([1, 2]))).not.toEqual(fp(SetValue.of([1, 2])));
    expect(fp(new TupleValue([1, 2]))).not.toEqual(fp(new TupleValue([2, 1])));
    expect(fp(makeFunction([a, b], [1, 2]))).not.toEqual(fp(makeFunction([a, b], [2, 1])));
  });

  it('of a set with one element more or less, derived from the set’s, equal a fresh one’s', () => {
    const s = SetValue.of([1, 5, 9, 12]);
    fp(s);
    for (const e of [0, 1, 6, 12, 20]) {
      const plus = setUnion(s, SetValue.of([e]));
      expect(fp(plus)).toEqual(fp(fresh(plus)));
      const plus2 = setUnion(SetValue.of([e]), s);
      expect(fp(plus2)).toEqual(fp(plus));
      const minus = setMinus(s, SetValue.of([e]));
      expect(fp(minus)).toEqual(fp(fresh(minus)));
      // `s \cup {e}`, `s \ {e}` without the set {e}: the same sets, their fingerprints derived.
      const plus1 = withOne('\\cup')(s, e) as SetValue;
      const minus1 = withOne('\\')(s, e) as SetValue;
      expect(plus1.elems).toEqual((plus as SetValue).elems);
      expect(minus1.elems).toEqual((minus as SetValue).elems);
      expect(plus1.fpSet && minus1.fpSet).toBe(true);
      expect([fp(plus1), fp(minus1)]).toEqual([fp(fresh(plus)), fp(fresh(minus))]);
    }
    const sets = SetValue.of([SetValue.of([1]), SetValue.of([2, 3])]);
    fp(sets);
    const plus = setUnion(sets, SetValue.of([SetValue.of([4])])) as SetValue;
    expect(plus.elems.length).toBe(3);
    expect(fp(plus)).toEqual(fp(fresh(plus)));
    const minus = setMinus(sets, SetValue.of([SetValue.of([1])])) as SetValue;
    expect(minus.elems.length).toBe(1);
    expect(fp(minus)).toEqual(fp(fresh(minus)));
  });

  it('of a lazy set equal those of its enumeration', () => {
    expect(fp(new IntervalValue(1, 4))).toEqual(fp(SetValue.of([1, 2, 3, 4])));
  });
});

describe('set membership by identity', () => {
  it('finds primitives and still raises TLC’s error for another kind', () => {
    const s = SetValue.of(['a1', 'a2', 'b', 'Done']) as SetValue;
    expect(s.contains('b')).toBe(true);
    expect(s.contains('c')).toBe(false);
    expect(() => s.contains(1)).toThrow(/cannot be compared/);
    const withModel = SetValue.of([ModelValue.of('m'), 1, 2]) as SetValue;
    expect(withModel.contains(2)).toBe(true);
    expect(withModel.contains(ModelValue.of('m'))).toBe(true);
    expect(withModel.contains(ModelValue.of('n'))).toBe(false);
    const models = SetValue.of([ModelValue.of('t2'), ModelValue.of('t1')]) as SetValue;
    expect(models.contains(ModelValue.of('t1'))).toBe(true);
    expect(models.contains(ModelValue.of('t3'))).toBe(false);
    expect((SetValue.of([1, 2]) as SetValue).contains(ModelValue.of('t1'))).toBe(false);
  });
});

/**
 * The fingerprint as defined, through a Hasher and nothing cached: a function's is the sum of its
 * entries' hashes (key's words, then value's, from the seed) offset by its size, a set's the sum of
 * its elements' hashes from their own seed; a state's the words of its variables in turn.
 */
function reference(v: Value): [number, number] {
  const words = (h: Hasher, x: Value) => {
    if (typeof x !== 'object' || x instanceof ModelValue) hashInto(h, x);
    else h.pair(...reference(x));
  };
  const sum = (hashes: [number, number][], n: number, k: [number, number, number, number]) => {
    let hi = 0;
    let lo = 0;
    for (const [a, b] of hashes) {
      hi = (hi + a) | 0;
      lo = (lo + b) | 0;
    }
    return [(hi + Math.imul(n, k[0]) + k[2]) >>> 0, (lo + Math.imul(n, k[1]) + k[3]) >>> 0] as [
      number,
      number,
    ];
  };
  if (typeof v !== 'object') throw new Error('not an object');
  if (v instanceof ModelValue) return fp(v);
  if (v instanceof SetBase) {
    const elems = v.enumerate().elems;
    const hashes = elems.map((e): [number, number] => {
      const h = new Hasher();
      h.hi = 0x6a09e667;
      h.lo = 0x3c6ef372;
      words(h, e);
      return [h.finishHi(), h.finishLo()];
    });
    return sum(hashes, elems.length, [0x27d4eb2d, 0x165667b1, 0x60a1, 0x60b2]);
  }
  const f = v as FunctionBase;
  const hashes: [number, number][] = [];
  for (let i = 0; i < f.size(); i++) {
    const h = new Hasher();
    words(h, f.domainAt(i));
    words(h, f.valueAt(i));
    hashes.push([h.finishHi(), h.finishLo()]);
  }
  return sum(hashes, f.size(), [0x9e3779b1, 0x85ebca6b, 0x50a1, 0x50b2]);
}

describe('fingerprints computed without a Hasher (key lanes looked up, lanes in locals)', () => {
  const m = ModelValue.of('m1');
  const values: Value[] = [
    makeFunction([m, ModelValue.of('m2')], [SetValue.of([1, 2]), 'x']),
    RecordValue.fromEntries([
      ['type', '2b'],
      ['bal', -1],
      ['ok', true],
      ['big', 2n ** 40n],
    ]),
    // Small integer keys (looked up), and keys outside the table: negative and large.
    new TupleValue([1, 'a', m, false]),
    new FcnValue([-3, 0, 1023, 1024, 70000], [1, 2, 3, 4, 5]),
    new FcnValue(['a', 'b'], [SetValue.of(['u']), SetValue.of([])]),
    SetValue.of([m, ModelValue.of('m2')]),
    SetValue.of([new TupleValue([2, 3]), new TupleValue([1])]),
    SetValue.of(['b', 'a', 'c']),
    SetValue.of([true, false]),
  ];

  it('equal the definition through a Hasher, the first time and from the caches', () => {
    for (let round = 0; round < 2; round++)
      for (const v of values) expect(fp(fresh(v))).toEqual(reference(v));
  });

  it('of a state equal the words of its variables through a Hasher', () => {
    const state: Value[] = [1, 'pc', true, m, values[0], values[6], -5, 2n ** 40n];
    const h = new Hasher();
    for (const v of state) hashInto(h, v);
    const out: [number, number] = [0, 0];
    hashValues(state, out);
    expect(out).toEqual([h.finishHi(), h.finishLo()]);
  });

  it('of an EXCEPT at a string, model-value or integer key equal a fresh one’s', () => {
    for (const f of values.slice(0, 5) as FunctionBase[]) {
      fp(f);
      for (let i = 0; i < f.size(); i++) {
        const g = replaceAt(f, i, SetValue.of([7]));
        expect(g.fpSet).toBe(true);
        expect(fp(g)).toEqual(reference(fresh(g)));
      }
    }
  });
});
