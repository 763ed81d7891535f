/**
 * TLA+ values as TLC sees them. Immutable; each kind has a canonical form so that equal values are
 * structurally identical and hash equal:
 * - booleans, integers and strings are JavaScript primitives (cheap, and `===` is equality);
 *   integers are numbers in TLC's 32-bit range; only a Quint model's integers go beyond, as
 *   `bigint`s, never for an integer inside the range (big-int.ts);
 * - model values are interned `ModelValue`s;
 * - every function is a function: a `TupleValue` (domain 1..n), a `RecordValue` (domain a set of
 *   strings) and a general `FcnValue` compare, print and hash as the same function would, so
 *   `<<1, 2>> = [i \in 1..2 |-> i]` holds as in TLC;
 * - sets extend `SetBase`: `SetValue` is an enumerated set whose elements are sorted by `compare`
 *   and distinct; lazy sets (intervals, SUBSET, [S -> T], Seq(S), Nat, …) live in lazy-sets.ts and
 *   normalise to a `SetValue` only when they must be enumerated.
 *
 * The total order (`compare`) ranks kinds first (booleans < integers < strings < model values <
 * functions < sets), then compares within a kind the way TLC normalises: integers numerically,
 * strings by code unit, sets and functions by size first. `CHOOSE` picks the first element in this
 * order, so its choice is deterministic.
 */
import {
  Hasher,
  SEED_HI,
  SEED_LO,
  finishHi,
  finishHiS,
  finishLo,
  finishLoS,
  mixLane,
  mixLaneLo,
} from './fingerprint';
import { compareStrings } from './string-order';

export type Value = boolean | number | bigint | string | ObjValue;

/** Kinds in their order; model values come first, as TLC's ModelValue sorts below other kinds. */
export const enum Rank {
  ModelVal = 0,
  Bool = 1,
  Int = 2,
  Str = 3,
  Fcn = 4,
  Set = 5,
  Op = 6,
}

/** Raised for errors in the meaning of values (not tied to a source range yet). */
export class ValueError extends Error {}

/*
 * Performance note: value classes declare no initialised fields and no parameter properties.
 * Class fields have define semantics (one initialiser per class level, run for every object),
 * which made construction a third of the search time; plain assignments in constructors and the
 * kind (`rank`) on the prototype give V8 one stable object shape per class.
 */
export abstract class ObjValue {
  declare readonly rank: Rank;
  /** Cached fingerprint lanes; `fpSet` tells whether they are computed. */
  declare fpHi: number;
  declare fpLo: number;
  declare fpSet: boolean;

  constructor() {
    // The lanes are held as signed 32-bit integers (`| 0`): small integers (Smis) in Node, where a
    // Smi has 32 bits, so a value is one object. As unsigned numbers (`>>> 0`, half of them above
    // 2^31) the fields were doubles, and V8 keeps a double field in a box of its own: two more
    // heap objects per value, allocated with it, a third of the bytes a successor allocated. The
    // fields start as null, not a number: a field first given a Smi that later gets a heap number
    // (in a browser, whose V8 has 31-bit Smis) changes representation, which deprecates the
    // object's map, and V8 then aborted every optimisation of the code that had seen the old map
    // (thousands, for seconds: a fresh worker ran at half speed); from null the field is a tagged
    // one at once, which holds either without a change.
    this.fpHi = null as unknown as number;
    this.fpLo = null as unknown as number;
    this.fpSet = false;
  }

  protected abstract hashContent(h: Hasher): void;

  ensureFingerprint(): void {
    if (this.fpSet) return;
    const h = new Hasher();
    this.hashContent(h);
    this.fpHi = h.finishHi() | 0;
    this.fpLo = h.finishLo() | 0;
    this.fpSet = true;
  }
}

export class ModelValue extends ObjValue {
  private static registry = new Map<string, ModelValue>();
  declare readonly name: string;
  /** Creation order (TLC orders model values by their names' intern order; the index only identifies them). */
  declare readonly index: number;
  /**
   * TLC's type of a model value: `x` for a name `x_…` (a character, `_`, at least one more), else
   * '' (untyped). A typed model value may only be compared with model values (of its type or
   * untyped); comparing it with any other value is an error, as in TLC.
   */
  declare readonly type: string;

  /** The fingerprint lanes after this value as a function's key (values.ts's `feedKey`). */
  declare readonly keyHi: number;
  declare readonly keyLo: number;

  private constructor(name: string, index: number) {
    super();
    (this as { name: string }).name = name;
    (this as { index: number }).index = index;
    (this as { type: string }).type = name.length > 2 && name[1] === '_' ? name[0] : '';
    this.ensureFingerprint();
    (this as { keyHi: number }).keyHi = mixLane(mixLane(SEED_HI, this.fpHi), this.fpLo);
    (this as { keyLo: number }).keyLo = mixLaneLo(mixLaneLo(SEED_LO, this.fpHi), this.fpLo);
  }

  static of(name: string): ModelValue {
    let mv = ModelValue.registry.get(name);
    if (!mv) {
      mv = new ModelValue(name, ModelValue.registry.size);
      ModelValue.registry.set(name, mv);
    }
    return mv;
  }

  protected hashContent(h: Hasher): void {
    h.word(0x40);
    h.string(this.name);
  }
}

