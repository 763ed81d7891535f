/**
 * `S.oneOf()` where Quint's simulator samples S and we cannot enumerate it (Quint's
 * runtime/impl/nondet.ts picks one element of any set without listing it):
 *
 * - `Int.oneOf()` and `Nat.oneOf()`: an integer drawn uniformly from [-2^255, 2^255), its absolute
 *   value for Nat. Ours draws the same range from 32-bit random words (values beyond 32 bits are
 *   Quint's big integers, core/big-int.ts). So a guard such as `amount <= balance` almost never
 *   holds for a sampled amount, in Quint's tools as here.
 * - a finite set with more than SAMPLE_ABOVE elements (`0.to(2^256 - 1)`, `ADDR.setOfMaps(0.to(100))`):
 *   one element drawn uniformly, counted and built without enumerating the set: intervals
 *   (BigIntervalValue beyond 32 bits), sets of maps, tuples, records, powersets, built from sets
 *   that are themselves sampled the same way.
 *
 * Where the run samples (simulation, tests: EvalServices.sample) such a set is one sampled element;
 * an exhaustive check never samples: it enumerates, up to MAX_CHECKED elements, and beyond says
 * that it cannot (as for an infinite set).
 */
import {
  type Value,
  SetBase,
  SetValue,
  TupleValue,
  RecordValue,
  ValueError,
  makeFunction,
  notAMember,
  EMPTY_SET,
} from '../../core/values';
import type { NondetPick } from './types';
import {
  FcnSetValue,
  InfiniteSetValue,
  IntervalValue,
  ProductValue,
  RecordSetValue,
  SubsetValue,
} from '../../core/lazy-sets';
import { fromBig } from '../../core/big-int';

const TWO_255 = 1n << 255n;

/** Above this many elements, a set `oneOf` picks from is sampled where the run samples. */
export const SAMPLE_ABOVE = 10_000n;
/** Above this many elements, an exhaustive check refuses to enumerate a `oneOf` set. */
export const MAX_CHECKED = 1_000_000n;

/** `a.to(b)` with a bound beyond 32 bits and too many elements to list: membership and size. */
export class BigIntervalValue extends SetBase {
  declare readonly lo: bigint;
  declare readonly hi: bigint;
  constructor(lo: bigint, hi: bigint) {
    super();
    (this as { lo: bigint }).lo = lo;
    (this as { hi: bigint }).hi = hi;
  }
  contains(v: Value): boolean {
    if (typeof v !== 'number' && typeof v !== 'bigint')
      return notAMember(v, `${this.lo}.to(${this.hi})`);
    const b = BigInt(v);
    return b >= this.lo && b <= this.hi;
  }
  isFinite(): boolean {
    return true;
  }
  count(): bigint {
    return this.hi - this.lo + 1n;
  }
  override size(): number {
    return Number(this.count());
  }
  enumerate(): SetValue {
    throw new ValueError(
      `the interval ${this.lo}.to(${this.hi}) (${this.count()} elements) is too large to enumerate`,
    );
  }
}

/** A uniform integer in [0, 2^256) from eight random 32-bit words. */
function word256(nextUint32: () => number): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 32n) | BigInt(nextUint32() >>> 0);
  return v;
}

/** An integer in [0, n), n > 0: 64 bits more than n has, reduced (the bias is below 2^-64). */
function below(n: bigint, nextUint32: () => number): bigint {
  const words = Math.ceil(n.toString(2).length / 32) + 2;
  let v = 0n;
  for (let i = 0; i < words; i++) v = (v << 32n) | BigInt(nextUint32() >>> 0);
  return v % n;
}

/** A sample of Int or Nat as Quint's simulator draws it, or undefined for another set. */
export function sampleInfinite(set: SetBase, nextUint32: () => number): Value | undefined {
  if (!(set instanceof InfiniteSetValue)) return undefined;
  if (set.which !== 'Int' && set.which !== 'Nat') return undefined;
  const v = word256(nextUint32) - TWO_255;
  return fromBig(set.which === 'Nat' && v < 0n ? -v : v);
}

/**
 * The number of elements of a finite set, counted without enumerating it where it is built from
 * intervals, maps, tuples, records and powersets; an enumerated set's size otherwise.
 */
