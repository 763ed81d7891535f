/**
 * Taking a trace value apart. `TraceValue` is untagged (ITF's shape: a record and a tagged object
 * are both JSON objects), so code that reads one asks `view` for a tagged union instead of casting;
 * the helpers below read functions, collections and bags (the Bags module's functions to counts)
 * the same way wherever they are used (state tree, sequence diagram, graph, file formats).
 */
import type { Entry, TraceValue } from './value';

export type TraceView =
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'int'; digits: string }
  | { kind: 'modelValue'; name: string }
  | { kind: 'set'; elements: TraceValue[] }
  | { kind: 'seq'; elements: TraceValue[] }
  | { kind: 'map'; entries: Entry[] }
  | { kind: 'record'; fields: Record<string, TraceValue> };

/** What kind of value a `TraceValue` is, telling the tagged objects apart from records. */
export type TraceValueKind = TraceView['kind'];

/**
 * The kind of `v`, without building its view. The one place that reads the tags: an object with
 * one tagged key of the right type (`view` asks it too).
 */
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

/** The value as a tagged union. */
export function view(v: TraceValue): TraceView {
  const tagged = v as Record<string, unknown>;
  switch (kindOf(v)) {
    case 'bool':
      return { kind: 'bool', value: v as boolean };
    case 'string':
      return { kind: 'string', value: v as string };
    case 'seq':
      return { kind: 'seq', elements: v as TraceValue[] };
    case 'int':
      return { kind: 'int', digits: tagged['#bigint'] as string };
    case 'set':
      return { kind: 'set', elements: tagged['#set'] as TraceValue[] };
    case 'map':
      return { kind: 'map', entries: tagged['#map'] as Entry[] };
    case 'modelValue':
      return { kind: 'modelValue', name: tagged['#mv'] as string };
    case 'record':
      return { kind: 'record', fields: v as Record<string, TraceValue> };
  }
}

/** The integer `n` as a trace value. */
export const intValue = (n: number): TraceValue => ({ '#bigint': String(n) });

/** An integer's value as a JS number (rounded beyond 2^53), or undefined if `v` is no integer. */
export function numberOf(v: TraceValue): number | undefined {
  const w = view(v);
  return w.kind === 'int' ? Number(w.digits) : undefined;
}

/** The (argument, value) pairs of a function value: a record, a `#map`, or a tuple (on 1..n). */
export function entriesOf(v: TraceValue): Entry[] | undefined {
  const w = view(v);
  switch (w.kind) {
    case 'record':
      return Object.entries(w.fields);
    case 'map':
      return w.entries;
    case 'seq':
      return w.elements.map((x, i) => [intValue(i + 1), x]);
    default:
      return undefined;
  }
}

/** Record fields of a value, or none. */
export function fieldsOf(v: TraceValue): Record<string, TraceValue> | undefined {
  const w = view(v);
  return w.kind === 'record' ? w.fields : undefined;
}

export type ContainerKind = 'set' | 'bag' | 'seq';

/** A container's elements with their multiplicities, or undefined if `v` is not one of `kind`. */
export function elementsOf(
  v: TraceValue,
  kind: ContainerKind,
): { value: TraceValue; count: number }[] | undefined {
  const w = view(v);
  if (kind === 'set')
    return w.kind === 'set' ? w.elements.map((value) => ({ value, count: 1 })) : undefined;
  if (kind === 'seq')
    return w.kind === 'seq' ? w.elements.map((value) => ({ value, count: 1 })) : undefined;
  // A bag (the Bags module) is a function from elements to positive counts.
  if (w.kind === 'seq' && w.elements.length === 0) return [];
  if (w.kind !== 'map' && w.kind !== 'record') return undefined;
  const entries = entriesOf(v)!;
  const counted: { value: TraceValue; count: number }[] = [];
  for (const [value, c] of entries) {
    const count = numberOf(c);
    if (count === undefined) return undefined;
    counted.push({ value, count });
  }
  return counted;
}

/** What kind of container `v` is: a set, a bag (function to counts), or a sequence. */
export function containerKind(v: TraceValue): ContainerKind | undefined {
  const k = view(v).kind;
  if (k === 'set') return 'set';
  if (k === 'seq') return 'seq';
  // Counts by message are a bag; counts by name (a record) are more likely counters.
  return k === 'map' && elementsOf(v, 'bag') ? 'bag' : undefined;
}

export type Composite = 'set' | 'seq' | 'record' | 'map';

/** How many parts a set, sequence, record or function has; 0 for scalars. */
export function partCount(v: TraceValue): number {
  const w = view(v);
  switch (w.kind) {
    case 'set':
    case 'seq':
      return w.elements.length;
    case 'map':
      return w.entries.length;
    case 'record':
      return Object.keys(w.fields).length;
    default:
      return 0;
  }
}

/** The kind of a value whose parts can be listed, or undefined for scalars and empty values. */
export function compositeKind(v: TraceValue): Composite | undefined {
  const kind = view(v).kind;
  if (kind !== 'set' && kind !== 'seq' && kind !== 'map' && kind !== 'record') return undefined;
  return partCount(v) > 0 ? kind : undefined;
}

/** The value with only its first `n` parts (a valid value of the same kind); scalars as they are. */
export function firstParts(v: TraceValue, n: number): TraceValue {
  const w = view(v);
  switch (w.kind) {
    case 'set':
      return { '#set': w.elements.slice(0, n) };
    case 'seq':
      return w.elements.slice(0, n);
    case 'map':
      return { '#map': w.entries.slice(0, n) };
    case 'record':
      return Object.fromEntries(Object.entries(w.fields).slice(0, n));
    default:
      return v;
  }
}
