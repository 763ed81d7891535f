import { type TraceValue, kindOf } from '../../../../trace/value';
import { printValueOneLine } from '../../../../trace/print';
import { canonicalKey } from '../../../../trace/keys';
/**
 * Reading `TraceValue`s as the sequence diagram needs them: as functions (a process-indexed
 * variable), as containers of messages (a set, a bag, a sequence), and as short text.
 */

export type Entry = [TraceValue, TraceValue];

const int = (n: number): TraceValue => ({ '#bigint': String(n) });

/** The (argument, value) pairs of a function value: a record, a `#map`, or a tuple (on 1..n). */
export function entriesOf(v: TraceValue): Entry[] | undefined {
  switch (kindOf(v)) {
    case 'record':
      return Object.entries(v as Record<string, TraceValue>);
    case 'map':
      return (v as { '#map': Entry[] })['#map'];
    case 'seq':
      return (v as TraceValue[]).map((x, i) => [int(i + 1), x]);
    default:
      return undefined;
  }
}

/** The value of function `f` at the argument whose canonical key is `key`. */
export function applyAt(f: TraceValue, key: string): TraceValue | undefined {
  return entriesOf(f)?.find(([k]) => canonicalKey(k) === key)?.[1];
}

export type ContainerKind = 'set' | 'bag' | 'seq';

/** A container's elements with their multiplicities, or undefined if `v` is not one of `kind`. */
export function elementsOf(
  v: TraceValue,
  kind: ContainerKind,
): { value: TraceValue; count: number }[] | undefined {
  const k = kindOf(v);
  if (kind === 'set')
    return k === 'set'
      ? (v as { '#set': TraceValue[] })['#set'].map((value) => ({ value, count: 1 }))
      : undefined;
  if (kind === 'seq')
    return k === 'seq' ? (v as TraceValue[]).map((value) => ({ value, count: 1 })) : undefined;
  // A bag (the Bags module) is a function from elements to positive counts.
  if (k === 'seq' && (v as TraceValue[]).length === 0) return [];
  if (k !== 'map' && k !== 'record') return undefined;
  const entries = entriesOf(v)!;
  if (!entries.every(([, c]) => kindOf(c) === 'int')) return undefined;
  return entries.map(([value, c]) => ({
    value,
    count: Number((c as { '#bigint': string })['#bigint']),
  }));
}

/** What kind of container `v` is: a set, a bag (function to counts), or a sequence. */
export function containerKind(v: TraceValue): ContainerKind | undefined {
  const k = kindOf(v);
  if (k === 'set') return 'set';
  if (k === 'seq') return 'seq';
  // Counts by message are a bag; counts by name (a record) are more likely counters.
  return k === 'map' && elementsOf(v, 'bag') ? 'bag' : undefined;
}

/** A name for a value on a lifeline or in a note: TLC notation, strings without their quotes. */
export function shortText(v: TraceValue): string {
  return typeof v === 'string' ? v : printValueOneLine(v);
}

/** Record fields of a value, or none. */
export function fieldsOf(v: TraceValue): Record<string, TraceValue> | undefined {
  return kindOf(v) === 'record' ? (v as Record<string, TraceValue>) : undefined;
}