export function countOf(set: SetBase): bigint {
  if (set instanceof SetValue) return BigInt(set.elems.length);
  if (set instanceof IntervalValue) return BigInt(Math.max(0, set.hi - set.lo + 1));
  if (set instanceof BigIntervalValue) return set.count();
  if (set instanceof FcnSetValue) {
    const d = countOf(set.domain);
    if (d === 0n) return 1n;
    // A huge domain: its count as an exponent would not fit; more than anyone enumerates.
    if (d > 4096n) return countOf(set.range) > 1n ? MAX_CHECKED * MAX_CHECKED : 1n;
    return countOf(set.range) ** d;
  }
  if (set instanceof ProductValue) return set.sets.reduce((n, s) => n * countOf(s), 1n);
  if (set instanceof RecordSetValue) return set.sets.reduce((n, s) => n * countOf(s), 1n);
  if (set instanceof SubsetValue) {
    const b = countOf(set.base);
    return b > 4096n ? MAX_CHECKED * MAX_CHECKED : 2n ** b;
  }
  return BigInt(set.enumerate().elems.length);
}

/** One element of a finite set, drawn uniformly, built without enumerating the set where it can be. */
export function sampleFinite(set: SetBase, nextUint32: () => number): Value {
  if (set instanceof IntervalValue)
    return set.lo + Number(below(BigInt(set.hi - set.lo + 1), nextUint32));
  if (set instanceof BigIntervalValue) return fromBig(set.lo + below(set.count(), nextUint32));
  if (set instanceof FcnSetValue) {
    const dom = set.domain.enumerate().elems as Value[];
    return makeFunction(
      dom.slice(),
      dom.map(() => sampleFinite(set.range, nextUint32)),
    );
  }
  if (set instanceof ProductValue)
    return new TupleValue(set.sets.map((s) => sampleFinite(s, nextUint32)));
  if (set instanceof RecordSetValue)
    return new RecordValue(
      set.names,
      set.sets.map((s) => sampleFinite(s, nextUint32)),
    );
  if (set instanceof SubsetValue)
    return SetValue.sorted(
      set.base.enumerate().elems.filter(() => (nextUint32() & 1) === 1) as Value[],
    );
  const elems = set.enumerate().elems;
  if (elems.length === 0) throw new ValueError('oneOf on an empty set');
  return elems[Number(below(BigInt(elems.length), nextUint32))];
}

/**
 * The set `S.oneOf()` picks from (quint::oneOf): where the run samples (`nextUint32` given), one
 * sampled element of an infinite Int / Nat or of a set beyond SAMPLE_ABOVE elements, else S; where
 * it enumerates, S up to MAX_CHECKED elements, else the error `cannot(what)` (what S is).
 */
export function oneOfSet(
  set: SetBase,
  nextUint32: (() => number) | undefined,
  cannot: (what: string) => string,
): SetBase {
  if (!set.isFinite()) {
    const sampled = nextUint32 ? sampleInfinite(set, nextUint32) : undefined;
    if (sampled === undefined)
      throw new ValueError(
        cannot(`the infinite set ${set instanceof InfiniteSetValue ? set.which : 'here'}`),
      );
    return new SetValue([sampled]);
  }
  if (set instanceof SetValue) return set;
  const n = countOf(set);
  if (nextUint32 && n > SAMPLE_ABOVE) return new SetValue([sampleFinite(set, nextUint32)]);
  if (n > MAX_CHECKED) throw new ValueError(cannot(`a set of ${n} elements`));
  return set;
}

/**
 * The set `S.oneOf()` picks from where a trace is replayed with its recorded picks: the recorded
 * element if S has it (tested without enumerating S where the pick is a plain value, so
 * `Int.oneOf()` replays), else the empty set; the empty set where the step made no pick there.
 */
export function pickedSet(
  set: SetBase,
  pick: NondetPick,
  cannot: (what: string) => string,
): SetBase {
  if (pick === 'none') return EMPTY_SET;
  if (pick.value !== undefined)
    return has(set, pick.value) ? new SetValue([pick.value]) : EMPTY_SET;
  if (pick.candidate !== undefined && has(set, pick.candidate))
    return new SetValue([pick.candidate]);
  const elems = oneOfSet(set, undefined, cannot)
    .enumerate()
    .elems.filter((e) => pick.matches(e));
  return elems.length ? new SetValue(elems) : EMPTY_SET;
}

/** `v \in set`, false where v is not comparable with the set's elements (another type). */
function has(set: SetBase, v: Value): boolean {
  try {
    return set.contains(v);
  } catch (e) {
    if (e instanceof ValueError) return false;
    throw e;
  }
}
