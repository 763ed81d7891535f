/**
 * The value of a variable in a trace, as plain data: what the engine hands to the UI, the CLI and
 * the file formats (JSON-safe, so it crosses worker boundaries and goes into files as is). Built
 * from engine values by from-engine.ts, compared by keys.ts, printed by print.ts.
 */

/**
 * A TLA+ value as plain data, in the shape of the Informal Trace Format (ITF) with one addition for
 * TLC model values:
 * - booleans and strings as JSON booleans and strings;
 * - integers as `{"#bigint": "123"}` (always, so that one shape serves every size);
 * - sets `{"#set": [...]}` in the engine's canonical order;
 * - sequences and tuples (functions with domain 1..n, n ≥ 1) as JSON arrays; `<<>>` is `[]`;
 * - records (functions whose domain is a non-empty set of strings) as JSON objects;
 * - other functions `{"#map": [[k, v], ...]}` in canonical order of keys;
 * - TLC model values `{"#mv": "name"}` (ITF export turns them into `{"#unserializable": …}`).
 */
export type TraceValue =
  | boolean
  | string
  | { '#bigint': string }
  | { '#set': TraceValue[] }
  | { '#map': [TraceValue, TraceValue][] }
  | { '#mv': string }
  | TraceValue[]
  | { [field: string]: TraceValue };

export type TraceState = Record<string, TraceValue>;

export type Entry = [TraceValue, TraceValue];

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
