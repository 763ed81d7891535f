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
  makeFunction,
} from './values';
import { IntervalValue } from './lazy-sets';
import { replaceAt } from '../eval/compile-functions';
import { coreOps, setUnion } from '../eval/builtins/core-ops';

const fp = (v: Value): [number, number] => {
  if (typeof v !== 'object') throw new Error('not an object');
  v.ensureFingerprint();
  return [v.fpHi, v.fpLo];
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
  });
});
