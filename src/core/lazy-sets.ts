/**
 * Sets that are not enumerated until they must be: large or infinite sets keep membership without
 * enumeration (`x \in Nat`, `f \in [S -> T]`, `s \in Seq(S)`), and enumerate lazily and once.
 */
import {
  type Value,
  SetBase,
  SetValue,
  ValueError,
  FunctionBase,
  TupleValue,
  RecordValue,
  EMPTY_SET,
  isSet,
  isFunction,
  makeFunction,
  setInfiniteSetEquality,
  equals,
  notAMember,
  describeValue,
} from './values';

/** Above this many elements an enumeration is refused instead of exhausting memory. */
export const MAX_ENUMERATION = 50_000_000;

/** Sets of at least this many elements are streamed, not built, where a caller can take a stream. */
export const STREAM_AT_LEAST = 1 << 16;

abstract class FiniteLazySet extends SetBase {
  declare private cached: SetValue | undefined;
  isFinite(): boolean {
    return true;
  }
  enumerate(): SetValue {
    if (!this.cached) this.cached = this.build();
    return this.cached;
  }
  protected abstract build(): SetValue;
  /**
   * The elements in canonical order (as `enumerate` gives them) handed to `f` one by one as they
   * are made, none kept, until `f` returns false; undefined where this kind of set does not
   * stream. Throws the errors `enumerate` would before the first element.
   */
  protected streamer(): ((f: (v: Value) => boolean) => void) | undefined {
    return undefined;
  }
  /**
   * A stream of the elements (see `streamer`) when the set has at least `atLeast` elements and is
   * not built yet; otherwise undefined, and the caller enumerates. So `x \in [Nodes -> BOOLEAN]`
   * with millions of functions does not build (and sort, and keep) them all before the search's
   * first state, which is where the search watches its memory budget.
   */
  stream(atLeast = STREAM_AT_LEAST): ((f: (v: Value) => boolean) => void) | undefined {
    if (this.cached || this.size() < atLeast) return undefined;
    return this.streamer();
  }
}

/** `stream` of a lazy set that can stream (see FiniteLazySet), or undefined. */
export function streamOf(
  v: Value,
  atLeast = STREAM_AT_LEAST,
): ((f: (v: Value) => boolean) => void) | undefined {
  return v instanceof FiniteLazySet ? v.stream(atLeast) : undefined;
}

/** `a..b` */
export class IntervalValue extends FiniteLazySet {
  declare readonly lo: number;
  declare readonly hi: number;
  constructor(lo: number, hi: number) {
    super();
    (this as { lo: number }).lo = lo;
    (this as { hi: number }).hi = hi;
  }
  contains(v: Value): boolean {
    if (typeof v !== 'number')
      // A bigint (a Quint integer beyond 32 bits) is outside every interval of numbers.
      return typeof v === 'bigint' ? false : notAMember(v, `${this.lo}..${this.hi}`);
    return v >= this.lo && v <= this.hi;
  }
  override size(): number {
    return Math.max(0, this.hi - this.lo + 1);
  }
  protected build(): SetValue {
    const n = this.size();
    if (n > MAX_ENUMERATION)
      throw new ValueError(`the interval ${this.lo}..${this.hi} is too large to enumerate`);
    const elems = new Array<Value>(n);
    for (let i = 0; i < n; i++) elems[i] = this.lo + i;
    return new SetValue(elems);
  }
}

/** `SUBSET S` */
export class SubsetValue extends FiniteLazySet {
  declare readonly base: SetBase;
  constructor(base: SetBase) {
    super();
    (this as { base: SetBase }).base = base;
  }
  contains(v: Value): boolean {
    // Not even a model value is compared with SUBSET S's elements: TLC's error.
    if (!isSet(v))
      throw new ValueError(
        `Attempted to check whether ${describeValue(v)} is an element of SUBSET S, a set of sets`,
      );
    for (const e of v.enumerate().elems) if (!this.base.contains(e)) return false;
    return true;
  }
  override size(): number {
    return 2 ** this.base.size();
  }
  private baseElems(): readonly Value[] {
    const base = this.base.enumerate().elems;
    if (base.length > 25)
      throw new ValueError(`SUBSET of a set of ${base.length} elements is too large to enumerate`);
    return base;
  }
  /** Canonical order: by size, then the subsets of each size in lexicographic order. */
  protected override streamer(): (f: (v: Value) => boolean) => void {
    const base = this.baseElems();
    return (f) => {
      const n = base.length;
      for (let k = 0; k <= n; k++) {
        const at = Array.from({ length: k }, (_, i) => i);
        for (;;) {
          if (!f(new SetValue(at.map((i) => base[i])))) return;
          let p = k - 1;
          while (p >= 0 && at[p] === n - k + p) p--;
          if (p < 0) break;
          at[p]++;
          for (let q = p + 1; q < k; q++) at[q] = at[q - 1] + 1;
        }
      }
    };
  }
  protected build(): SetValue {
    const out: Value[] = [];
    this.streamer()((v) => {
      out.push(v);
      return true;
    });
    // In canonical order already: sorting 2^n sets took most of the time of a large SUBSET.
    return new SetValue(out);
  }
}