/** Common view of the three function representations. */
export abstract class FunctionBase extends ObjValue {
  abstract size(): number;
  abstract domainAt(i: number): Value;
  abstract valueAt(i: number): Value;
  /** Index of `key` in the canonical domain, or -1. */
  abstract indexOf(key: Value): number;

  apply(key: Value): Value | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.valueAt(i);
  }

  /**
   * A function's fingerprint is the sum (per lane, modulo 2^32) of its entries' hashes, offset by
   * its size: independent of the order of the entries, so that `[f EXCEPT ![k] = v]` gets its
   * fingerprint from f's in constant time (`exceptFingerprint`) instead of hashing every entry
   * again. Each entry's hash is a full murmur-style hash of the key and the value, finalised, so
   * the sum behaves as a 64-bit hash of the set of entries.
   */
  override ensureFingerprint(): void {
    if (this.fpSet) return;
    const n = this.size();
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < n; i++) {
      entryHash(this.domainAt(i), this.valueAt(i));
      hi = (hi + entryHi) | 0;
      lo = (lo + entryLo) | 0;
    }
    this.fpHi = (hi + Math.imul(n, 0x9e3779b1) + 0x50a1) | 0;
    this.fpLo = (lo + Math.imul(n, 0x85ebca6b) + 0x50b2) | 0;
    this.fpSet = true;
  }

  protected hashContent(h: Hasher): void {
    this.ensureFingerprint();
    h.pair(this.fpHi, this.fpLo);
  }
}

let entryHi = 0;
let entryLo = 0;

/*
 * Hashing on the hot path (a function's entries, a set's elements, a state's variables) without a
 * Hasher object: `feed(hi, lo, v)` leaves in `laneHi`, `laneLo` the lanes a Hasher holding (hi, lo)
 * holds after `hashInto(h, v)`: the very same words, so the very same fingerprints, but the lanes
 * stay in locals (a Hasher's fields were written twice per word), an integer or a value whose
 * fingerprint is known costs four mixes and no call, and a string key's words (a record's field
 * names, fed first from a fixed seed) are mixed once and then looked up (`feedKey`).
 */
let laneHi = 0;
let laneLo = 0;
const scratch = new Hasher();

function feed(hi: number, lo: number, v: Value): void {
  let a: number;
  let b: number;
  if (typeof v === 'object') {
    if (!v.fpSet) v.ensureFingerprint();
    a = v.fpHi;
    b = v.fpLo;
  } else if (typeof v === 'number') {
    a = 0x20;
    b = v | 0;
  } else {
    feedWords(hi, lo, v);
    return;
  }
  laneHi = mixLane(mixLane(hi, a), b);
  laneLo = mixLaneLo(mixLaneLo(lo, a), b);
}

/** Booleans, strings and big integers: through `hashInto`. */
function feedWords(hi: number, lo: number, v: Value): void {
  const h = scratch;
  h.hi = hi;
  h.lo = lo;
  hashInto(h, v);
  laneHi = h.hi;
  laneLo = h.lo;
}

/** How many strings' key lanes are kept (strings built at run time could be any number). */
const KEY_CACHE_LIMIT = 1 << 14;
/** A string key's index in `keyLaneWords`, whose two words are the lanes after it from the seed. */
const keyLaneIndex = new Map<string, number>();
let keyLaneWords = new Int32Array(64);

/** The lanes after each integer key 0 .. SMALL_KEYS - 1 (tuples' and arrays' indices). */
const SMALL_KEYS = 1024;
const smallKeyLanes = new Int32Array(2 * SMALL_KEYS);
for (let k = 0; k < SMALL_KEYS; k++) {
  smallKeyLanes[2 * k] = mixLane(mixLane(SEED_HI, 0x20), k);
  smallKeyLanes[2 * k + 1] = mixLaneLo(mixLaneLo(SEED_LO, 0x20), k);
}

/**
 * `feed(SEED_HI, SEED_LO, key)`: an entry's key, the first value fed to its hash. The lanes after
 * a model value, a small integer or a string (a record's field name) are looked up.
 */
function feedKey(key: Value): void {
  if (typeof key === 'number') {
    if (key === (key & (SMALL_KEYS - 1))) {
      laneHi = smallKeyLanes[2 * key];
      laneLo = smallKeyLanes[2 * key + 1];
    } else feed(SEED_HI, SEED_LO, key);
    return;
  }
  if (typeof key !== 'string') {
    if (key instanceof ModelValue) {
      laneHi = key.keyHi;
      laneLo = key.keyLo;
    } else feed(SEED_HI, SEED_LO, key);
    return;
  }
  const i = keyLaneIndex.get(key);
  if (i !== undefined) {
    laneHi = keyLaneWords[i];
    laneLo = keyLaneWords[i + 1];
    return;
  }
  feedWords(SEED_HI, SEED_LO, key);
  const n = keyLaneIndex.size;
  if (n >= KEY_CACHE_LIMIT) return;
  if (2 * n + 2 > keyLaneWords.length) {
    const grown = new Int32Array(keyLaneWords.length * 2);
    grown.set(keyLaneWords);
    keyLaneWords = grown;
  }
  keyLaneWords[2 * n] = laneHi;
  keyLaneWords[2 * n + 1] = laneLo;
  keyLaneIndex.set(key, 2 * n);
}

