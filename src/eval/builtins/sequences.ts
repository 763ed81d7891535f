/** Sequences and the TLC module (natively, as TLC's Java overrides do). */
import {
  type Value,
  SetValue,
  TupleValue,
  OpValue,
  ValueError,
  EMPTY_TUPLE,
  isFunction,
  compare,
  makeFunction,
} from '../../core/values';
import { SeqSetValue } from '../../core/lazy-sets';
import { canonicalString, stringRank } from '../../core/string-order';
import { printValue } from '../print';
import { int, set, bool } from './core-ops';
import { random } from './random';
import type { Builtin } from './types';

/** A string made at run time, ranked as TLC interns it: when it is made (string-order.ts). */
function interned(s: string): string {
  stringRank(s);
  return canonicalString(s);
}

/** A sequence's elements; strings count as sequences of characters where TLC allows it. */
export function seq(v: Value, op: string): readonly Value[] {
  if (v instanceof TupleValue) return v.elems;
  if (isFunction(v)) {
    const n = v.size();
    const out = new Array<Value>(n);
    for (let i = 0; i < n; i++) {
      if (v.domainAt(i) !== i + 1)
        throw new ValueError(`The operator ${op} expects a sequence, but got ${printValue(v)}`);
      out[i] = v.valueAt(i);
    }
    return out;
  }
  throw new ValueError(`The operator ${op} expects a sequence, but got ${printValue(v)}`);
}

function unary(name: string, f: (a: Value) => Value): Builtin {
  return { name, arity: 1, call: (a) => f(a[0]), call1: f };
}

function binary(name: string, f: (a: Value, b: Value) => Value): Builtin {
  return { name, arity: 2, call: (a) => f(a[0], a[1]), call2: f };
}

function op(v: Value, name: string): OpValue {
  if (!(v instanceof OpValue)) throw new ValueError(`${name} expects an operator argument`);
  return v;
}

