/**
 * Helpers on the `TraceValue` shapes (src/check/types.ts) shared by the formats: building a
 * function value in its contract shape, and a canonical form for comparing values that came from
 * different sources (our engine, TLC's dot files, ITF files) whatever order they list sets in.
 */
import type { TraceState, TraceValue } from '../check/types';

type Entry = [TraceValue, TraceValue];

const isBigint = (v: TraceValue): v is { '#bigint': string } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { '#bigint'?: unknown })['#bigint'] === 'string';

/**
 * A function given as (key, value) pairs in the contract's shape: `[]` when empty, a sequence when
 * the domain is 1..n, a record when every key is a string, else `#map`.
 */
export function fromEntries(entries: Entry[]): TraceValue {
  if (entries.length === 0) return [];
  if (entries.every(([k]) => isBigint(k))) {
    const byIndex = new Map(entries.map(([k, v]) => [(k as { '#bigint': string })['#bigint'], v]));
    if (byIndex.size === entries.length) {
      const seq: TraceValue[] = [];
      for (let n = 1; n <= entries.length; n++) {
        if (!byIndex.has(String(n))) break;
        seq.push(byIndex.get(String(n)) as TraceValue);
      }
      if (seq.length === entries.length) return seq;
    }
  }
  if (entries.every(([k]) => typeof k === 'string')) {
    const record: Record<string, TraceValue> = {};
    for (const [k, v] of entries) record[k as string] = v;
    return record;
  }
  return { '#map': entries };
}

/** What kind of value a `TraceValue` is, telling the tagged objects apart from records. */
export type TraceValueKind =
  'bool' | 'string' | 'int' | 'set' | 'map' | 'modelValue' | 'seq' | 'record';

export function kindOf(v: TraceValue): TraceValueKind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'seq';
  const keys = Object.keys(v);
  if (keys.length === 1) {
    const x = (v as Record<string, unknown>)[keys[0]];
    if (keys[0] === '#bigint' && typeof x === 'string') return 'int';
    if (keys[0] === '#set' && Array.isArray(x)) return 'set';
    if (keys[0] === '#map' && Array.isArray(x)) return 'map';
    if (keys[0] === '#mv' && typeof x === 'string') return 'modelValue';
  }
  return 'record';
}

/**
 * The value with sets ordered by their elements' canonical keys, records' fields by name, and
 * functions rebuilt in their contract shape; two values are equal in TLA+ iff their normal forms
 * are deeply equal.
 */
export function normalizeValue(v: TraceValue): TraceValue {
  switch (kindOf(v)) {
    case 'bool':
    case 'string':
    case 'int':
    case 'modelValue':
      return v;
    case 'seq':
      return (v as TraceValue[]).map(normalizeValue);
    case 'set': {
      const keyed = new Map<string, TraceValue>();
      for (const e of (v as { '#set': TraceValue[] })['#set']) {
        const n = normalizeValue(e);
        keyed.set(JSON.stringify(n), n);
      }
      return { '#set': [...keyed.keys()].sort().map((k) => keyed.get(k) as TraceValue) };
    }
    case 'map':
      return normalizeFunction((v as { '#map': Entry[] })['#map']);
    case 'record':
      return normalizeFunction(Object.entries(v as Record<string, TraceValue>));
  }
}

function normalizeFunction(entries: Entry[]): TraceValue {
  const normal = entries.map(([k, x]) => [normalizeValue(k), normalizeValue(x)] as Entry);
  const keyed = normal
    .map((e) => [JSON.stringify(e[0]), e] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return fromEntries(keyed.map(([, e]) => e));
}

/** A string equal for two values iff they are equal TLA+ values. */
export function canonicalKey(v: TraceValue): string {
  return JSON.stringify(normalizeValue(v));
}

/** A string equal for two states iff they assign equal values to the same variables. */
export function canonicalStateKey(state: TraceState): string {
  const names = Object.keys(state).sort();
  return JSON.stringify(names.map((n) => [n, normalizeValue(state[n])]));
}
