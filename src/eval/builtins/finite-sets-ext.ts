/**
 * FiniteSetsExt and Folds (Community Modules), evaluated as their TLA+ definitions are (natives.ts).
 *
 * The folds all reduce to Folds!MapThenFoldSet with `choose` = `CHOOSE x \in s : TRUE`: the
 * elements are taken in the canonical order e1, e2, …, en (the order CHOOSE picks them) and the
 * value is op(f(e1), op(f(e2), … op(f(en), base))), computed from the inside out.
 */
import { type Value, SetValue, equals, isSet } from '../../core/values';
import type { Builtin } from './types';
import {
  native1,
  native2,
  nativeN,
  elemsArg,
  finiteSetArg,
  intArg,
  opArg,
  boolResult,
  checkedInt,
  useDefinition,
} from './natives';

/** op(f(e1), op(f(e2), … op(f(en), base))) over the elements in the given order. */
export function foldFromRight(
  op: (a: Value, b: Value) => Value,
  base: Value,
  items: readonly Value[],
  f?: (x: Value) => Value,
): Value {
  const mapped = f ? items.map(f) : items;
  let acc = base;
  for (let i = mapped.length - 1; i >= 0; i--) acc = op(mapped[i], acc);
  return acc;
}

export function userOp2(o: Value): (a: Value, b: Value) => Value {
  const op = opArg(o);
  return (a, b) => op.call([a, b]);
}

export function userOp1(o: Value): (a: Value) => Value {
  const op = opArg(o);
  return (a) => op.call([a]);
}

export const plus = (a: Value, b: Value): Value => checkedInt(intArg(a) + intArg(b));
export const times = (a: Value, b: Value): Value => checkedInt(intArg(a) * intArg(b));

function extreme(s: Value, better: (a: number, b: number) => boolean): Value {
  const e = elemsArg(s);
  if (e.length === 0) useDefinition();
  let m = intArg(e[0]);
  for (let i = 1; i < e.length; i++) {
    const x = intArg(e[i]);
    if (better(x, m)) m = x;
  }
  return m;
}

/** The k-element subsets of `elems` (sorted), each sorted. */
function combinations(elems: readonly Value[], k: number): Value[] {
  const out: Value[] = [];
  const acc: Value[] = [];
  const go = (from: number): void => {
    if (acc.length === k) {
      out.push(new SetValue(acc.slice()));
      return;
    }
    for (let i = from; i <= elems.length - (k - acc.length); i++) {
      acc.push(elems[i]);
      go(i + 1);
      acc.pop();
    }
  };
  go(0);
  return out;
}

export const foldsNatives: Builtin[] = [
  nativeN(
    'MapThenFoldSet',
    5,
    ([op, base, f, choose, set]) => {
      const pick = opArg(choose);
      let rest = finiteSetArg(set).enumerate().elems;
      const order: Value[] = [];
      while (rest.length > 0) {
        const x = pick.call([new SetValue(rest)]);
        const i = rest.findIndex((y) => equals(x, y));
        // A choice outside the set would recurse for ever in the definition: its error.
        if (i < 0) useDefinition();
        order.push(x);
        rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
      }
      return foldFromRight(userOp2(op), base, order, userOp1(f));
    },
    [0, 2, 3],
  ),
];

export const finiteSetsExtNatives: Builtin[] = [
  nativeN('FoldSet', 3, ([op, base, set]) => foldFromRight(userOp2(op), base, elemsArg(set)), [0]),
  nativeN('ReduceSet', 3, ([op, set, acc]) => foldFromRight(userOp2(op), acc, elemsArg(set)), [0]),
  native1('SumSet', (set) => foldFromRight(plus, 0, elemsArg(set))),
  native1('ProductSet', (set) => foldFromRight(times, 1, elemsArg(set))),
  native2('MapThenSumSet', (op, set) => foldFromRight(plus, 0, elemsArg(set), userOp1(op)), [0]),
  native2('SymDiff', (a, b) => {
    const x = finiteSetArg(a);
    const y = finiteSetArg(b);
    return SetValue.of([
      ...x.enumerate().elems.filter((e) => !y.contains(e)),
      ...y.enumerate().elems.filter((e) => !x.contains(e)),
    ]);
  }),
  native2(
    'Quantify',
    (set, p) => {
      const test = opArg(p);
      let n = 0;
      for (const x of elemsArg(set)) if (boolResult(test.call([x]))) n++;
      return n;
    },
    [1],
  ),
  native2('kSubset', (k, set) => {
    const n = intArg(k);
    const elems = elemsArg(set);
    if (n < 0 || n > elems.length) return new SetValue([]);
    return new SetValue(combinations(elems, n)); // same size, lexicographic: already canonical
  }),
  native1('Max', (s) => extreme(s, (a, b) => a > b)),
  native1('Min', (s) => extreme(s, (a, b) => a < b)),
  native1('Choices', (sets) => {
    const parts = elemsArg(sets).map((s) => (isSet(s) ? elemsArg(s) : useDefinition()));
    if (parts.some((p) => p.length === 0)) return new SetValue([]);
    let ranges: Value[][] = [[]];
    for (const p of parts) {
      const next: Value[][] = [];
      for (const r of ranges) for (const x of p) next.push([...r, x]);
      ranges = next;
    }
    return SetValue.of(ranges.map((r) => SetValue.of(r)));
  }),
  native2(
    'ChooseUnique',
    (set, p) => {
      const test = opArg(p);
      const e = elemsArg(set);
      const ok = e.filter((x) => boolResult(test.call([x])));
      return ok.length === 1 ? ok[0] : useDefinition();
    },
    [1],
  ),
];
