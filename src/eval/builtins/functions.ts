/** Functions (Community Modules), evaluated as their TLA+ definitions are (natives.ts). */
import {
  type Value,
  type FunctionBase,
  SetValue,
  equals,
  compare,
  makeFunction,
} from '../../core/values';
import type { Builtin } from './types';
import {
  native1,
  native2,
  nativeN,
  fcnArg,
  elemsArg,
  opArg,
  boolResult,
  useDefinition,
  domainSet,
} from './natives';
import { foldFromRight, plus, userOp2 } from './finite-sets-ext';

function values(f: FunctionBase): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < f.size(); i++) out.push(f.valueAt(i));
  return out;
}

function domain(f: FunctionBase): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < f.size(); i++) out.push(f.domainAt(i));
  return out;
}

/** f[x] for each x (in order); an x outside DOMAIN f is the definition's error. */
function applyAll(f: FunctionBase, xs: readonly Value[]): Value[] {
  return xs.map((x) => {
    const i = f.indexOf(x);
    return i < 0 ? useDefinition() : f.valueAt(i);
  });
}

/** The function on the kept keys of f (keys in canonical order, so the result is too). */
function keep(f: FunctionBase, pred: (i: number) => boolean): Value {
  const keys: Value[] = [];
  const vals: Value[] = [];
  for (let i = 0; i < f.size(); i++) {
    if (!pred(i)) continue;
    keys.push(f.domainAt(i));
    vals.push(f.valueAt(i));
  }
  return makeFunction(keys, vals);
}

function isInjective(vals: Value[]): boolean {
  const v = vals.slice().sort(compare);
  for (let i = 1; i < v.length; i++) if (compare(v[i - 1], v[i]) === 0) return false;
  return true;
}

/** Inverse(f, S, T): for each t of T, the first s of S with f[s] = t (any s if t is not a value of f). */
function inverse(fv: Value, sv: Value, tv: Value): Value {
  const f = fcnArg(fv);
  const S = elemsArg(sv);
  const T = elemsArg(tv) as Value[];
  const range = SetValue.of(values(f));
  const out = T.map((t) => {
    if (!range.contains(t)) return S.length > 0 ? S[0] : useDefinition();
    for (const s of S) {
      const i = f.indexOf(s);
      if (i < 0) useDefinition();
      if (equals(f.valueAt(i), t)) return s;
    }
    return useDefinition();
  });
  return makeFunction(T, out);
}

/** The injections from S (sorted) into T: each a function on S. */
function injections(S: readonly Value[], T: readonly Value[]): Value[] {
  const out: Value[] = [];
  const used = new Array<boolean>(T.length).fill(false);
  const acc: Value[] = [];
  const go = (): void => {
    if (acc.length === S.length) {
      out.push(makeFunction(S as Value[], acc.slice()));
      return;
    }
    for (let i = 0; i < T.length; i++) {
      if (used[i]) continue;
      used[i] = true;
      acc.push(T[i]);
      go();
      acc.pop();
      used[i] = false;
    }
  };
  go();
  return out;
}

export const functionsNatives: Builtin[] = [
  native2('Restrict', (fv, sv) => {
    const f = fcnArg(fv);
    const S = elemsArg(sv) as Value[];
    return makeFunction(S, applyAll(f, S));
  }),
  native2(
    'RestrictDomain',
    (fv, t) => {
      const f = fcnArg(fv);
      const test = opArg(t);
      const ok = domain(f).map((x) => boolResult(test.call([x])));
      return keep(f, (i) => ok[i]);
    },
    [1],
  ),
  native2(
    'RestrictValues',
    (fv, t) => {
      const f = fcnArg(fv);
      const test = opArg(t);
      const ok = values(f).map((x) => boolResult(test.call([x])));
      return keep(f, (i) => ok[i]);
    },
    [1],
  ),
  native2('IsRestriction', (nv, wv) => {
    // DOMAIN narrow \subseteq DOMAIN wide /\ \A x \in DOMAIN narrow \intersect DOMAIN wide : …
    const n = fcnArg(nv);
    const w = fcnArg(wv);
    const wide = domainSet(w);
    for (let i = 0; i < n.size(); i++) if (!wide.contains(n.domainAt(i))) return false;
    for (let i = 0; i < n.size(); i++)
      if (!equals(n.valueAt(i), w.valueAt(w.indexOf(n.domainAt(i))))) return false;
    return true;
  }),
  native1('Range', (fv) => SetValue.of(values(fcnArg(fv)))),
  nativeN(
    'Pointwise',
    3,
    ([fv, gv, t]) => {
      const f = fcnArg(fv);
      const g = fcnArg(gv);
      const op = opArg(t);
      const dom = domain(f);
      const gs = applyAll(g, dom);
      return makeFunction(
        dom,
        dom.map((_, i) => op.call([f.valueAt(i), gs[i]])),
      );
    },
    [2],
  ),
  nativeN('Inverse', 3, ([f, s, t]) => inverse(f, s, t)),
  native1('AntiFunction', (fv) => {
    const f = fcnArg(fv);
    return inverse(f, new SetValue(domain(f)), SetValue.of(values(f)));
  }),
  native1('IsInjective', (fv) => isInjective(values(fcnArg(fv)))),
  native2('Injection', (s, t) => SetValue.of(injections(elemsArg(s), elemsArg(t)))),
  native2('Bijection', (s, t) => {
    const S = elemsArg(s);
    const T = elemsArg(t);
    return S.length === T.length ? SetValue.of(injections(S, T)) : new SetValue([]);
  }),
  native2('ExistsInjection', (s, t) => elemsArg(s).length <= elemsArg(t).length),
  native2('ExistsSurjection', (s, t) => {
    const n = elemsArg(s).length;
    const m = elemsArg(t).length;
    return m === 0 ? n === 0 : n >= m;
  }),
  native2('ExistsBijection', (s, t) => elemsArg(s).length === elemsArg(t).length),
  nativeN(
    'FoldFunctionOnSet',
    4,
    ([op, base, fv, sv]) => foldFromRight(userOp2(op), base, applyAll(fcnArg(fv), elemsArg(sv))),
    [0],
  ),
  nativeN(
    'FoldFunction',
    3,
    ([op, base, fv]) => foldFromRight(userOp2(op), base, values(fcnArg(fv))),
    [0],
  ),
  native2('SumFunctionOnSet', (fv, sv) =>
    foldFromRight(plus, 0, applyAll(fcnArg(fv), elemsArg(sv))),
  ),
  native1('SumFunction', (fv) => foldFromRight(plus, 0, values(fcnArg(fv)))),
];