/**
 * `[x \in S |-> e]` over an infinite S (`[n \in Nat |-> 2 * n]`): applied point by point, as
 * TLC's FcnLambdaValue is. What needs the whole function (equality, printing, a state's
 * fingerprint, EXCEPT) is an error, as in TLC.
 */
export class LazyFunctionValue extends FunctionBase {
  declare readonly domainSet: SetBase;
  declare readonly at: (key: Value) => Value;
  constructor(domainSet: SetBase, at: (key: Value) => Value) {
    super();
    (this as { domainSet: SetBase }).domainSet = domainSet;
    (this as { at: (key: Value) => Value }).at = at;
  }
  protected whole(): never {
    throw new ValueError(
      'a function with an infinite domain can only be applied: it cannot be compared, printed, updated or kept in a state',
    );
  }
  size(): number {
    return this.whole();
  }
  domainAt(): Value {
    return this.whole();
  }
  valueAt(): Value {
    return this.whole();
  }
  indexOf(): number {
    return this.whole();
  }
  override apply(key: Value): Value | undefined {
    return this.domainSet.contains(key) ? this.at(key) : undefined;
  }
  /** DOMAIN of the function (TLC gives the set without evaluating the body). */
  domain(): SetBase {
    return this.domainSet;
  }
  /** `[f EXCEPT ![key] = v]`, still applied point by point (`key` is in the domain). */
  except(key: Value, v: Value): FunctionBase {
    const at = this.at;
    return new LazyFunctionValue(this.domainSet, (k) => (equals(k, key) ? v : at(k)));
  }
}

/**
 * `[x \in S |-> e]` over a finite S where e fails at some point. TLC's FcnLambdaValue evaluates e
 * only at the points where the function is applied, so the failure shows when such a point is
 * applied, or when the whole function is needed (equality, printing, a state's fingerprint,
 * EXCEPT): then it is thrown again. The body is evaluated at each application (as TLC does);
 * DOMAIN is the set S.
 */
export class PartialFunctionValue extends LazyFunctionValue {
  constructor(
    domainSet: SetBase,
    at: (key: Value) => Value,
    private readonly failure: unknown,
  ) {
    super(domainSet, at);
  }
  protected override whole(): never {
    throw this.failure;
  }
  /** TLC makes the whole function for DOMAIN: it fails as the body does. */
  override domain(): SetBase {
    return this.whole();
  }
  /**
   * As TLC's EXCEPT of a FcnLambdaValue: the update is kept and the rest stays lazy; when the
   * update replaces the failing point, the function is whole again (an ordinary value).
   */
  override except(key: Value, v: Value): FunctionBase {
    const at = this.at;
    const next = (k: Value): Value => (equals(k, key) ? v : at(k));
    const dom = this.domainSet.enumerate().elems;
    const vals = new Array<Value>(dom.length);
    for (let i = 0; i < dom.length; i++) {
      try {
        vals[i] = next(dom[i]);
      } catch (e) {
        return new PartialFunctionValue(this.domainSet, next, e);
      }
    }
    return makeFunction(dom.slice(), vals);
  }
}

/** `[S -> T]` */
export class FcnSetValue extends FiniteLazySet {
  declare readonly domain: SetBase;
  declare readonly range: SetBase;
  constructor(domain: SetBase, range: SetBase) {
    super();
    (this as { domain: SetBase }).domain = domain;
    (this as { range: SetBase }).range = range;
  }
  override isFinite(): boolean {
    return this.domain.isFinite() && (this.range.isFinite() || this.domain.size() === 0);
  }
  contains(v: Value): boolean {
    if (!isFunction(v)) return notAMember(v, '[S -> T]');
    const dom = this.domain.enumerate().elems;
    if (v.size() !== dom.length) return false;
    for (let i = 0; i < dom.length; i++) {
      if (!equals(v.domainAt(i), dom[i])) return false;
      if (!this.range.contains(v.valueAt(i))) return false;
    }
    return true;
  }
  override size(): number {
    return this.range.size() ** this.domain.size();
  }
  /** The functions in canonical order, the last argument's value varying fastest. */
  protected override streamer(): (f: (v: Value) => boolean) => void {
    const dom = this.domain.enumerate().elems as Value[];
    const rng = this.range.enumerate().elems;
    const total = rng.length ** dom.length;
    if (total > MAX_ENUMERATION)
      throw new ValueError(`the function set has ${total} elements, too many to enumerate`);
    return (f) => {
      if (dom.length > 0 && rng.length === 0) return;
      const idx = new Array<number>(dom.length).fill(0);
      for (;;) {
        if (
          !f(
            makeFunction(
              dom,
              idx.map((k) => rng[k]),
            ),
          )
        )
          return;
        let p = dom.length - 1;
        while (p >= 0 && ++idx[p] === rng.length) idx[p--] = 0;
        if (p < 0) break;
      }
    };
  }
  protected build(): SetValue {
    const out: Value[] = [];
    this.streamer()((v) => {
      out.push(v);
      return true;
    });
    return out.length === 0 ? EMPTY_SET : SetValue.sorted(out);
  }
}