/** The hash of one entry of a function (`entryHi`, `entryLo`). */
function entryHash(key: Value, value: Value): void {
  feedKey(key);
  feed(laneHi, laneLo, value);
  entryHi = finishHiS(laneHi);
  entryLo = finishLoS(laneLo);
}

/** The fingerprint of a sequence of values (a state's variables) into `out` ([hi, lo]). */
export function hashValues(vals: readonly Value[], out: [number, number]): void {
  let hi = SEED_HI;
  let lo = SEED_LO;
  for (let i = 0; i < vals.length; i++) {
    feed(hi, lo, vals[i]);
    hi = laneHi;
    lo = laneLo;
  }
  out[0] = finishHi(hi);
  out[1] = finishLo(lo);
}

/**
 * A renaming of model values (a permutation of SYMMETRY, symmetry.ts): the image of the model value
 * of index i is `images[i]`, or the value itself where that is undefined. `id` tells renamings
 * apart in a `RenamingMemo` they share (1, 2, …).
 */
export interface Renaming {
  readonly images: readonly (ModelValue | undefined)[];
  readonly id: number;
}

/**
 * A direct-mapped memo of images' fingerprints: slot i (8 words from 8i) holds a value's lanes, the
 * renaming's id and the lanes of the value's image. A hit needs the 64-bit fingerprint to match,
 * the same assumption as the seen-set's.
 */
export class RenamingMemo {
  declare readonly slots: Int32Array;
  declare readonly mask: number;
  constructor(bits = 16) {
    this.slots = new Int32Array(8 << bits);
    this.mask = (1 << bits) - 1;
  }
}

let imageHi = 0;
let imageLo = 0;

function renamed(v: ModelValue, r: Renaming): ModelValue {
  return (v.index < r.images.length ? r.images[v.index] : undefined) ?? v;
}

/**
 * `feed(hi, lo, x)` of x's image under r (lanes in `laneHi`, `laneLo`): a compound value by its
 * image's fingerprint, anything else as itself (a renaming moves only model values).
 */
function feedImage(hi: number, lo: number, x: Value, r: Renaming, memo: RenamingMemo): void {
  if (typeof x === 'object') {
    imageFingerprint(x, r, memo);
    laneHi = mixLane(mixLane(hi, imageHi), imageLo);
    laneLo = mixLaneLo(mixLaneLo(lo, imageHi), imageLo);
  } else feed(hi, lo, x);
}

/**
 * The lanes (`imageHi`, `imageLo`) of the fingerprint of v's image under r, without building the
 * image: a function's and a set's fingerprints are sums over their entries (elements), so the
 * image's is the sum over the entries' images in any order (a renamed domain need not be sorted
 * again), each entry hashed as `entryHash` / `elementHash` would hash the renamed entry.
 */
function imageFingerprint(v: ObjValue, r: Renaming, memo: RenamingMemo): void {
  if (v instanceof ModelValue) {
    const w = renamed(v, r);
    imageHi = w.fpHi;
    imageLo = w.fpLo;
    return;
  }
  if (!v.fpSet) v.ensureFingerprint();
  const fh = v.fpHi;
  const fl = v.fpLo;
  const slots = memo.slots;
  const at = ((fl ^ Math.imul(fh, 0x9e3779b1) ^ Math.imul(r.id, 0x85ebca6b)) & memo.mask) << 3;
  if (slots[at] === fh && slots[at + 1] === fl && slots[at + 2] === r.id) {
    imageHi = slots[at + 3];
    imageLo = slots[at + 4];
    return;
  }
  let hi = fh;
  let lo = fl;
  if (v instanceof FunctionBase) {
    const n = v.size();
    let sh = 0;
    let sl = 0;
    for (let i = 0; i < n; i++) {
      const key = v.domainAt(i);
      let kh: number;
      let kl: number;
      if (typeof key !== 'object') {
        feedKey(key);
        kh = laneHi;
        kl = laneLo;
      } else if (key instanceof ModelValue) {
        const w = renamed(key, r);
        kh = w.keyHi;
        kl = w.keyLo;
      } else {
        feedImage(SEED_HI, SEED_LO, key, r, memo);
        kh = laneHi;
        kl = laneLo;
      }
      feedImage(kh, kl, v.valueAt(i), r, memo);
      sh = (sh + finishHiS(laneHi)) | 0;
      sl = (sl + finishLoS(laneLo)) | 0;
    }
    hi = (sh + Math.imul(n, 0x9e3779b1) + 0x50a1) | 0;
    lo = (sl + Math.imul(n, 0x85ebca6b) + 0x50b2) | 0;
  } else if (v instanceof SetBase) {
    // A renaming is one-to-one: the images of distinct elements are distinct.
    const elems = v.enumerate().elems;
    const n = elems.length;
    let sh = 0;
    let sl = 0;
    for (let i = 0; i < n; i++) {
      feedImage(0x6a09e667, 0x3c6ef372, elems[i], r, memo);
      sh = (sh + finishHiS(laneHi)) | 0;
      sl = (sl + finishLoS(laneLo)) | 0;
    }
    hi = (sh + Math.imul(n, 0x27d4eb2d) + 0x60a1) | 0;
    lo = (sl + Math.imul(n, 0x165667b1) + 0x60b2) | 0;
  }
  slots[at] = fh;
  slots[at + 1] = fl;
  slots[at + 2] = r.id;
  slots[at + 3] = hi;
  slots[at + 4] = lo;
  imageHi = hi;
  imageLo = lo;
}

