/**
 * Bags (TLC's standard module) and BagsExt (Community Modules).
 *
 * Bags: TLC overrides every definition but SubBag with Java (tlc2.module.Bags), so these follow
 * that Java, quirks included: (+) and BagCardinality check that their arguments are bags, (-)
 * drops the elements left with no copies, BagUnion of a one-element set is that element, BagIn and
 * CopiesIn look at the count only of the element asked for.
 *
 * BagsExt: TLC evaluates the TLA+ definitions; arguments the native code does not take are left to
 * them (natives.ts).
 */
import {
  type Value,
  type FunctionBase,
  ValueError,
  OpValue,
  EMPTY_TUPLE,
  SetValue,
  equals,
  isFunction,
  isSet,
  compare,
  makeFunction,
} from '../../core/values';
import { printValue } from '../print';
import type { Builtin } from './types';
import {
  native1,
  native2,
  nativeN,
  fcnArg,
  opArg,
  intArg,
  checkedInt,
  useDefinition,
  indexInDomain,
} from './natives';

/** TLC's message for an argument of the wrong kind. */
function wrong(op: string, what: string, v: Value): never {
  throw new ValueError(`The operator ${op} expects ${what}, but got ${printValue(v)}`);
}

function bagFcn(op: string, v: Value): FunctionBase {
  return isFunction(v) ? v : wrong(op, 'a function with a finite domain', v);
}

function count(op: string, v: Value, bag: Value): number {
  return typeof v === 'number' ? v : wrong(op, 'a bag', bag);
}

function addCounts(a: number, b: number): number {
  const n = a + b;
  if (n > 2147483647 || n < -2147483648)
    throw new ValueError(`Integer overflow: ${a}+${b} in a bag's count`);
  return n;
}

export function isABag(b: Value): boolean {
  if (!isFunction(b)) return false;
  for (let i = 0; i < b.size(); i++) {
    const v = b.valueAt(i);
    if (typeof v !== 'number' || v <= 0) return false;
  }
  return true;
}

/** A function from keys and values in any order (keys distinct). */
function fcnOf(keys: Value[], vals: Value[]): Value {
  const order = keys.map((_, i) => i).sort((x, y) => compare(keys[x], keys[y]));
  return makeFunction(
    order.map((i) => keys[i]),
    order.map((i) => vals[i]),
  );
}

/** Adds `v` copies of `k` to the bag being built (keys in first-met order, as TLC's Java). */
class BagBuilder {
  readonly keys: Value[] = [];
  readonly vals: Value[] = [];
  add(k: Value, v: Value, op: string, bag: Value): void {
    for (let j = 0; j < this.keys.length; j++) {
      if (equals(this.keys[j], k)) {
        this.vals[j] = addCounts(count(op, this.vals[j], bag), count(op, v, bag));
        return;
      }
    }
    this.keys.push(k);
    this.vals.push(v);
  }
  build(): Value {
    return fcnOf(this.keys, this.vals);
  }
}

/** TLC's Java looks e up with equals, which fails for another kind of value: so does this. */
function lookup(e: Value, b: FunctionBase): number {
  return indexInDomain(b, e);
}