export const sequenceOps: Builtin[] = [
  { name: 'Seq', arity: 1, call: ([s]) => new SeqSetValue(set(s, 'Seq')) },
  // The hot ones with direct forms (call1, call2: no array of arguments) and results in arrays of
  // their size (a spread or a push from [] gets room for 16 elements at once).
  unary('Len', (s) => (typeof s === 'string' ? s.length : seq(s, 'Len').length)),
  unary('Head', (s) => {
    const e = seq(s, 'Head');
    if (e.length === 0) throw new ValueError('Attempted to apply Head to the empty sequence');
    return e[0];
  }),
  unary('Tail', (s) => {
    // TLC's Tail takes a non-empty string too ("abc" to "bc"), as Len, \o and SubSeq do.
    if (typeof s === 'string' && s.length > 0) return interned(s.slice(1));
    const e = seq(s, 'Tail');
    if (e.length === 0) throw new ValueError('Attempted to apply Tail to the empty sequence');
    return new TupleValue(e.slice(1));
  }),
  binary('Append', (s, x) => {
    const e = seq(s, 'Append');
    const n = e.length;
    const out = new Array<Value>(n + 1);
    for (let i = 0; i < n; i++) out[i] = e[i];
    out[n] = x;
    return new TupleValue(out);
  }),
  {
    name: '\\o',
    arity: 2,
    call: ([a, b]) => {
      if (typeof a === 'string' && typeof b === 'string') return interned(a + b);
      return new TupleValue([...seq(a, '\\o'), ...seq(b, '\\o')]);
    },
  },
  {
    name: 'SubSeq',
    arity: 3,
    call: ([s, m, n]) => {
      const lo = int(m, 'SubSeq');
      const hi = int(n, 'SubSeq');
      if (typeof s === 'string') {
        // As for a sequence (TLC 2.20): m..n must lie in the string's positions unless it is empty.
        if (lo > hi) return interned('');
        if (lo < 1 || hi > s.length)
          throw new ValueError(
            `SubSeq(s, ${lo}, ${hi}) is out of the string's range 1..${s.length}`,
          );
        return interned(s.slice(lo - 1, hi));
      }
      const e = seq(s, 'SubSeq');
      if (lo > hi) return EMPTY_TUPLE;
      if (lo < 1 || hi > e.length)
        throw new ValueError(
          `SubSeq(s, ${lo}, ${hi}) is out of the sequence's range 1..${e.length}`,
        );
      return new TupleValue(e.slice(lo - 1, hi));
    },
  },
  {
    name: 'SelectSeq',
    arity: 2,
    opParams: [1],
    call: ([s, t]) => {
      const test = op(t, 'SelectSeq');
      return new TupleValue(seq(s, 'SelectSeq').filter((x) => bool(test.call([x]), 'SelectSeq')));
    },
  },
  // TLC
  {
    name: ':>',
    arity: 2,
    call: ([k, v]) => makeFunction([k], [v]),
  },
  {
    name: '@@',
    arity: 2,
    call: ([f, g]) => {
      if (!isFunction(f) || !isFunction(g)) throw new ValueError('@@ expects two functions');
      const keys: Value[] = [];
      const vals: Value[] = [];
      for (let i = 0; i < f.size(); i++) {
        keys.push(f.domainAt(i));
        vals.push(f.valueAt(i));
      }
      for (let i = 0; i < g.size(); i++) {
        if (f.indexOf(g.domainAt(i)) < 0) {
          keys.push(g.domainAt(i));
          vals.push(g.valueAt(i));
        }
      }
      const order = keys.map((_, i) => i).sort((a, b) => compare(keys[a], keys[b]));
      return makeFunction(
        order.map((i) => keys[i]),
        order.map((i) => vals[i]),
      );
    },
  },
  {
    name: 'Print',
    arity: 2,
    call: ([out, v], sv) => {
      sv.print(printValue(out));
      return v;
    },
  },
  {
    name: 'PrintT',
    arity: 1,
    call: ([out], sv) => {
      sv.print(printValue(out));
      return true;
    },
  },
  {
    name: 'Assert',
    arity: 2,
    call: ([cond, msg]) => {
      if (cond !== true) {
        throw new ValueError(
          `The first argument of Assert evaluated to FALSE; the second argument was:\n${typeof msg === 'string' ? JSON.stringify(msg) : printValue(msg)}`,
        );
      }
      return true;
    },
  },
  { name: 'ToString', arity: 1, call: ([v]) => interned(printValue(v)) },
  { name: 'JavaTime', arity: 0, call: () => Math.floor(Date.now() / 1000) },
  { name: 'TLCEval', arity: 1, call: ([v]) => v },
  { name: 'TLCGet', arity: 1, impure: true, call: ([k], sv) => sv.tlcGet(k) },
  {
    name: 'TLCSet',
    arity: 2,
    impure: true,
    call: ([k, v], sv) => {
      sv.tlcSet(k, v);
      return true;
    },
  },
  {
    name: 'Permutations',
    arity: 1,
    call: ([s]) => {
      const elems = set(s, 'Permutations').enumerate().elems as Value[];
      const out: Value[] = [];
      const perm = (rest: Value[], acc: Value[]): void => {
        if (rest.length === 0) {
          out.push(makeFunction(elems, acc.slice()));
          return;
        }
        for (let i = 0; i < rest.length; i++) {
          acc.push(rest[i]);
          perm([...rest.slice(0, i), ...rest.slice(i + 1)], acc);
          acc.pop();
        }
      };
      perm(elems, []);
      return SetValue.of(out);
    },
  },
  {
    name: 'SortSeq',
    arity: 2,
    opParams: [1],
    call: ([s, t]) => {
      const less = op(t, 'SortSeq');
      const e = seq(s, 'SortSeq').slice();
      e.sort((a, b) =>
        bool(less.call([a, b]), 'SortSeq') ? -1 : bool(less.call([b, a]), 'SortSeq') ? 1 : 0,
      );
      return new TupleValue(e);
    },
  },
  {
    name: 'RandomElement',
    arity: 1,
    // Not `impure`: TLC evaluates a constant definition that draws at random once, like any other.
    call: ([s]) => {
      const e = set(s, 'RandomElement').enumerate().elems;
      if (e.length === 0) throw new ValueError('RandomElement of the empty set');
      return e[Math.floor(random() * e.length)];
    },
  },
  {
    name: 'Any',
    arity: 0,
    value: undefined,
    call: () => {
      throw new ValueError("TLC's Any cannot be enumerated");
    },
  },
  // Functions that TLC implements natively and many specs use.
  {
    name: 'IsABag',
    arity: 1,
    call: ([b]) =>
      isFunction(b) &&
      Array.from({ length: b.size() }, (_, i) => b.valueAt(i)).every(
        (v) => typeof v === 'number' && v > 0,
      ),
  },
];
