/**
 * Logic, equality, integers (Naturals, Integers) and sets (the kernel and FiniteSets).
 * Integers follow TLC: 32-bit, with an error on overflow rather than a silent wrap.
 */
import {
  type Value,
  SetValue,
  SetBase,
  ValueError,
  EMPTY_SET,
  equals,
  isSet,
  isFunction,
  compare,
  binarySearch,
  elementFingerprint,
} from '../../core/values';
import {
  IntervalValue,
  SubsetValue,
  DiffSetValue,
  UnionSetValue,
  LazyFunctionValue,
  NAT,
  INT,
  REAL,
  STRING_SET,
} from '../../core/lazy-sets';
import { printValue } from '../print';
import type { Builtin } from './types';

export function int(v: Value, op: string): number {
  if (typeof v !== 'number')
    throw new ValueError(`The operator ${op} expects an integer, but got ${printValue(v)}`);
  return v;
}

export function bool(v: Value, op: string): boolean {
  if (typeof v !== 'boolean')
    throw new ValueError(`The operator ${op} expects a boolean, but got ${printValue(v)}`);
  return v;
}

export function set(v: Value, op: string): SetBase {
  if (!isSet(v)) throw new ValueError(`The operator ${op} expects a set, but got ${printValue(v)}`);
  return v;
}

function checked(n: number): number {
  if (n > 2147483647 || n < -2147483648)
    throw new ValueError(`Integer overflow: ${n} is outside TLC's 32-bit integer range`);
  return n;
}

function op2(name: string, f: (a: Value, b: Value) => Value): Builtin {
  return { name, arity: 2, call: (a) => f(a[0], a[1]), call2: f };
}

function op1(name: string, f: (a: Value) => Value): Builtin {
  return { name, arity: 1, call: (a) => f(a[0]), call1: f };
}

function konst(name: string, value: Value): Builtin {
  return { name, arity: 0, value };
}

/** TLC's floor division and modulus (the divisor must be positive for %). */
function div(a: number, b: number): number {
  if (b === 0) throw new ValueError('The second argument of \\div is 0');
  return Math.floor(a / b);
}

function mod(a: number, b: number): number {
  if (b <= 0)
    throw new ValueError(`The second argument of % should be a positive number, but is ${b}`);
  return ((a % b) + b) % b;
}

export function setUnion(a: SetBase, b: SetBase): SetBase {
  if (!a.isFinite() || !b.isFinite()) {
    // As TLC: a union with the empty set is the other set itself (`Seq(S) \cup {}` is Seq(S)).
    if (a.isFinite() && a.size() === 0) return b;
    if (b.isFinite() && b.size() === 0) return a;
    return new UnionSetValue([a, b]);
  }
  const x = a.enumerate().elems;
  const y = b.enumerate().elems;
  // As TLC: `{} \cup S` is S itself (an interval stays one), `S \cup {}` is S enumerated.
  if (x.length === 0) return b;
  if (y.length === 0) return a.enumerate();
  // One element into a set (`msgs \cup {m}`): found by binary search, and the fingerprint follows.
  if (y.length === 1) return withElement(a.enumerate(), y[0]);
  if (x.length === 1 && y.length > 1) return withElement(b.enumerate(), x[0]);
  // Merge two sorted lists.
  const out: Value[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const c = compare(x[i], y[j]);
    if (c < 0) out.push(x[i++]);
    else if (c > 0) out.push(y[j++]);
    else {
      out.push(x[i++]);
      j++;
    }
  }
  while (i < x.length) out.push(x[i++]);
  while (j < y.length) out.push(y[j++]);
  return new SetValue(out);
}

/** `s \cup {e}`. */
function withElement(s: SetValue, e: Value): SetValue {
  const x = s.elems;
  const i = insertionPoint(x, e);
  if (i < 0) return s;
  const out = new Array<Value>(x.length + 1);
  for (let j = 0; j < i; j++) out[j] = x[j];
  out[i] = e;
  for (let j = i; j < x.length; j++) out[j + 1] = x[j];
  const g = new SetValue(out);
  elementFingerprint(s, e, 1, g);
  return g;
}

/** `s \ {e}`. */
function withoutElement(s: SetValue, e: Value): SetValue {
  const x = s.elems;
  const i = binarySearch(x, e);
  if (i < 0) return s;
  const out = new Array<Value>(x.length - 1);
  for (let j = 0; j < i; j++) out[j] = x[j];
  for (let j = i + 1; j < x.length; j++) out[j - 1] = x[j];
  const g = new SetValue(out);
  elementFingerprint(s, e, -1, g);
  return g;
}

/** Where `e` goes in the sorted list `x`, or -1 when it is there. */
function insertionPoint(x: readonly Value[], e: Value): number {
  let lo = 0;
  let hi = x.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(x[mid], e);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return -1;
  }
  return lo;
}

export function subseteq(a: SetBase, b: SetBase): boolean {
  for (const e of a.enumerate().elems) if (!b.contains(e)) return false;
  return true;
}

export function cardinality(s: SetBase): number {
  if (!s.isFinite()) throw new ValueError('Cardinality of an infinite set');
  return s.size();
}