/**
 * `hashValues` of the images of `vals` under r (a state's variables renamed), into `out`: the
 * same fingerprint as hashing the renamed state, which is not built.
 */
export function hashRenamedValues(
  vals: readonly Value[],
  r: Renaming,
  memo: RenamingMemo,
  out: [number, number],
): void {
  let hi = SEED_HI;
  let lo = SEED_LO;
  for (let i = 0; i < vals.length; i++) {
    feedImage(hi, lo, vals[i], r, memo);
    hi = laneHi;
    lo = laneLo;
  }
  out[0] = finishHi(hi);
  out[1] = finishLo(lo);
}

/**
 * Gives `g`, which is `f` with the value at index `idx` replaced by `value` (same domain), its
 * fingerprint from f's when f's is known (a value held in a state): constant time, where hashing g
 * would visit every entry. Does nothing otherwise (g hashes itself when asked).
 */
export function exceptFingerprint(
  f: FunctionBase,
  idx: number,
  value: Value,
  g: FunctionBase,
): void {
  if (!f.fpSet) return;
  // The key's lanes once, for the old entry's hash and the new one's.
  feedKey(f.domainAt(idx));
  const keyHi = laneHi;
  const keyLo = laneLo;
  feed(keyHi, keyLo, f.valueAt(idx));
  let hi = (f.fpHi - finishHiS(laneHi)) | 0;
  let lo = (f.fpLo - finishLoS(laneLo)) | 0;
  feed(keyHi, keyLo, value);
  hi = (hi + finishHiS(laneHi)) | 0;
  lo = (lo + finishLoS(laneLo)) | 0;
  g.fpHi = hi;
  g.fpLo = lo;
  g.fpSet = true;
}

/** A tuple or sequence: the function on 1..n. */
export class TupleValue extends FunctionBase {
  declare readonly elems: readonly Value[];
  constructor(elems: readonly Value[]) {
    super();
    (this as { elems: readonly Value[] }).elems = elems;
  }
  size(): number {
    return this.elems.length;
  }
  domainAt(i: number): Value {
    return i + 1;
  }
  valueAt(i: number): Value {
    return this.elems[i];
  }
  indexOf(key: Value): number {
    return typeof key === 'number' && key >= 1 && key <= this.elems.length && Number.isInteger(key)
      ? key - 1
      : -1;
  }
}

export const EMPTY_TUPLE = new TupleValue([]);

/** A record: the function on a set of field names; `names` sorted by `compareStrings` (TLC's order). */
export class RecordValue extends FunctionBase {
  declare readonly names: readonly string[];
  declare readonly values: readonly Value[];
  constructor(names: readonly string[], values: readonly Value[]) {
    super();
    (this as { names: readonly string[] }).names = names;
    (this as { values: readonly Value[] }).values = values;
  }

  /** Build from fields in any order; later duplicates win (as in `[a |-> 1, a |-> 2]`, an error in TLC). */
  static fromEntries(entries: [string, Value][]): RecordValue {
    const sorted = entries.slice().sort((a, b) => compareStrings(a[0], b[0]));
    return new RecordValue(
      sorted.map((e) => e[0]),
      sorted.map((e) => e[1]),
    );
  }
  size(): number {
    return this.names.length;
  }
  domainAt(i: number): Value {
    return this.names[i];
  }
  valueAt(i: number): Value {
    return this.values[i];
  }
  indexOf(key: Value): number {
    if (typeof key !== 'string') return -1;
    const names = this.names;
    // Records are small: a linear scan beats binary search's branches.
    for (let i = 0; i < names.length; i++) if (names[i] === key) return i;
    return -1;
  }
  field(name: string): Value | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.values[i];
  }
}

/** A general function with a finite domain sorted by `compare`. */
export class FcnValue extends FunctionBase {
  declare readonly domain: readonly Value[];
  declare readonly values: readonly Value[];
  constructor(domain: readonly Value[], values: readonly Value[]) {
    super();
    (this as { domain: readonly Value[] }).domain = domain;
    (this as { values: readonly Value[] }).values = values;
  }
  size(): number {
    return this.domain.length;
  }
  domainAt(i: number): Value {
    return this.domain[i];
  }
  valueAt(i: number): Value {
    return this.values[i];
  }
  indexOf(key: Value): number {
    const d = this.domain;
    // Keys are mostly model values (interned), integers or strings, and a domain holds those very
    // values: a scan by identity finds them without the total order's dispatch on kinds (a
    // function over model values was applied through two or three `compare` calls). A miss still
    // searches by the order: compound keys, and TLC's error for keys of another kind.
    if (d.length <= 16) for (let i = 0; i < d.length; i++) if (d[i] === key) return i;
    return binarySearch(d, key);
  }
}

