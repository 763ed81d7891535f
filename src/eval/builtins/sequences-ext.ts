/**
 * SequencesExt (Community Modules). TLC evaluates the module's TLA+ definitions (the Community
 * Modules' Java overrides are not part of it), so each native here computes what its definition
 * gives, for sequences (tuples); other arguments (strings, functions that are not sequences,
 * indices out of range, …) are left to the definition (natives.ts).
 */
import {
  type Value,
  SetValue,
  TupleValue,
  EMPTY_TUPLE,
  SetBase,
  equals,
  compare,
  makeFunction,
  isSet,
  isFunction,
} from '../../core/values';
import type { Builtin } from './types';
import {
  native1,
  native2,
  nativeN,
  fcnArg,
  seqArg,
  elemsArg,
  intArg,
  opArg,
  boolResult,
  useDefinition,
  seq,
} from './natives';

/** TLC's SubSeq on a sequence; out of range is the definition's error. */
function subSeq(e: readonly Value[], m: number, n: number): Value[] {
  if (m > n) return [];
  if (m < 1 || n > e.length) useDefinition();
  return e.slice(m - 1, n);
}

function indexOfSub(s: readonly Value[], t: readonly Value[], from = 0): number {
  outer: for (let i = from; i + s.length <= t.length; i++) {
    for (let k = 0; k < s.length; k++) if (!equals(s[k], t[i + k])) continue outer;
    return i;
  }
  return -1;
}

function isPrefix(s: readonly Value[], t: readonly Value[]): boolean {
  if (s.length > t.length) return false;
  for (let i = 0; i < s.length; i++) if (!equals(s[i], t[i])) return false;
  return true;
}

/** Test(x) for every element, each a boolean (the definitions evaluate them all). */
function tests(test: Value, e: readonly Value[]): boolean[] {
  const op = opArg(test);
  return e.map((x) => boolResult(op.call([x])));
}

/** The domain of a function whose keys are all integers (FoldLeft / FoldRight take Max / Min of it). */
function intKeyed(v: Value): { keys: number[]; vals: Value[] } {
  const f = fcnArg(v);
  const keys: number[] = [];
  const vals: Value[] = [];
  for (let i = 0; i < f.size(); i++) {
    const k = f.domainAt(i);
    if (typeof k !== 'number') useDefinition();
    keys.push(k);
    vals.push(f.valueAt(i));
  }
  return { keys, vals };
}

function foldLeft(op: Value, base: Value, items: readonly Value[]): Value {
  const f = opArg(op);
  let acc = base;
  for (const x of items) acc = f.call([acc, x]);
  return acc;
}

function foldRight(op: Value, items: readonly Value[], base: Value): Value {
  const f = opArg(op);
  let acc = base;
  for (let i = items.length - 1; i >= 0; i--) acc = f.call([items[i], acc]);
  return acc;
}

function permutations(elems: readonly Value[]): Value[] {
  const out: Value[] = [];
  const used = new Array<boolean>(elems.length).fill(false);
  const acc: Value[] = [];
  const go = (): void => {
    if (acc.length === elems.length) {
      out.push(new TupleValue(acc.slice()));
      return;
    }
    for (let i = 0; i < elems.length; i++) {
      if (used[i]) continue;
      used[i] = true;
      acc.push(elems[i]);
      go();
      acc.pop();
      used[i] = false;
    }
  };
  go();
  return out;
}

/**
 * `BoundedSeq(S, n)` (= `SeqOf(S, n)`): the sequences of at most n elements of S. Membership is
 * decided without enumerating the set (a type invariant `q \in BoundedSeq(Msg, N)` is common).
 */