export const bagsNatives: Builtin[] = [
  { name: 'EmptyBag', arity: 0, value: EMPTY_TUPLE },
  native1('IsABag', isABag),
  native1('BagToSet', (b) => {
    const f = bagFcn('BagToSet', b);
    const dom: Value[] = [];
    for (let i = 0; i < f.size(); i++) dom.push(f.domainAt(i));
    return new SetValue(dom);
  }),
  native1('SetToBag', (s) => {
    if (!isSet(s) || !s.isFinite()) return wrong('SetToBag', 'a finite set', s);
    const elems = s.enumerate().elems as Value[];
    return makeFunction(
      elems,
      elems.map(() => 1),
    );
  }),
  native2('BagIn', (e, b) => {
    const f = bagFcn('BagIn', b);
    const i = lookup(e, f);
    if (i < 0) return false;
    return count('BagIn', f.valueAt(i), b) > 0;
  }),
  native2('CopiesIn', (e, b) => {
    const f = bagFcn('CopiesIn', b);
    const i = lookup(e, f);
    return i < 0 ? 0 : count('CopiesIn', f.valueAt(i), b);
  }),
  native1('BagCardinality', (b) => {
    const f = bagFcn('BagCardinality', b);
    let n = 0;
    for (let i = 0; i < f.size(); i++) {
      const c = f.valueAt(i);
      if (typeof c !== 'number' || c <= 0) wrong('BagCardinality', 'a bag', b);
      n = addCounts(n, c);
    }
    return n;
  }),
  native2('\\oplus', (b1, b2) => {
    if (!isABag(b1)) wrong('(+)', 'a bag as its first argument', b1);
    if (!isABag(b2)) wrong('(+)', 'a bag as its second argument', b2);
    const f = b1 as FunctionBase;
    const g = b2 as FunctionBase;
    const out = new BagBuilder();
    for (let i = 0; i < f.size(); i++) out.add(f.domainAt(i), f.valueAt(i), '(+)', b1);
    for (let i = 0; i < g.size(); i++) out.add(g.domainAt(i), g.valueAt(i), '(+)', b2);
    return out.build();
  }),
  native2('\\ominus', (b1, b2) => {
    const f = isFunction(b1) ? b1 : wrong('(-)', 'a bag as its first argument', b1);
    const g = isFunction(b2) ? b2 : wrong('(-)', 'a bag as its second argument', b2);
    const keys: Value[] = [];
    const vals: Value[] = [];
    for (let i = 0; i < f.size(); i++) {
      let v = count('(-)', f.valueAt(i), b1);
      const j = lookup(f.domainAt(i), g);
      if (j >= 0) v -= count('(-)', g.valueAt(j), b2);
      if (v > 0) {
        keys.push(f.domainAt(i));
        vals.push(v);
      }
    }
    return fcnOf(keys, vals);
  }),
  native1('BagUnion', (s) => {
    if (!isSet(s) || !s.isFinite()) return wrong('BagUnion', 'a finite enumerable set', s);
    const bags = s.enumerate().elems;
    if (bags.length === 0) return EMPTY_TUPLE;
    if (bags.length === 1) return bags[0];
    const out = new BagBuilder();
    for (const b of bags) {
      if (!isFunction(b))
        throw new ValueError(
          `BagUnion is applied to a set with an element that is not a bag: ${printValue(s)}`,
        );
      for (let i = 0; i < b.size(); i++) out.add(b.domainAt(i), b.valueAt(i), 'BagUnion', b);
    }
    return out.build();
  }),
  native2('\\sqsubseteq', (b1, b2) => {
    const f = bagFcn('\\sqsubseteq', b1);
    const g = bagFcn('\\sqsubseteq', b2);
    for (let i = 0; i < f.size(); i++) {
      let v = count('\\sqsubseteq', f.valueAt(i), b1);
      const j = lookup(f.domainAt(i), g);
      if (j >= 0) v -= count('\\sqsubseteq', g.valueAt(j), b2);
      if (v > 0) return false;
    }
    return true;
  }),
  {
    name: 'BagOfAll',
    arity: 2,
    opParams: [0],
    call: ([op, b]) => {
      if (!(op instanceof OpValue))
        return wrong('BagOfAll', 'an operator as its first argument', op);
      const f = isFunction(b)
        ? b
        : wrong('BagOfAll', 'a function with a finite domain as its second argument', b);
      const out = new BagBuilder();
      for (let i = 0; i < f.size(); i++)
        out.add(op.call([f.domainAt(i)]), f.valueAt(i), 'BagOfAll', b);
      return out.build();
    },
  },
];

// ---------------------------------------------------------------- BagsExt (TLA+ semantics)

/** B with `k`'s count replaced by `v` (or removed when v is undefined). */
function withCount(b: FunctionBase, k: Value, v: Value | undefined): Value {
  const keys: Value[] = [];
  const vals: Value[] = [];
  let placed = false;
  for (let i = 0; i < b.size(); i++) {
    const d = b.domainAt(i);
    if (!placed && v !== undefined && compare(k, d) < 0) {
      keys.push(k);
      vals.push(v);
      placed = true;
    }
    if (equals(d, k)) {
      if (v !== undefined) {
        keys.push(k);
        vals.push(v);
      }
      placed = true;
      continue;
    }
    keys.push(d);
    vals.push(b.valueAt(i));
  }
  if (!placed && v !== undefined) {
    keys.push(k);
    vals.push(v);
  }
  return makeFunction(keys, vals);
}