/** The common interface of enumerated and lazy sets. */
export abstract class SetBase extends ObjValue {
  abstract contains(v: Value): boolean;
  /** False for Nat, Int, Seq(S), STRING, … (and sets built from them). */
  abstract isFinite(): boolean;
  /** The elements in canonical order; throws ValueError for an infinite set. */
  abstract enumerate(): SetValue;
  size(): number {
    return this.enumerate().elems.length;
  }
  /**
   * As a function's (FunctionBase): the sum of its elements' hashes, offset by its size, so that a
   * set with one element more or less gets its fingerprint from this one's in constant time
   * (`elementFingerprint`).
   */
  override ensureFingerprint(): void {
    if (this.fpSet) return;
    const elems = this.enumerate().elems;
    const n = elems.length;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < n; i++) {
      elementHash(elems[i]);
      hi = (hi + entryHi) | 0;
      lo = (lo + entryLo) | 0;
    }
    this.fpHi = (hi + Math.imul(n, 0x27d4eb2d) + 0x60a1) | 0;
    this.fpLo = (lo + Math.imul(n, 0x165667b1) + 0x60b2) | 0;
    this.fpSet = true;
  }

  protected hashContent(h: Hasher): void {
    this.ensureFingerprint();
    h.pair(this.fpHi, this.fpLo);
  }
}

/** The hash of one element of a set (`entryHi`, `entryLo`). */
function elementHash(e: Value): void {
  feed(0x6a09e667, 0x3c6ef372, e);
  entryHi = finishHiS(laneHi);
  entryLo = finishLoS(laneLo);
}

/**
 * Gives `g`, which is the set `s` with the element `e` added (`sign` 1: e was not in s) or taken
 * out (-1: e was in s), its fingerprint from s's when s's is known: constant time.
 */
export function elementFingerprint(s: SetBase, e: Value, sign: 1 | -1, g: SetBase): void {
  if (!s.fpSet) return;
  elementHash(e);
  if (sign > 0) {
    g.fpHi = (s.fpHi + entryHi + 0x27d4eb2d) | 0;
    g.fpLo = (s.fpLo + entryLo + 0x165667b1) | 0;
  } else {
    g.fpHi = (s.fpHi - entryHi - 0x27d4eb2d) | 0;
    g.fpLo = (s.fpLo - entryLo - 0x165667b1) | 0;
  }
  g.fpSet = true;
}

export class SetValue extends SetBase {
  declare readonly elems: readonly Value[];
  /** `elems` must already be sorted by `compare` and distinct: use `SetValue.of` otherwise. */
  constructor(elems: readonly Value[]) {
    super();
    (this as { elems: readonly Value[] }).elems = elems;
  }

  /** `of` where the caller needs the normal form: TLC's error when the elements cannot be compared. */
  static sorted(elems: Value[]): SetValue {
    const s = SetValue.of(elems);
    return s instanceof SetValue ? s : s.enumerate();
  }

  static of(elems: Value[]): SetBase {
    if (elems.length <= 1) return new SetValue(elems);
    if (ascending(elems)) return new SetValue(elems);
    try {
      if (elems.length <= SMALL_SORT) sortSmall(elems, compare);
      else elems.sort(compare);
    } catch (e) {
      // Elements TLC cannot compare (`{1, "a"}`): TLC keeps such a set unnormalised and fails on
      // whatever needs it normalised; membership alone scans it in its written order.
      // (A comparator that throws leaves the array as it was: V8 sorts a copy.)
      if (e instanceof ValueError) return new UnsortableSetValue(elems, e);
      throw e;
    }
    let w = 1;
    for (let r = 1; r < elems.length; r++) {
      if (compare(elems[r], elems[w - 1]) !== 0) elems[w++] = elems[r];
    }
    elems.length = w;
    return new SetValue(elems);
  }

  contains(v: Value): boolean {
    const x = this.elems;
    const n = x.length;
    if (n <= 16 && (typeof v !== 'object' || v instanceof ModelValue)) {
      // A boolean, integer or string (`pc[p] \in {"a1", "b"}`) by identity, without the order's
      // comparisons (strings compare by rank, a map lookup each). Sorted by kind, the elements are
      // all of v's kind when the first and last are: then a miss is a miss, with no error to raise.
      // A model value (interned) equals only itself and compares with anything without an error.
      for (let i = 0; i < n; i++) if (x[i] === v) return true;
      if (typeof v === 'object') return false;
      if (n > 0 && typeof x[0] === typeof v && typeof x[n - 1] === typeof v) return false;
    }
    return binarySearch(x, v) >= 0;
  }
  isFinite(): boolean {
    return true;
  }
  enumerate(): SetValue {
    return this;
  }
  override size(): number {
    return this.elems.length;
  }
}

export const EMPTY_SET = new SetValue([]);

/** Sets of at most this many elements are sorted by `sortSmall`. */
const SMALL_SORT = 16;

/**
 * `elems.sort(compare)` for a few elements, as V8 sorts them (TimSort, which for fewer than 64
 * elements counts the first run, reverses it when descending and inserts the rest by binary
 * search): the very same calls of `compare` in the same order, so the same order of equal elements
 * and the same first error for elements that cannot be compared, leaving `elems` as it was (V8
 * sorts a copy). V8's sort allocated its state and work arrays on every call: most of what
 * `{p, q}` cost where p sorts after q (model values in their intern order).
 */
