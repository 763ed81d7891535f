/**
 * Bitwise (Community Modules), Apalache's module and IOUtils' atoi, evaluated as their TLA+
 * definitions are (natives.ts): TLC evaluates the text of Bitwise and Apalache, and atoi's text
 * (`CHOOSE i \in Int : ToString(i) = str`) is what atoi computes here without enumerating Int.
 */
import {
  type Value,
  SetValue,
  ValueError,
  TupleValue,
  compare,
  makeFunction,
} from '../../core/values';
import { printValue } from '../print';
import type { Builtin } from './types';
import {
  native1,
  native2,
  nativeN,
  elemsArg,
  fcnArg,
  seqArg,
  intArg,
  opArg,
  useDefinition,
  seq,
} from './natives';

/** Both arguments non-negative: the definitions' recursion ends only then. */
function naturals(a: Value, b: Value): [number, number] {
  const x = intArg(a);
  const y = intArg(b);
  return x < 0 || y < 0 ? useDefinition() : [x, y];
}

export const bitwiseNatives: Builtin[] = [
  native2('&', (a, b) => {
    const [x, y] = naturals(a, b);
    return x & y;
  }),
  native2('|', (a, b) => {
    const [x, y] = naturals(a, b);
    return x | y;
  }),
  native2('^^', (a, b) => {
    const [x, y] = naturals(a, b);
    // Xor adds (x \div 2^n) + (y \div 2^n): its first sum, x + y, may overflow.
    if (x > 0 && y > 0 && x + y > 2147483647) useDefinition();
    return x ^ y;
  }),
  // The bits of a below its highest set bit, flipped (Not(0) = 0).
  native1('Not', (a) => {
    const x = intArg(a);
    if (x < 0) useDefinition();
    let mask = 0;
    while (mask < x) mask = mask * 2 + 1;
    return (x ^ mask) >>> 0;
  }),
  native2('shiftR', (n, pos) => {
    const x = intArg(n);
    const p = intArg(pos);
    if (p < 0) useDefinition();
    return Math.floor(x / 2 ** p);
  }),
];

export const apalacheNatives: Builtin[] = [
  nativeN(
    'ApaFoldSet',
    3,
    ([op, v, s]) => {
      const f = opArg(op);
      let acc = v;
      for (const x of elemsArg(s)) acc = f.call([acc, x]);
      return acc;
    },
    [0],
  ),
  nativeN(
    'ApaFoldSeqLeft',
    3,
    ([op, v, s]) => {
      const f = opArg(op);
      let acc = v;
      for (const x of seqArg(s)) acc = f.call([acc, x]);
      return acc;
    },
    [0],
  ),
  native2(
    'MkSeq',
    (n, fv) => {
      const f = opArg(fv);
      const len = intArg(n);
      return seq(Array.from({ length: Math.max(0, len) }, (_, i) => f.call([i + 1])));
    },
    [1],
  ),
  nativeN('FunAsSeq', 3, ([fn, len, cap]) => {
    const f = fcnArg(fn);
    const n = intArg(len);
    const c = intArg(cap);
    const elems: Value[] = [];
    for (let i = 1; i <= c; i++) {
      const k = f.indexOf(i);
      elems.push(k < 0 ? useDefinition() : f.valueAt(k));
    }
    if (n < 1) return seq([]);
    return n > c ? useDefinition() : seq(elems.slice(0, n));
  }),
  nativeN(
    'Repeat',
    3,
    ([op, n, x]) => {
      const f = opArg(op);
      const times = intArg(n);
      let acc = x;
      for (let i = 1; i <= times; i++) acc = f.call([acc, i]);
      return acc;
    },
    [0],
  ),
  native1('SetAsFun', (s) => {
    // [x \in Dom |-> CHOOSE y \in Rng : <<x, y>> \in S]: the least y paired with x.
    const pairs = elemsArg(s).map((p) =>
      p instanceof TupleValue && p.elems.length === 2 ? p.elems : useDefinition(),
    );
    const keys = SetValue.sorted(pairs.map((p) => p[0])).elems as Value[];
    const vals = keys.map(() => undefined as Value | undefined);
    for (const [x, y] of pairs) {
      const i = keys.findIndex((k) => compare(k, x) === 0);
      if (vals[i] === undefined || compare(y, vals[i]!) < 0) vals[i] = y;
    }
    return makeFunction(keys, vals as Value[]);
  }),
];

export const ioUtilsNatives: Builtin[] = [
  native1('atoi', (s) => {
    if (typeof s !== 'string')
      throw new ValueError(`atoi expects a string, but got ${printValue(s)}`);
    // The integer whose ToString is s: the canonical decimal form only ("042", "+1" have none).
    if (!/^(0|-?[1-9][0-9]*)$/.test(s) || Number(s) > 2147483647 || Number(s) < -2147483648) {
      throw new ValueError(
        `atoi(${printValue(s)}): no integer i has ToString(i) = ${printValue(s)}`,
      );
    }
    return Number(s);
  }),
];