export class BoundedSeqSetValue extends SetBase {
  declare private cached: SetValue | undefined;
  constructor(
    readonly base: SetBase,
    readonly max: number,
  ) {
    super();
  }
  contains(v: Value): boolean {
    if (!isFunction(v)) return false;
    const n = v.size();
    if (n > this.max) return false;
    for (let i = 0; i < n; i++)
      if (v.domainAt(i) !== i + 1 || !this.base.contains(v.valueAt(i))) return false;
    return true;
  }
  isFinite(): boolean {
    return true;
  }
  enumerate(): SetValue {
    if (this.cached) return this.cached;
    const elems = this.base.enumerate().elems;
    const out: Value[] = [];
    let level: Value[][] = [[]];
    for (let m = 0; m <= this.max; m++) {
      for (const s of level) out.push(new TupleValue(s));
      if (m === this.max) break;
      const next: Value[][] = [];
      for (const s of level) for (const x of elems) next.push([...s, x]);
      level = next;
      if (elems.length === 0) break;
    }
    this.cached = SetValue.sorted(out);
    return this.cached;
  }
}

function boundedSeq(set: Value, n: Value): Value {
  const max = intArg(n);
  if (!isSet(set) || !set.isFinite()) useDefinition();
  if (max < 0) return new SetValue([]);
  return new BoundedSeqSetValue(set as SetBase, max);
}