export function sortSmall<T>(elems: T[], cmp: (x: T, y: T) => number): void {
  const n = elems.length;
  if (n < 2) return;
  const a = elems.slice();
  // CountAndMakeRun(0, n)
  let run = 2;
  const descending = cmp(a[1], a[0]) < 0;
  let previous = a[1];
  for (let i = 2; i < n; i++) {
    const order = cmp(a[i], previous);
    if (descending ? order >= 0 : order < 0) break;
    previous = a[i];
    run++;
  }
  if (descending) {
    for (let lo = 0, hi = run - 1; lo < hi; lo++, hi--) {
      const t = a[lo];
      a[lo] = a[hi];
      a[hi] = t;
    }
  }
  // BinaryInsertionSort(0, run, n)
  for (let start = run; start < n; start++) {
    const pivot = a[start];
    let left = 0;
    let right = start;
    while (left < right) {
      const mid = left + ((right - left) >> 1);
      if (cmp(pivot, a[mid]) < 0) right = mid;
      else left = mid + 1;
    }
    for (let p = start; p > left; p--) a[p] = a[p - 1];
    a[left] = pivot;
  }
  for (let i = 0; i < n; i++) elems[i] = a[i];
}

/**
 * Whether the elements are already sorted and distinct (a set mapped through a function that keeps
 * the order, `{<<q[1] + 1, q[2]>> : q \in S}`, or the elements of a set in their order): one pass
 * of the comparisons a sort of them would begin with, instead of the sort and the pass for
 * duplicates. False also when two elements cannot be compared: the sort then gives TLC's answer.
 */
function ascending(elems: readonly Value[]): boolean {
  try {
    for (let i = 1; i < elems.length; i++) if (compare(elems[i - 1], elems[i]) >= 0) return false;
  } catch (e) {
    if (e instanceof ValueError) return false;
    throw e;
  }
  return true;
}

/**
 * A set whose elements TLC cannot compare with one another (`{1, "a"}`, `{{1}, {"a"}}`): every
 * use that needs its elements in order (enumeration, size, equality, printing, fingerprints) is
 * TLC's error; `x \in S` compares x with the elements in their written order and stops at the
 * first equal one, as TLC's scan of an unnormalised set does (so `1 \in {1, "a"}` is TRUE and
 * `"a" \in {1, "a"}` an error).
 */
export class UnsortableSetValue extends SetBase {
  declare readonly elems: readonly Value[];
  declare readonly error: ValueError;
  constructor(elems: readonly Value[], error: ValueError) {
    super();
    (this as { elems: readonly Value[] }).elems = elems;
    (this as { error: ValueError }).error = error;
  }
  contains(v: Value): boolean {
    for (const e of this.elems) if (equals(e, v)) return true;
    return false;
  }
  isFinite(): boolean {
    return true;
  }
  enumerate(): SetValue {
    throw new ValueError(this.error.message);
  }
}

/**
 * An operator passed as an argument (higher-order parameter or LAMBDA). Not a TLA+ value proper,
 * but it travels through the same slots as values do.
 */
export class OpValue extends ObjValue {
  declare readonly name: string;
  declare readonly arity: number;
  declare readonly call: (args: Value[]) => Value;
  constructor(name: string, arity: number, call: (args: Value[]) => Value) {
    super();
    (this as { name: string }).name = name;
    (this as { arity: number }).arity = arity;
    (this as { call: (args: Value[]) => Value }).call = call;
  }
  protected hashContent(): void {
    throw new ValueError(`the operator ${this.name} is not a value and cannot be fingerprinted`);
  }
}

// Kinds live on the prototypes (see the performance note above).
setRank(ModelValue, Rank.ModelVal);
setRank(FunctionBase, Rank.Fcn);
setRank(SetBase, Rank.Set);
setRank(OpValue, Rank.Op);

function setRank(cls: { prototype: ObjValue }, rank: Rank): void {
  Object.defineProperty(cls.prototype, 'rank', { value: rank, writable: false, enumerable: false });
}

export function rankOf(v: Value): Rank {
  switch (typeof v) {
    case 'boolean':
      return Rank.Bool;
    case 'number':
    case 'bigint':
      return Rank.Int;
    case 'string':
      return Rank.Str;
    default:
      return v.rank;
  }
}

export function binarySearch(sorted: readonly Value[], key: Value): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(sorted[mid], key);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  const ta = typeof a;
  if (ta === 'number' && typeof b === 'number') return (a as number) < b ? -1 : 1;
  if (ta === 'string' && typeof b === 'string') return compareStrings(a as string, b);
  // Tuples (positions, pairs) are the most compared compound values: no dispatch on kinds.
  if (a instanceof TupleValue && b instanceof TupleValue) return compareTuples(a, b);
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) {
    // TLC compares an (untyped) model value with anything (it sorts first); other kinds cannot be
    // compared.
    if (ra === Rank.ModelVal) return typedAgainst(a as ModelValue, b, 'compare', ra - rb);
    if (rb === Rank.ModelVal) return typedAgainst(b as ModelValue, a, 'compare', ra - rb);
    throw incomparable(a, b);
  }
  switch (ra) {
    case Rank.Bool:
      return a ? 1 : -1;
    case Rank.Int:
      // A number and a bigint (Quint's big integers), or two bigints: JavaScript orders them.
      return (a as number | bigint) < (b as number | bigint) ? -1 : 1;
    case Rank.ModelVal:
      // TLC compares model values by their names, which are UniqueStrings: in the order the names
      // were interned (the .cfg's first), as strings (string-order.ts), not by their characters.
      return compareStrings((a as ModelValue).name, (b as ModelValue).name);
    case Rank.Fcn:
      return compareFunctions(a as FunctionBase, b as FunctionBase);
    case Rank.Set:
      return compareSets(a as SetBase, b as SetBase);
    default:
      throw new ValueError('operators cannot be compared');
  }
}

