/**
 * Equality of trace values: two values that came from different sources (our engine, TLC's dot
 * files, ITF files) are equal TLA+ values iff their keys are equal, whatever order they list sets,
 * fields or function pairs in.
 */
import { type Entry, type TraceState, type TraceValue, fromEntries } from './value';
import { entriesOf, view } from './view';

/**
 * The value with sets ordered by their elements' canonical keys, records' fields by name, and
 * functions rebuilt in their contract shape; two values are equal in TLA+ iff their normal forms
 * are deeply equal.
 */
export function normalizeValue(v: TraceValue): TraceValue {
  const w = view(v);
  switch (w.kind) {
    case 'bool':
    case 'string':
    case 'int':
    case 'modelValue':
      return v;
    case 'seq':
      return w.elements.map(normalizeValue);
    case 'set': {
      const keyed = new Map<string, TraceValue>();
      for (const e of w.elements) {
        const n = normalizeValue(e);
        keyed.set(JSON.stringify(n), n);
      }
      return { '#set': [...keyed.keys()].sort().map((k) => keyed.get(k) as TraceValue) };
    }
    case 'map':
      return normalizeFunction(w.entries);
    case 'record':
      return normalizeFunction(Object.entries(w.fields));
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

/** The value of function `f` at the argument whose canonical key is `key`. */
export function applyAt(f: TraceValue, key: string): TraceValue | undefined {
  return entriesOf(f)?.find(([k]) => canonicalKey(k) === key)?.[1];
}