/** `[a : S, b : T]` */
export class RecordSetValue extends FiniteLazySet {
  /** `names` sorted, `sets` aligned with them. */
  declare readonly names: string[];
  declare readonly sets: SetBase[];
  constructor(names: string[], sets: SetBase[]) {
    super();
    (this as { names: string[] }).names = names;
    (this as { sets: SetBase[] }).sets = sets;
  }
  override isFinite(): boolean {
    return this.sets.every((s) => s.isFinite());
  }
  contains(v: Value): boolean {
    if (!isFunction(v)) return notAMember(v, 'a set of records');
    // TLC reads the value as a record first: a function on other values than strings is an error.
    if (v.size() > 0 && typeof v.domainAt(0) !== 'string') return notAMember(v, 'a set of records');
    if (v.size() !== this.names.length) return false;
    for (let i = 0; i < this.names.length; i++) {
      if (v.domainAt(i) !== this.names[i]) return false;
      if (!this.sets[i].contains(v.valueAt(i))) return false;
    }
    return true;
  }
  protected build(): SetValue {
    const lists = this.sets.map((s) => s.enumerate().elems);
    const out: Value[] = [];
    cartesian(lists, (vals) => out.push(new RecordValue(this.names, vals)));
    return SetValue.sorted(out);
  }
}

/** `S \X T \X …` */
export class ProductValue extends FiniteLazySet {
  declare readonly sets: SetBase[];
  constructor(sets: SetBase[]) {
    super();
    (this as { sets: SetBase[] }).sets = sets;
  }
  override isFinite(): boolean {
    return this.sets.every((s) => s.isFinite());
  }
  contains(v: Value): boolean {
    if (!(v instanceof TupleValue) || v.elems.length !== this.sets.length) {
      if (!isFunction(v)) return notAMember(v, 'a set of tuples');
      // As TLC: a function on other values than integers (a record) is an error, whatever its size.
      for (let i = 0; i < v.size(); i++) equals(v.domainAt(i), i + 1);
      if (v.size() !== this.sets.length) return false;
    }
    const f = v as FunctionBase;
    for (let i = 0; i < this.sets.length; i++) {
      // As TLC: a domain of other values than integers cannot be compared with 1..n (an error).
      if (!equals(f.domainAt(i), i + 1)) return false;
      if (!this.sets[i].contains(f.valueAt(i))) return false;
    }
    return true;
  }
  protected build(): SetValue {
    const lists = this.sets.map((s) => s.enumerate().elems);
    const out: Value[] = [];
    cartesian(lists, (vals) => out.push(new TupleValue(vals)));
    return SetValue.sorted(out);
  }
}

function cartesian(lists: (readonly Value[])[], emit: (vals: Value[]) => void): void {
  if (lists.some((l) => l.length === 0)) return;
  const idx = new Array<number>(lists.length).fill(0);
  for (;;) {
    emit(idx.map((k, i) => lists[i][k]));
    let p = lists.length - 1;
    while (p >= 0 && ++idx[p] === lists[p].length) idx[p--] = 0;
    if (p < 0) break;
  }
}

/** `S \ T` where S is infinite (`Nat \ {0}`): membership only. */
export class DiffSetValue extends SetBase {
  declare readonly left: SetBase;
  declare readonly right: SetBase;
  constructor(left: SetBase, right: SetBase) {
    super();
    (this as { left: SetBase }).left = left;
    (this as { right: SetBase }).right = right;
  }
  contains(v: Value): boolean {
    return this.left.contains(v) && !this.right.contains(v);
  }
  isFinite(): boolean {
    return false;
  }
  enumerate(): SetValue {
    throw new ValueError('an infinite set difference cannot be enumerated');
  }
}

/** `S \cup T` where either is infinite: membership only. */
/**
 * `S \cup T` and `UNION {S, T, …}` where a part is infinite (or too lazy to enumerate):
 * membership part by part.
 */