function compareFunctions(a: FunctionBase, b: FunctionBase): number {
  const n = a.size();
  const m = b.size();
  if (n !== m) return n - m;
  if (a instanceof TupleValue && b instanceof TupleValue) return compareTuples(a, b);
  // Functions made from one another (EXCEPT, a record's fields) share their domain's array.
  if (!sameDomainArray(a, b)) {
    for (let i = 0; i < n; i++) {
      let c;
      try {
        c = compare(a.domainAt(i), b.domainAt(i));
      } catch (e) {
        // A record and a function whose domain is not of strings (a tuple): TLC's message.
        if (e instanceof ValueError && (a instanceof RecordValue || b instanceof RecordValue)) {
          const [r, o] = a instanceof RecordValue ? [a, b] : [b, a];
          throw new ValueError(
            `Attempted to compare record ${describeAsWritten(r)} with non-record ${describeAsWritten(o)}`,
          );
        }
        throw e;
      }
      if (c !== 0) return c;
    }
  }
  for (let i = 0; i < n; i++) {
    const c = compare(a.valueAt(i), b.valueAt(i));
    if (c !== 0) return c;
  }
  return 0;
}

/** Two tuples: by length, then element by element (as two functions on 1..n compare). */
function compareTuples(a: TupleValue, b: TupleValue): number {
  const x = a.elems;
  const y = b.elems;
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) {
    const c = compare(x[i], y[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function sameDomainArray(a: FunctionBase, b: FunctionBase): boolean {
  if (a instanceof FcnValue) return b instanceof FcnValue && a.domain === b.domain;
  return a instanceof RecordValue && b instanceof RecordValue && a.names === b.names;
}

function compareSets(a: SetBase, b: SetBase): number {
  // Infinite sets have no order; two equal ones compare as equal (`Seq(S) \in {Seq(S)}`).
  if (!a.isFinite() || !b.isFinite()) {
    if (equals(a, b)) return 0;
    throw new ValueError('Attempted to order infinite sets');
  }
  const x = a.enumerate().elems;
  const y = b.enumerate().elems;
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) {
    const c = compare(x[i], y[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Equality, as TLC decides it. A model value equals only itself and can be compared with anything;
 * values of two other kinds (an integer and a string, a set and a function, …) cannot be compared
 * and their equality is an error, as in TLC, also inside sets and functions (`{1} = {"a"}`). Sets of
 * different sizes and functions on domains of different sizes are unequal without looking inside.
 * A finite set and an infinite one cannot be compared; two infinite sets only when they are the
 * same kind of lazy set (lazy-sets.ts, `sameInfiniteSet`).
 */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta !== 'object' || tb !== 'object') {
    if (ta === tb) return false;
    if (isModelValue(a)) return typedAgainst(a as ModelValue, b, 'equality', false);
    if (isModelValue(b)) return typedAgainst(b as ModelValue, a, 'equality', false);
    // A number and a bigint are two integers: canonical forms, so two different ones.
    if ((ta === 'number' || ta === 'bigint') && (tb === 'number' || tb === 'bigint')) return false;
    throw incomparable(a, b);
  }
  const oa = a as ObjValue;
  const ob = b as ObjValue;
  if (oa.rank !== ob.rank) {
    if (oa.rank === Rank.ModelVal) return typedAgainst(oa as ModelValue, b, 'equality', false);
    if (ob.rank === Rank.ModelVal) return typedAgainst(ob as ModelValue, a, 'equality', false);
    throw incomparable(a, b);
  }
  // Model values are interned: two distinct objects are two distinct values; two typed ones of
  // different types cannot be compared (TLC).
  if (oa.rank === Rank.ModelVal) {
    const x = (oa as ModelValue).type;
    const y = (ob as ModelValue).type;
    if (x !== '' && y !== '' && x !== y)
      throw new ValueError(
        `Attempted to check equality of the differently-typed model values ${(oa as ModelValue).name} and ${(ob as ModelValue).name}`,
      );
    return false;
  }
  // Fingerprints already computed (values held in states) settle most inequalities at once. TLC
  // would fail on kinds it cannot compare deep inside two such values (`{1}` and `{"a"}` held in
  // two variables); states TLC can hold never have them.
  if (oa.fpSet && ob.fpSet && (oa.fpHi !== ob.fpHi || oa.fpLo !== ob.fpLo)) return false;
  if (oa.rank === Rank.Set) {
    const sa = oa as SetBase;
    const sb = ob as SetBase;
    const fa = sa.isFinite();
    const fb = sb.isFinite();
    if (fa !== fb)
      throw new ValueError(
        `Attempted to compare an infinite set with the finite set ${describeValue(fa ? a : b)}`,
      );
    if (!fa) return infiniteSetEquality(sa, sb);
  }
  return compare(a, b) === 0;
}

/**
 * A model value met a value of another kind (`what` it was asked): the answer `untyped` for an
 * untyped model value, TLC's error for a typed one (`p_1 = 1`, `{p_1, 1}`).
 */
function typedAgainst<T>(
  mv: ModelValue,
  other: Value,
  what: 'compare' | 'equality',
  untyped: T,
): T {
  if (mv.type === '') return untyped;
  throw new ValueError(
    what === 'compare'
      ? `Attempted to compare the typed model value ${mv.name} and the non-model value ${safeDescribe(other)}`
      : `Attempted to check equality of the typed model value ${mv.name} and the non-model value ${safeDescribe(other)}`,
  );
}

function isModelValue(v: Value): boolean {
  return typeof v === 'object' && v.rank === Rank.ModelVal;
}

const KIND_NAMES = ['model value', 'boolean', 'integer', 'string', 'function', 'set', 'operator'];

/** A short description for messages (values.ts cannot use the printer, which depends on it). */
export function describeValue(v: Value): string {
  switch (typeof v) {
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    case 'number':
    case 'bigint':
      return String(v);
    case 'string':
      return JSON.stringify(v);
  }
  if (v instanceof ModelValue) return v.name;
  if (v instanceof OpValue) return `the operator ${v.name}`;
  if (v instanceof SetBase)
    return v.isFinite() && v.size() <= 8
      ? `{${v.enumerate().elems.map(describeValue).join(', ')}}`
      : 'a set';
  if (v instanceof FunctionBase) {
    if (v.size() > 8) return 'a function';
    const parts: string[] = [];
    for (let i = 0; i < v.size(); i++)
      parts.push(`${describeValue(v.domainAt(i))} :> ${describeValue(v.valueAt(i))}`);
    return `(${parts.join(' @@ ')})`;
  }
  return String(v);
}

/** TLC's error for comparing values of two kinds (`1 = "a"`, `{1, "a"}`, `1 \in {"a"}`). */
export function incomparable(a: Value, b: Value): ValueError {
  return new ValueError(
    `Attempted to compare the ${KIND_NAMES[rankOf(a)]} ${safeDescribe(a)} with the ${KIND_NAMES[rankOf(b)]} ${safeDescribe(b)}: values of different kinds cannot be compared`,
  );
}

/** A record or tuple as TLA+ writes it (`[a |-> 1]`, `<<1>>`), else as describeValue does. */
function describeAsWritten(v: Value): string {
  if (v instanceof RecordValue && v.size() <= 8)
    return `[${v.names.map((n, i) => `${n} |-> ${safeDescribe(v.values[i])}`).join(', ')}]`;
  if (v instanceof TupleValue && v.size() <= 8)
    return `<<${v.elems.map(safeDescribe).join(', ')}>>`;
  return safeDescribe(v);
}

function safeDescribe(v: Value): string {
  try {
    return describeValue(v);
  } catch {
    return v instanceof SetBase ? '{…}' : '…';
  }
}

/**
 * `v` is not a member of a set of another kind of value: false for a model value (TLC compares it
 * with anything), otherwise TLC's error (`"a" \in Nat`, `1 \in SUBSET S`).
 */
export function notAMember(v: Value, set: string): false {
  if (isModelValue(v)) {
    if ((v as ModelValue).type === '') return false;
    throw new ValueError(
      `Attempted to check if the typed model value ${(v as ModelValue).name} is an element of ${set}`,
    );
  }
  throw new ValueError(
    `Attempted to check whether ${safeDescribe(v)} is an element of ${set}, a set of another kind of value`,
  );
}

/** Set by lazy-sets.ts: equality of two infinite sets, or a ValueError when undecidable. */
export let infiniteSetEquality: (a: SetBase, b: SetBase) => boolean = () => {
  throw new ValueError('cannot compare infinite sets');
};
export function setInfiniteSetEquality(f: (a: SetBase, b: SetBase) => boolean): void {
  infiniteSetEquality = f;
}

export function hashInto(h: Hasher, v: Value): void {
  switch (typeof v) {
    case 'boolean':
      h.word(v ? 0x11 : 0x10);
      return;
    case 'number':
      h.word(0x20);
      h.word(v | 0);
      return;
    case 'string':
      h.word(0x30);
      h.string(v);
      return;
    case 'bigint':
      // Only outside the 32-bit range, so never the same integer as a number's word.
      h.word(0x21);
      h.string(v.toString());
      return;
    default:
      v.ensureFingerprint();
      h.pair(v.fpHi, v.fpLo);
  }
}

/** A function value in the most specific representation: tuple for 1..n, record for strings. */
export function makeFunction(domain: Value[], values: Value[]): FunctionBase {
  // `domain` arrives sorted and distinct (it is a normalised set's elements).
  const n = domain.length;
  if (n === 0) return EMPTY_TUPLE;
  if (domain[0] === 1 && domain[n - 1] === n && typeof domain[n - 1] === 'number') {
    return new TupleValue(values);
  }
  if (typeof domain[0] === 'string' && typeof domain[n - 1] === 'string') {
    return new RecordValue(domain as string[], values);
  }
  return new FcnValue(domain, values);
}

export function isSet(v: Value): v is SetBase {
  return typeof v === 'object' && v.rank === Rank.Set;
}

export function isFunction(v: Value): v is FunctionBase {
  return typeof v === 'object' && v.rank === Rank.Fcn;
}
