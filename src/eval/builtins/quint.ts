/**
 * Quint's built-in operators where their meaning differs from TLA+'s, as Quint's own simulator
 * (`quint run --backend typescript`, runtime/impl/builtins.ts) evaluates them. The Quint lowering
 * (src/quint/lower.ts) maps every other Quint operator onto a TLA+ construct with the same meaning.
 *
 * The names start with `quint::`, which no TLA+ identifier can spell, so they never meet a TLA+
 * spec's names. Lists are TLA+ sequences (the function on 1..n); Quint indexes them from 0, so the
 * list operators here shift by one and fail where Quint's fail (an index out of range).
 */
import {
  type Value,
  SetValue,
  TupleValue,
  OpValue,
  ValueError,
  isFunction,
  makeFunction,
  equals,
  compare,
  type FunctionBase,
} from '../../core/values';
import { set, bool } from './core-ops';
import * as big from '../../core/big-int';
import { IntervalValue } from '../../core/lazy-sets';
import { seq } from './sequences';
import { printValue } from '../print';
import type { Builtin } from './types';
import { BigIntervalValue, oneOfSet, pickedSet } from './quint-sample';

function fn(v: Value, op: string): FunctionBase {
  if (!isFunction(v)) throw new ValueError(`${op} expects a map, but got ${printValue(v)}`);
  return v;
}

function opArg(v: Value, name: string): OpValue {
  if (!(v instanceof OpValue)) throw new ValueError(`${name} expects an operator argument`);
  return v;
}

/** A 0-based list index, checked as Quint checks it. */
function listIndex(list: readonly Value[], i: Value, op: string): number {
  const n = big.smallInt(i, op);
  if (n < 0 || n >= list.length)
    throw new ValueError(`Out of bounds, ${op}(${n}) on a list of length ${list.length}`);
  return n;
}

function entries(m: FunctionBase): [Value, Value][] {
  const out: [Value, Value][] = [];
  for (let i = 0; i < m.size(); i++) out.push([m.domainAt(i), m.valueAt(i)]);
  return out;
}