export class UnionSetValue extends SetBase {
  declare readonly parts: SetBase[];
  constructor(parts: SetBase[]) {
    super();
    (this as { parts: SetBase[] }).parts = parts;
  }
  contains(v: Value): boolean {
    return this.parts.some((p) => p.contains(v));
  }
  isFinite(): boolean {
    return this.parts.every((p) => p.isFinite());
  }
  enumerate(): SetValue {
    const infinite = this.parts.find((p) => !p.isFinite());
    if (infinite) throw new ValueError('a union with an infinite part cannot be enumerated');
    const all: Value[] = [];
    for (const p of this.parts) for (const e of p.enumerate().elems) all.push(e);
    return SetValue.sorted(all);
  }
}

/**
 * `{x \in S : P}` over a large finite S (`[D -> D]`, `SUBSET S`, a product, a record set), as
 * TLC's SetPredValue: membership tests x \in S and P(x) without enumerating S; S is filtered only
 * when the set must be enumerated (and then once).
 */
export class FiniteFilterSetValue extends FiniteLazySet {
  declare readonly base: SetBase;
  declare readonly pred: (v: Value) => boolean;
  constructor(base: SetBase, pred: (v: Value) => boolean) {
    super();
    (this as { base: SetBase }).base = base;
    (this as { pred: (v: Value) => boolean }).pred = pred;
  }
  contains(v: Value): boolean {
    return this.base.contains(v) && this.pred(v);
  }
  protected build(): SetValue {
    // A subsequence of a sorted list stays sorted.
    return new SetValue(this.base.enumerate().elems.filter((x) => this.pred(x)));
  }
}

/** `{x \in S : P}` over an infinite S: membership only, through the predicate. */
export class FilterSetValue extends SetBase {
  constructor(
    readonly base: SetBase,
    readonly pred: (v: Value) => boolean,
  ) {
    super();
  }
  contains(v: Value): boolean {
    return this.base.contains(v) && this.pred(v);
  }
  isFinite(): boolean {
    return false;
  }
  enumerate(): SetValue {
    throw new ValueError('a set {x \\in S : P} over an infinite S cannot be enumerated');
  }
}

/** Nat, Int, Real, STRING: infinite, membership only. */
export class InfiniteSetValue extends SetBase {
  declare readonly which: 'Nat' | 'Int' | 'Real' | 'STRING';
  constructor(which: 'Nat' | 'Int' | 'Real' | 'STRING') {
    super();
    (this as { which: 'Nat' | 'Int' | 'Real' | 'STRING' }).which = which;
  }
  contains(v: Value): boolean {
    switch (this.which) {
      case 'Nat':
        if (typeof v === 'bigint') return v > 0n;
        return typeof v === 'number' ? v >= 0 : notAMember(v, 'Nat');
      case 'Int':
      case 'Real':
        return typeof v === 'number' || typeof v === 'bigint' || notAMember(v, this.which);
      case 'STRING':
        return typeof v === 'string' || notAMember(v, 'STRING');
    }
  }
  isFinite(): boolean {
    return false;
  }
  enumerate(): SetValue {
    throw new ValueError(`the set ${this.which} is infinite and cannot be enumerated`);
  }
}

/** `Seq(S)`: infinite; membership only. */
export class SeqSetValue extends SetBase {
  declare readonly base: SetBase;
  constructor(base: SetBase) {
    super();
    (this as { base: SetBase }).base = base;
  }
  contains(v: Value): boolean {
    if (!isFunction(v)) return notAMember(v, 'Seq(S)');
    const n = v.size();
    for (let i = 0; i < n; i++) {
      // TLC reads the value as a sequence first: a function on another domain is an error.
      if (v.domainAt(i) !== i + 1)
        throw new ValueError(
          `Attempted to check whether ${describeValue(v)} is an element of Seq(S): it is not a sequence`,
        );
      if (!this.base.contains(v.valueAt(i))) return false;
    }
    return true;
  }
  /** Never enumerated, even `Seq({})` (= {<<>>}), as TLC never enumerates Seq(S). */
  isFinite(): boolean {
    return false;
  }
  enumerate(): SetValue {
    throw new ValueError('Seq(S) is infinite and cannot be enumerated');
  }
}

export const NAT = new InfiniteSetValue('Nat');
export const INT = new InfiniteSetValue('Int');
export const REAL = new InfiniteSetValue('Real');
export const STRING_SET = new InfiniteSetValue('STRING');

setInfiniteSetEquality((a, b) => {
  if (a instanceof InfiniteSetValue && b instanceof InfiniteSetValue) {
    if (a.which === b.which) return true;
    throw new ValueError(`Attempted to compare the infinite sets ${a.which} and ${b.which}`);
  }
  if (a instanceof SeqSetValue && b instanceof SeqSetValue) return equals(a.base, b.base);
  throw new ValueError('cannot decide the equality of these infinite sets');
});