/**
 * MapThenFoldBag's value: for each element x of DOMAIN B (in CHOOSE order, the `choose` argument is
 * not used by the definition), handle(x) applies op B[x] times to base and f(x); the results are
 * folded with op from the last element back to the first, as MapThenFoldSet does.
 */
export function mapThenFoldBag(
  op: (a: Value, b: Value) => Value,
  base: Value,
  f: (x: Value) => Value,
  bag: Value,
  repeat?: (base: Value, x: Value, copies: number) => Value,
): Value {
  const b = fcnArg(bag);
  const n = b.size();
  for (let i = 0; i < n; i++) {
    const c = b.valueAt(i);
    // pow[c] is defined for c \in Nat \ {0}; a count that deep is the definition's recursion.
    if (typeof c !== 'number' || c < 1 || (!repeat && c > MAX_COPIES)) useDefinition();
  }
  const handled = new Array<Value>(n);
  for (let i = 0; i < n; i++) {
    const x = b.domainAt(i);
    const copies = b.valueAt(i) as number;
    if (repeat) {
      handled[i] = repeat(base, f(x), copies);
      continue;
    }
    let acc = base;
    for (let k = 0; k < copies; k++) acc = op(acc, f(x));
    handled[i] = acc;
  }
  let acc = base;
  for (let i = n - 1; i >= 0; i--) acc = op(handled[i], acc);
  return acc;
}

function call2(o: Value): (a: Value, b: Value) => Value {
  const op = opArg(o);
  return (a, b) => op.call([a, b]);
}

const MAX_COPIES = 100_000;

const plus = (a: Value, b: Value): Value => checkedInt(intArg(a) + intArg(b));
const times = (a: Value, b: Value): Value => checkedInt(intArg(a) * intArg(b));
const identity = (x: Value): Value => x;

/** base + x + … + x (copies times): the partial sums lie between the first and the last. */
const repeatPlus = (base: Value, x: Value, copies: number): Value => {
  const b = intArg(base);
  const v = intArg(x);
  checkedInt(b + v);
  return checkedInt(b + v * copies);
};

/** base * x * … * x: |x| >= 2 overflows within 32 factors, |x| <= 1 repeats a cycle. */
const repeatTimes = (base: Value, x: Value, copies: number): Value => {
  let acc = intArg(base);
  const v = intArg(x);
  if (v === 0 || v === 1) return checkedInt(acc * v);
  if (v === -1) return copies % 2 === 0 ? acc : checkedInt(-acc);
  for (let k = 0; k < copies && acc !== 0; k++) acc = checkedInt(acc * v);
  return acc;
};

export const bagsExtNatives: Builtin[] = [
  native2('BagAdd', (bag, x) => {
    const b = fcnArg(bag);
    const i = indexInDomain(b, x);
    return withCount(b, x, i < 0 ? 1 : checkedInt(intArg(b.valueAt(i)) + 1));
  }),
  native2('BagRemove', (bag, x) => {
    const b = fcnArg(bag);
    const i = indexInDomain(b, x);
    if (i < 0) return bag;
    const c = intArg(b.valueAt(i));
    return withCount(b, x, c === 1 ? undefined : checkedInt(c - 1));
  }),
  // [e \in DOMAIN B \ {x} |-> B[e]]: every element of DOMAIN B is compared with x.
  native2('BagRemoveAll', (bag, x) => {
    const b = fcnArg(bag);
    const without = new SetValue([x]);
    for (let i = 0; i < b.size(); i++) without.contains(b.domainAt(i));
    return withCount(b, x, undefined);
  }),
  nativeN(
    'MapThenFoldBag',
    5,
    ([op, base, f, , bag]) => {
      const fn = opArg(f);
      return mapThenFoldBag(call2(op), base, (x) => fn.call([x]), bag);
    },
    [0, 2, 3],
  ),
  nativeN('FoldBag', 3, ([op, base, bag]) => mapThenFoldBag(call2(op), base, identity, bag), [0]),
  native1('SumBag', (bag) => mapThenFoldBag(plus, 0, identity, bag, repeatPlus)),
  native1('ProductBag', (bag) => mapThenFoldBag(times, 1, identity, bag, repeatTimes)),
];