/** A map from key-value pairs with distinct keys, in any order. */
function mapOf(pairs: [Value, Value][]): Value {
  pairs.sort((a, b) => compare(a[0], b[0]));
  return makeFunction(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}

/** Replaces (or adds, with `add`) the value at `key`: Quint's `set` / `put`. */
function update(m: FunctionBase, key: Value, value: Value, add: boolean, op: string): Value {
  const kv = entries(m);
  const i = kv.findIndex((e) => equals(e[0], key));
  if (i < 0) {
    if (!add) throw new ValueError(`Called '${op}' with a non-existing key ${printValue(key)}`);
    kv.push([key, value]);
  } else kv[i] = [key, value];
  return mapOf(kv);
}

const cmpOps: Builtin[] = (
  [
    ['quint::ilt', '<', (c: number) => c < 0],
    ['quint::ilte', '<=', (c: number) => c <= 0],
    ['quint::igt', '>', (c: number) => c > 0],
    ['quint::igte', '>=', (c: number) => c >= 0],
  ] as const
).map(([name, op, test]) => {
  const call2 = (a: Value, b: Value): boolean =>
    typeof a === 'number' && typeof b === 'number'
      ? test(a < b ? -1 : a > b ? 1 : 0)
      : test(big.cmp(a, b, op));
  return { name, arity: 2, call2, call: ([a, b]: Value[]) => call2(a, b) };
});

/** Most intervals this enumerates with a bigint bound (TLA+'s lazy interval holds numbers). */
const MAX_BIG_INTERVAL = 1_000_000n;

function quintTo(a: Value, b: Value): Value {
  const lo = big.qint(a, 'to');
  const hi = big.qint(b, 'to');
  if (typeof lo === 'number' && typeof hi === 'number') return new IntervalValue(lo, hi);
  const from = BigInt(lo);
  const to = BigInt(hi);
  if (to < from) return SetValue.sorted([]);
  // Listed only where enumerated (quint-sample.ts: `oneOf` samples it where the run samples).
  if (to - from >= MAX_BIG_INTERVAL) return new BigIntervalValue(from, to);
  const out: Value[] = [];
  for (let k = from; k <= to; k++) out.push(big.fromBig(k));
  return new SetValue(out);
}

/**
 * A set's `fold` whose result depends on the order it goes through the set. Quint leaves that order
 * unspecified ("the operator must be associative and commutative or else it has undefined
 * behavior", builtin.qnt) and its simulator uses its own, we use the canonical one: such a fold may
 * give another result than Quint's tools, and that is the spec's undefined behaviour, not a
 * difference of ours. With `probe` on, every fold of two elements or more is also computed in the
 * reverse order, and where the results differ (or the reverse fails) its place (`file:line:col`)
 * is added to `dependent` (npm run conformance -- --quint says so for each example).
 */
export const foldOrder = { probe: false, dependent: new Set<string>() };

function sameInReverse(elems: readonly Value[], init: Value, g: OpValue, acc: Value): boolean {
  try {
    let rev = init;
    for (let i = elems.length - 1; i >= 0; i--) rev = g.call([rev, elems[i]]);
    return equals(rev, acc);
  } catch {
    return false;
  }
}

export const quintOps: Builtin[] = [
  // Quint's integers are unbounded: numbers in the 32-bit range, bigints beyond (core/big-int.ts).
  { name: 'quint::iadd', arity: 2, call2: big.add, call: ([a, b]) => big.add(a, b) },
  { name: 'quint::isub', arity: 2, call2: big.sub, call: ([a, b]) => big.sub(a, b) },
  { name: 'quint::imul', arity: 2, call2: big.mul, call: ([a, b]) => big.mul(a, b) },
  // Quint's `/`: truncated towards zero; `%`: the remainder takes the dividend's sign.
  { name: 'quint::idiv', arity: 2, call2: big.div, call: ([a, b]) => big.div(a, b) },
  { name: 'quint::imod', arity: 2, call2: big.mod, call: ([a, b]) => big.mod(a, b) },
  { name: 'quint::ipow', arity: 2, call2: big.pow, call: ([a, b]) => big.pow(a, b) },
  { name: 'quint::iuminus', arity: 1, call1: big.neg, call: ([a]) => big.neg(a) },
  ...cmpOps,
  {
    // An integer literal beyond 32 bits, given by its digits.
    name: 'quint::bigint',
    arity: 1,
    call1: (d) => big.fromDigits(String(d)),
    call: ([d]) => big.fromDigits(String(d)),
  },
  {
    // `a.to(b)`: TLA+'s interval on numbers; with a bigint bound, the integers enumerated.
    name: 'quint::to',
    arity: 2,
    call2: quintTo,
    call: ([a, b]) => quintTo(a, b),
  },
  {
    name: 'quint::nth',
    arity: 2,
    call: ([l, i]) => {
      const elems = seq(l, 'nth');
      return elems[listIndex(elems, i, 'nth')];
    },
  },
  {
    name: 'quint::replaceAt',
    arity: 3,
    call: ([l, i, v]) => {
      const elems = seq(l, 'replaceAt').slice();
      elems[listIndex(elems, i, 'replaceAt')] = v;
      return new TupleValue(elems);
    },
  },
  {
    name: 'quint::indices',
    arity: 1,
    call: ([l]) => SetValue.sorted(seq(l, 'indices').map((_, i) => i)),
  },
  {
    name: 'quint::slice',
    arity: 3,
    call: ([l, s, e]) => {
      const elems = seq(l, 'slice');
      const start = big.smallInt(s, 'slice');
      const end = big.smallInt(e, 'slice');
      if (start < 0 || start > end || end > elems.length)
        throw new ValueError(
          `Out of bounds, slice(${start}, ${end}) applied to a list of length ${elems.length}`,
        );
      return new TupleValue(elems.slice(start, end));
    },
  },
  {
    name: 'quint::range',
    arity: 2,
    call: ([a, b]) => {
      const out: Value[] = [];
      for (let i = big.smallInt(a, 'range'); i < big.smallInt(b, 'range'); i++) out.push(i);
      return new TupleValue(out);
    },
  },
  {
    // A set folded in its canonical order (Quint's order is unspecified; see foldOrder). Arg 3
    // says where the fold is.
    name: 'quint::fold',
    arity: 4,
    opParams: [2],
    call: ([s, init, f, where]) => {
      const g = opArg(f, 'fold');
      const elems = set(s, 'fold').enumerate().elems;
      let acc = init;
      for (const x of elems) acc = g.call([acc, x]);
      if (foldOrder.probe && elems.length > 1 && !sameInReverse(elems, init, g, acc))
        foldOrder.dependent.add(String(where));
      return acc;
    },
  },
  {
    name: 'quint::foldl',
    arity: 3,
    opParams: [2],
    call: ([l, init, f]) => {
      const g = opArg(f, 'foldl');
      let acc = init;
      for (const x of seq(l, 'foldl')) acc = g.call([acc, x]);
      return acc;
    },
  },
  {
    name: 'quint::foldr',
    arity: 3,
    opParams: [2],
    call: ([l, init, f]) => {
      const g = opArg(f, 'foldr');
      let acc = init;
      const elems = seq(l, 'foldr');
      for (let i = elems.length - 1; i >= 0; i--) acc = g.call([elems[i], acc]);
      return acc;
    },
  },
  {
    name: 'quint::set',
    arity: 3,
    call: ([m, k, v]) => update(fn(m, 'set'), k, v, false, 'set'),
  },
  {
    name: 'quint::put',
    arity: 3,
    call: ([m, k, v]) => update(fn(m, 'put'), k, v, true, 'put'),
  },
  {
    name: 'quint::setBy',
    arity: 3,
    opParams: [2],
    call: ([m, k, f]) => {
      const map = fn(m, 'setBy');
      const old = map.apply(k);
      if (old === undefined)
        throw new ValueError(`Called 'setBy' with a non-existing key ${printValue(k)}`);
      return update(map, k, opArg(f, 'setBy').call([old]), false, 'setBy');
    },
  },
  {
    name: 'quint::get',
    arity: 2,
    call: ([m, k]) => {
      const v = fn(m, 'get').apply(k);
      if (v === undefined)
        throw new ValueError(`Called 'get' with a non-existing key ${printValue(k)}`);
      return v;
    },
  },
  {
    name: 'quint::setToMap',
    arity: 1,
    call: ([s]) => {
      const pairs: [Value, Value][] = [];
      for (const p of set(s, 'setToMap').enumerate().elems) {
        const kv = seq(p, 'setToMap');
        // As Quint's Map(...): a later pair for the same key wins.
        const i = pairs.findIndex((e) => equals(e[0], kv[0]));
        if (i >= 0) pairs[i] = [kv[0], kv[1]];
        else pairs.push([kv[0], kv[1]]);
      }
      return mapOf(pairs);
    },
  },
  {
    name: 'quint::allListsUpTo',
    arity: 2,
    call: ([s, n]) => {
      const elems = set(s, 'allListsUpTo').enumerate().elems;
      const max = big.smallInt(n, 'allListsUpTo');
      const out: Value[] = [];
      let layer: Value[][] = [[]];
      for (let len = 0; len <= max; len++) {
        for (const l of layer) out.push(new TupleValue(l));
        if (len < max) layer = layer.flatMap((l) => elems.map((e) => [...l, e]));
      }
      return SetValue.sorted(out);
    },
  },
  {
    // `nondet x = S.oneOf()`: the set the nondet ranges over (quint-sample.ts oneOfSet): one sample
    // of Int, Nat or a set too large to enumerate where the run samples (simulate, tests:
    // services.sample), else S, or the error (arg 2 says where) that a check cannot enumerate it.
    // A trace replayed with its recorded picks (services.pick, arg 3 the nondet's name): the
    // recorded element alone, or none where the step made no pick there.
    name: 'quint::oneOf',
    arity: 3,
    impure: true,
    call: ([s, where, name], services) => {
      const cannot = (what: string): string =>
        `${String(where)}: an exhaustive check cannot enumerate ${what} (Quint's simulator samples it: use simulate)`;
      const pick = services.pick?.(String(name));
      if (pick !== undefined) return pickedSet(set(s, 'oneOf'), pick, cannot);
      return oneOfSet(
        set(s, 'oneOf'),
        services.sample ? () => services.sample!() : undefined,
        cannot,
      );
    },
  },
  {
    name: 'quint::getOnlyElement',
    arity: 1,
    call: ([s]) => {
      const elems = set(s, 'getOnlyElement').enumerate().elems;
      if (elems.length !== 1)
        throw new ValueError(
          `Called 'getOnlyElement' on a set with ${elems.length} elements. Make sure the set has exactly one element.`,
        );
      return elems[0];
    },
  },
  {
    // What the lowering does not support yet: an error naming the construct and its range.
    name: 'quint::unsupported',
    arity: 1,
    call: ([message]) => {
      throw new ValueError(String(message));
    },
  },
  {
    name: 'quint::assert',
    arity: 1,
    call: ([c]) => {
      if (!bool(c, 'assert')) throw new ValueError('Assertion failed');
      return true;
    },
  },
];
