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
import { int, set, bool } from './core-ops';
import { seq } from './sequences';
import { printValue } from '../print';
import type { Builtin } from './types';

function checked(n: number): number {
  if (n > 2147483647 || n < -2147483648)
    throw new ValueError(
      `Integer overflow: ${n} is outside the 32-bit integer range (Quint's big integers are not supported yet)`,
    );
  return n;
}

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
  const n = int(i, op);
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

export const quintOps: Builtin[] = [
  {
    // Quint's `/`: integer division truncated towards zero (JavaScript's bigint division).
    name: 'quint::idiv',
    arity: 2,
    call: ([a, b]) => {
      const d = int(b, '/');
      if (d === 0) throw new ValueError('Division by zero');
      return checked(Math.trunc(int(a, '/') / d));
    },
  },
  {
    // Quint's `%`: the remainder takes the dividend's sign (JavaScript's bigint %).
    name: 'quint::imod',
    arity: 2,
    call: ([a, b]) => {
      const d = int(b, '%');
      if (d === 0) throw new ValueError('Division by zero');
      const r = int(a, '%') % d;
      return r === 0 ? 0 : r; // no -0
    },
  },
  {
    name: 'quint::ipow',
    arity: 2,
    call: ([a, b]) => {
      const base = int(a, '^');
      const exp = int(b, '^');
      if (base === 0 && exp === 0) throw new ValueError('0^0 is undefined');
      if (exp < 0) throw new ValueError('i^j is undefined for j < 0');
      let r = 1;
      for (let i = 0; i < exp; i++) r = checked(r * base);
      return r;
    },
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
      const start = int(s, 'slice');
      const end = int(e, 'slice');
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
      for (let i = int(a, 'range'); i < int(b, 'range'); i++) out.push(i);
      return new TupleValue(out);
    },
  },
  {
    // A set folded in its canonical order, as Quint folds its (ordered) sets.
    name: 'quint::fold',
    arity: 3,
    opParams: [2],
    call: ([s, init, f]) => {
      const g = opArg(f, 'fold');
      let acc = init;
      for (const x of set(s, 'fold').enumerate().elems) acc = g.call([acc, x]);
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
      const max = int(n, 'allListsUpTo');
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