/** `a \ b`: also `a \ {e}`'s path where a is not an enumerated set. */
function setDifference(a: Value, b: Value): Value {
  const x = set(a, '\\');
  const y = set(b, '\\');
  if (!x.isFinite()) return new DiffSetValue(x, y);
  if (y instanceof SetValue && y.elems.length === 1 && x instanceof SetValue)
    return withoutElement(x, y.elems[0]);
  return new SetValue(x.enumerate().elems.filter((e) => !y.contains(e)));
}

export const coreOps: Builtin[] = [
  konst('TRUE', true),
  konst('FALSE', false),
  konst('BOOLEAN', new SetValue([false, true])),
  konst('Nat', NAT),
  konst('Int', INT),
  konst('Real', REAL),
  konst('STRING', STRING_SET),
  op1('~', (a) => !bool(a, '~')),
  op2('<=>', (a, b) => bool(a, '<=>') === bool(b, '<=>')),
  op2('=', (a, b) => equals(a, b)),
  op2('#', (a, b) => !equals(a, b)),
  op2('+', (a, b) => checked(int(a, '+') + int(b, '+'))),
  op2('-', (a, b) => checked(int(a, '-') - int(b, '-'))),
  op2('*', (a, b) => checked(int(a, '*') * int(b, '*'))),
  op2('\\div', (a, b) => div(int(a, '\\div'), int(b, '\\div'))),
  op2('%', (a, b) => mod(int(a, '%'), int(b, '%'))),
  op2('^', (a, b) => {
    const e = int(b, '^');
    if (e < 0) throw new ValueError('Negative exponent in ^');
    if (e === 0 && int(a, '^') === 0) throw new ValueError('0^0 is undefined');
    return checked(int(a, '^') ** e);
  }),
  op1('-.', (a) => checked(-int(a, '-'))),
  op2('<', (a, b) => int(a, '<') < int(b, '<')),
  op2('>', (a, b) => int(a, '>') > int(b, '>')),
  op2('<=', (a, b) => int(a, '<=') <= int(b, '<=')),
  op2('>=', (a, b) => int(a, '>=') >= int(b, '>=')),
  op2('..', (a, b) => new IntervalValue(int(a, '..'), int(b, '..'))),
  op2('\\in', (a, b) => set(b, '\\in').contains(a)),
  op2('\\notin', (a, b) => !set(b, '\\notin').contains(a)),
  {
    ...op2('\\cup', (a, b) => setUnion(set(a, '\\cup'), set(b, '\\cup'))),
    callWithSingleton: (a, e) => {
      const x = set(a, '\\cup');
      return x instanceof SetValue ? withElement(x, e) : setUnion(x, new SetValue([e]));
    },
  },
  op2('\\cap', (a, b) => {
    const x = set(a, '\\cap');
    const y = set(b, '\\cap');
    const [small, other] = x.isFinite() ? [x, y] : [y, x];
    return new SetValue(small.enumerate().elems.filter((e) => other.contains(e)));
  }),
  {
    ...op2('\\', setDifference),
    callWithSingleton: (a, e) => {
      const x = set(a, '\\');
      return x instanceof SetValue ? withoutElement(x, e) : setDifference(x, new SetValue([e]));
    },
  },
  op2('\\subseteq', (a, b) => subseteq(set(a, '\\subseteq'), set(b, '\\subseteq'))),
  op2('\\subset', (a, b) => {
    const x = set(a, '\\subset');
    const y = set(b, '\\subset');
    return subseteq(x, y) && !equals(x, y);
  }),
  op2('\\supseteq', (a, b) => subseteq(set(b, '\\supseteq'), set(a, '\\supseteq'))),
  op2('\\supset', (a, b) => {
    const x = set(a, '\\supset');
    const y = set(b, '\\supset');
    return subseteq(y, x) && !equals(x, y);
  }),
  op1('SUBSET', (a) => new SubsetValue(set(a, 'SUBSET'))),
  op1('UNION', (a) => {
    const parts = set(a, 'UNION')
      .enumerate()
      .elems.map((p) => set(p, 'UNION'));
    if (parts.length === 0) return EMPTY_SET;
    // A part that is infinite (`UNION {Seq(S), T}`) keeps the union lazy: membership part by part.
    if (!parts.every((p) => p.isFinite())) return new UnionSetValue(parts);
    const all: Value[] = [];
    for (const p of parts) for (const e of p.enumerate().elems) all.push(e);
    return SetValue.of(all);
  }),
  op1('DOMAIN', (a) => {
    if (a instanceof LazyFunctionValue) return a.domain();
    if (!isFunction(a))
      throw new ValueError(`DOMAIN is applied to ${printValue(a)}, which is not a function`);
    const n = a.size();
    if (n > 0 && a.domainAt(0) === 1 && a.domainAt(n - 1) === n) return new IntervalValue(1, n);
    const dom = new Array<Value>(n);
    for (let i = 0; i < n; i++) dom[i] = a.domainAt(i);
    return new SetValue(dom);
  }),
  // FiniteSets
  op1('Cardinality', (a) => cardinality(set(a, 'Cardinality'))),
  op1('IsFiniteSet', (a) => set(a, 'IsFiniteSet').isFinite()),
];
