/**
 * A compact binary encoding of states, for the parallel search: the states a worker hands over to
 * even out a level travel in batches of 32-bit words (transferred, not copied), with the strings of
 * a batch in a side table so that a record's field names are sent once per batch, not once per
 * state. (Successors do not travel: only their fingerprints do, see parallel/search.ts.)
 *
 * Values keep their canonical form on the way: sets arrive sorted and functions with their domain
 * in order, so decoding builds them without sorting. A lazy set in a state (`x' = 1..N`) travels as
 * its elements (the same value to TLC: its fingerprint and equality are those of the enumeration);
 * an infinite set or an operator cannot travel, and says so.
 */
import {
  type Value,
  ObjValue,
  ModelValue,
  TupleValue,
  RecordValue,
  FcnValue,
  SetValue,
  SetBase,
  FunctionBase,
  EMPTY_TUPLE,
  EMPTY_SET,
} from '../../../core/values';
import { EvalError } from '../../../eval/errors';
import { canonicalString } from '../../../core/string-order';

const enum Tag {
  False = 0,
  True = 1,
  Int = 2,
  Str = 3,
  Model = 4,
  Tuple = 5,
  Record = 6,
  Fcn = 7,
  Set = 8,
  /** A Quint integer beyond 32 bits (core/big-int.ts): its digits in the string table. */
  BigInt = 9,
}

/** A growable stream of 32-bit words and its string table. */
export class WordWriter {
  words: Int32Array;
  length = 0;
  strings: string[] = [];
  private stringIds = new Map<string, number>();

  constructor(capacity = 4096) {
    this.words = new Int32Array(capacity);
  }

  /** Makes room for `n` more words. */
  reserve(n: number): void {
    if (this.length + n <= this.words.length) return;
    let cap = this.words.length * 2;
    while (cap < this.length + n) cap *= 2;
    const w = new Int32Array(cap);
    w.set(this.words.subarray(0, this.length));
    this.words = w;
  }

  word(x: number): void {
    if (this.length === this.words.length) this.reserve(1);
    this.words[this.length++] = x;
  }