export const sequencesExtNatives: Builtin[] = [
  native1('ToSet', (s) => {
    const f = fcnArg(s);
    const out: Value[] = [];
    for (let i = 0; i < f.size(); i++) out.push(f.valueAt(i));
    return SetValue.of(out);
  }),
  native1('ToBag', (s) => {
    const f = fcnArg(s);
    const vals: Value[] = [];
    for (let i = 0; i < f.size(); i++) vals.push(f.valueAt(i));
    vals.sort(compare);
    const keys: Value[] = [];
    const counts: Value[] = [];
    for (const v of vals) {
      if (keys.length > 0 && compare(keys[keys.length - 1], v) === 0)
        (counts[counts.length - 1] as number)++;
      else {
        keys.push(v);
        counts.push(1);
      }
    }
    return makeFunction(keys, counts);
  }),
  native1('SetToSeq', (s) => seq(elemsArg(s).slice())),
  native1('SetToSeqs', (s) => SetValue.of(permutations(elemsArg(s)))),
  native2('SeqOf', boundedSeq),
  native2('BoundedSeq', boundedSeq),
  native2('Contains', (s, e) => seqArg(s).some((x) => equals(x, e))),
  native2(
    'IsSorted',
    (s, o) => {
      const e = seqArg(s);
      const op = opArg(o);
      for (let i = 0; i < e.length; i++)
        for (let j = i + 1; j < e.length; j++) if (!boolResult(op.call([e[i], e[j]]))) return false;
      return true;
    },
    [1],
  ),
  native1('Reverse', (s) => seq(seqArg(s).slice().reverse())),
  native2('Remove', (s, e) => seq(seqArg(s).filter((x) => !equals(x, e)))),
  nativeN('ReplaceAll', 3, ([s, old, nu]) => seq(seqArg(s).map((x) => (equals(x, old) ? nu : x)))),
  native2('SelectInSeq', (s, t) => tests(t, seqArg(s)).indexOf(true) + 1, [1]),
  native2('SelectLastInSeq', (s, t) => tests(t, seqArg(s)).lastIndexOf(true) + 1, [1]),
  nativeN(
    'SelectInSubSeq',
    4,
    ([s, from, to, t]) => tests(t, subSeq(seqArg(s), intArg(from), intArg(to))).indexOf(true) + 1,
    [3],
  ),
  nativeN(
    'SelectLastInSubSeq',
    4,
    ([s, from, to, t]) =>
      tests(t, subSeq(seqArg(s), intArg(from), intArg(to))).lastIndexOf(true) + 1,
    [3],
  ),
  nativeN('InsertAt', 3, ([s, i, e]) => {
    const xs = seqArg(s);
    const k = intArg(i);
    if (k < 1 || k > xs.length + 1) useDefinition();
    return seq([...xs.slice(0, k - 1), e, ...xs.slice(k - 1)]);
  }),
  nativeN('ReplaceAt', 3, ([s, i, e]) => {
    const xs = seqArg(s);
    const k = intArg(i);
    if (k < 1 || k > xs.length) useDefinition();
    const out = xs.slice();
    out[k - 1] = e;
    return seq(out);
  }),
  native2('RemoveAt', (s, i) => {
    const xs = seqArg(s);
    const k = intArg(i);
    if (k < 1 || k > xs.length) useDefinition();
    return seq([...xs.slice(0, k - 1), ...xs.slice(k)]);
  }),
  native2('RemoveFirst', (s, e) => {
    const xs = seqArg(s);
    const k = xs.findIndex((x) => equals(x, e));
    return k < 0 ? s : seq([...xs.slice(0, k), ...xs.slice(k + 1)]);
  }),
  native2(
    'RemoveFirstMatch',
    (s, t) => {
      const xs = seqArg(s);
      const k = tests(t, xs).indexOf(true);
      return k < 0 ? s : seq([...xs.slice(0, k), ...xs.slice(k + 1)]);
    },
    [1],
  ),
  native2('Cons', (e, s) => seq([e, ...seqArg(s)])),
  native2('Snoc', (e, s) => seq([...seqArg(s), e])),
  native1('Front', (s) => seq(seqArg(s).slice(0, -1))),
  native1('Last', (s) => {
    const xs = seqArg(s);
    return xs.length > 0 ? xs[xs.length - 1] : useDefinition();
  }),
  native2('IsPrefix', (s, t) => isPrefix(seqArg(s), seqArg(t))),
  native2('IsStrictPrefix', (s, t) => isPrefix(seqArg(s), seqArg(t)) && !equals(s, t)),
  native2('IsSuffix', (s, t) => isPrefix(seqArg(s).slice().reverse(), seqArg(t).slice().reverse())),
  native2(
    'IsStrictSuffix',
    (s, t) => isPrefix(seqArg(s).slice().reverse(), seqArg(t).slice().reverse()) && !equals(s, t),
  ),
  native1('Prefixes', (s) => {
    const xs = seqArg(s);
    return SetValue.of(xs.map((_, i) => seq(xs.slice(0, i + 1))).concat([EMPTY_TUPLE]));
  }),
  native1('Suffixes', (s) => {
    const xs = seqArg(s);
    return SetValue.of(xs.map((_, i) => seq(xs.slice(i))).concat([EMPTY_TUPLE]));
  }),
  native1('CommonPrefixes', (set) => {
    const seqs = elemsArg(set).map(seqArg);
    if (seqs.length === 0) return new SetValue([]);
    const lcp = longestCommonPrefix(seqs);
    return SetValue.of(Array.from({ length: lcp.length + 1 }, (_, i) => seq(lcp.slice(0, i))));
  }),
  native1('LongestCommonPrefix', (set) => {
    const seqs = elemsArg(set).map(seqArg);
    return seqs.length === 0 ? useDefinition() : seq(longestCommonPrefix(seqs));
  }),
  native2('SeqMod', (a, b) => {
    const x = intArg(a);
    const m = intArg(b);
    if (m <= 0) useDefinition();
    const r = ((x % m) + m) % m;
    return r === 0 ? m : r;
  }),
  nativeN(
    'FoldSeq',
    3,
    ([op, base, s]) => {
      const f = fcnArg(s);
      const vals: Value[] = [];
      for (let i = 0; i < f.size(); i++) vals.push(f.valueAt(i));
      return foldRight(op, vals, base);
    },
    [0],
  ),
  nativeN('FoldLeft', 3, ([op, base, s]) => foldLeft(op, base, intKeyed(s).vals), [0]),
  nativeN('FoldRight', 3, ([op, s, base]) => foldRight(op, intKeyed(s).vals, base), [0]),
  nativeN('FoldLeftDomain', 3, ([op, base, s]) => foldLeft(op, base, intKeyed(s).keys), [0]),
  nativeN('FoldRightDomain', 3, ([op, s, base]) => foldRight(op, intKeyed(s).keys, base), [0]),
  native1('FlattenSeq', (s) => {
    const xs = seqArg(s);
    if (xs.length === 0) return s;
    const out: Value[] = [];
    for (const x of xs) out.push(...seqArg(x));
    return seq(out);
  }),
  native2('Zip', (s, t) => {
    const xs = seqArg(s);
    const ys = seqArg(t);
    const n = Math.min(xs.length, ys.length);
    return seq(Array.from({ length: n }, (_, i) => seq([xs[i], ys[i]])));
  }),
  native2('Interleave', (s, t) => {
    const xs = seqArg(s);
    const ys = seqArg(t);
    if (xs.length !== ys.length) useDefinition();
    if (xs.length === 0) return seq([EMPTY_TUPLE, EMPTY_TUPLE]);
    const out: Value[] = [];
    for (let i = 0; i < xs.length; i++) out.push(seq([xs[i]]), seq([ys[i]]));
    return seq(out);
  }),
  native1('SubSeqs', (s) => {
    const xs = seqArg(s);
    const out: Value[] = [EMPTY_TUPLE];
    for (let i = 0; i < xs.length; i++)
      for (let j = i + 1; j <= xs.length; j++) out.push(seq(xs.slice(i, j)));
    return SetValue.of(out);
  }),
  native1('AllSubSeqs', (s) => {
    // FoldFunction(Snoc, <<>>, [i \in D |-> s[i]]) appends the largest index first.
    const f = fcnArg(s);
    const n = f.size();
    if (n > 24) useDefinition();
    const out: Value[] = [];
    for (let mask = 0; mask < 2 ** n; mask++) {
      const e: Value[] = [];
      for (let i = n - 1; i >= 0; i--) if (mask & (1 << i)) e.push(f.valueAt(i));
      out.push(seq(e));
    }
    return SetValue.of(out);
  }),
  native2('IndexFirstSubSeq', (s, t) => {
    const i = indexOfSub(seqArg(s), seqArg(t));
    return i < 0 ? useDefinition() : i + 1;
  }),
  nativeN('ReplaceSubSeqAt', 4, ([i, r, s, t]) => {
    const k = intArg(i);
    const ts = seqArg(t);
    const len = seqArg(s).length;
    return seq([...subSeq(ts, 1, k - 1), ...seqArg(r), ...subSeq(ts, k + len, ts.length)]);
  }),
  nativeN('ReplaceFirstSubSeq', 3, ([r, s, t]) => {
    if (typeof r === 'string' && typeof s === 'string' && typeof t === 'string') {
      const i = t.indexOf(s);
      return i < 0 ? t : t.slice(0, i) + r + t.slice(i + s.length);
    }
    const ts = seqArg(t);
    const ss = seqArg(s);
    const i = indexOfSub(ss, ts);
    if (i < 0) return t;
    return seq([...ts.slice(0, i), ...seqArg(r), ...ts.slice(i + ss.length)]);
  }),
  nativeN('ReplaceAllSubSeqs', 3, ([r, s, t]) => {
    if (equals(s, t)) return r;
    if (equals(r, s)) return t;
    const ts = seqArg(t);
    const ss = seqArg(s);
    const rs = seqArg(r);
    if (ss.length === 0) {
      const out: Value[] = [];
      for (const x of ts) out.push(...rs, x);
      return seq(out);
    }
    // The definition picks the most matches, leftmost first: non-overlapping, from the left.
    let i = indexOfSub(ss, ts);
    if (i < 0) return t;
    const out: Value[] = [];
    let from = 0;
    while (i >= 0) {
      out.push(...ts.slice(from, i), ...rs);
      from = i + ss.length;
      i = indexOfSub(ss, ts, from);
    }
    out.push(...ts.slice(from));
    return seq(out);
  }),
];

function longestCommonPrefix(seqs: (readonly Value[])[]): Value[] {
  let n = Math.min(...seqs.map((s) => s.length));
  for (const s of seqs) {
    let k = 0;
    while (k < n && equals(s[k], seqs[0][k])) k++;
    n = k;
  }
  return seqs[0].slice(0, n);
}