  string(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  value(v: Value): void {
    switch (typeof v) {
      case 'boolean':
        this.word(v ? Tag.True : Tag.False);
        return;
      case 'number':
        this.word(Tag.Int);
        this.word(v);
        return;
      case 'string':
        this.word(Tag.Str);
        this.word(this.string(v));
        return;
      case 'bigint':
        this.word(Tag.BigInt);
        this.word(this.string(v.toString()));
        return;
    }
    this.object(v);
  }

  private object(v: ObjValue): void {
    if (v instanceof TupleValue) {
      const elems = v.elems;
      this.word(Tag.Tuple);
      this.word(elems.length);
      for (let i = 0; i < elems.length; i++) this.value(elems[i]);
    } else if (v instanceof RecordValue) {
      const n = v.names.length;
      this.word(Tag.Record);
      this.word(n);
      for (let i = 0; i < n; i++) this.word(this.string(v.names[i]));
      for (let i = 0; i < n; i++) this.value(v.values[i]);
    } else if (v instanceof FcnValue) {
      const n = v.domain.length;
      this.word(Tag.Fcn);
      this.word(n);
      for (let i = 0; i < n; i++) this.value(v.domain[i]);
      for (let i = 0; i < n; i++) this.value(v.values[i]);
    } else if (v instanceof SetBase) {
      if (!v.isFinite()) {
        throw new EvalError(
          'A state holds an infinite set, which cannot be passed between workers: check this model with one worker',
        );
      }
      const elems = v.enumerate().elems;
      this.word(Tag.Set);
      this.word(elems.length);
      for (let i = 0; i < elems.length; i++) this.value(elems[i]);
    } else if (v instanceof ModelValue) {
      this.word(Tag.Model);
      this.word(this.string(v.name));
    } else if (v instanceof FunctionBase) {
      // Any other representation of a function: its graph, in canonical order.
      const n = v.size();
      this.word(Tag.Fcn);
      this.word(n);
      for (let i = 0; i < n; i++) this.value(v.domainAt(i));
      for (let i = 0; i < n; i++) this.value(v.valueAt(i));
    } else {
      throw new EvalError(
        'A state holds an operator value, which cannot be passed between workers: check this model with one worker',
      );
    }
  }

  /** Hands the words over (to be transferred) and starts a fresh batch. */
  take(): { words: Int32Array; strings: string[] } {
    const out = { words: this.words.slice(0, this.length), strings: this.strings };
    this.length = 0;
    this.strings = [];
    this.stringIds = new Map();
    return out;
  }
}

/**
 * Decoded states share what the states they copy shared where they were made: one string object
 * per content (canonicalString), one names array per record shape, one domain array per function
 * domain of scalars. The evaluator relies on it: a field is found by the identity of its record's
 * names array, functions with the same domain array compare without their domains, strings compare
 * by pointer (the liveness checker evaluated its atoms 30-60% slower on states decoded without).
 * Bounded: beyond the limit an array is kept as decoded, which only costs that speed.
 */
const shared = new Map<string, readonly Value[]>();
const SHARED_LIMIT = 1 << 16;
/** Domains up to this size are shared. */
const SHARED_DOMAIN = 64;

function sharedArray<T extends Value>(key: string, a: T[]): T[] {
  const s = shared.get(key);
  if (s !== undefined) return s as T[];
  if (shared.size < SHARED_LIMIT) shared.set(key, a);
  return a;
}

/** The key of a record's names (each with its length: any string may be a name). */
function namesKey(names: string[]): string {
  let key = 'r';
  for (const n of names) key += `\u0001${n.length}:${n}`;
  return key;
}

/** The key of a domain of scalars (integers, strings, model values), or undefined. */
function domainKey(domain: Value[]): string | undefined {
  if (domain.length > SHARED_DOMAIN) return undefined;
  let key = 'd';
  for (const v of domain) {
    if (typeof v === 'number') key += `\u0001n${v}`;
    else if (typeof v === 'string') key += `\u0001s${v.length}:${v}`;
    else if (v instanceof ModelValue) key += `\u0001m${v.name}`;
    else return undefined;
  }
  return key;
}

/** Reads values back from a batch. */
export class WordReader {
  pos = 0;
  readonly strings: readonly string[];
  constructor(
    readonly words: Int32Array,
    strings: readonly string[],
  ) {
    this.strings = strings.map(canonicalString);
  }

  word(): number {
    return this.words[this.pos++];
  }

  value(): Value {
    const w = this.words;
    const tag = w[this.pos++] as Tag;
    switch (tag) {
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int:
        return w[this.pos++];
      case Tag.Str:
        return this.strings[w[this.pos++]];
      case Tag.BigInt:
        return BigInt(this.strings[w[this.pos++]]);
      case Tag.Model:
        return ModelValue.of(this.strings[w[this.pos++]]);
      case Tag.Tuple: {
        const n = w[this.pos++];
        if (n === 0) return EMPTY_TUPLE;
        const elems: Value[] = [];
        for (let i = 0; i < n; i++) elems.push(this.value());
        return new TupleValue(elems);
      }
      case Tag.Record: {
        const n = w[this.pos++];
        const names: string[] = [];
        for (let i = 0; i < n; i++) names.push(this.strings[w[this.pos++]]);
        const values: Value[] = [];
        for (let i = 0; i < n; i++) values.push(this.value());
        return new RecordValue(sharedArray(namesKey(names), names), values);
      }
      case Tag.Fcn: {
        const n = w[this.pos++];
        const domain: Value[] = [];
        for (let i = 0; i < n; i++) domain.push(this.value());
        const values: Value[] = [];
        for (let i = 0; i < n; i++) values.push(this.value());
        const key = domainKey(domain);
        return new FcnValue(key === undefined ? domain : sharedArray(key, domain), values);
      }
      case Tag.Set: {
        const n = w[this.pos++];
        if (n === 0) return EMPTY_SET;
        const elems: Value[] = [];
        for (let i = 0; i < n; i++) elems.push(this.value());
        return new SetValue(elems);
      }
      default:
        throw new Error(`internal error: bad value tag ${String(tag)} in a state batch`);
    }
  }
}
