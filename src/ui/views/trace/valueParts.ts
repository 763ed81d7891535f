import { type TraceValue, kindOf } from '../../../trace/value';
import { isRecordFieldName, printValueOneLine } from '../../../trace/print';
/**
 * The parts of a composite TLA+ value as the state tree and the diff see them: elements of a set,
 * entries of a sequence, record or function, each with a stable id so that a part can be matched
 * between two states and keep its place in the tree while stepping.
 */

export interface ValuePart {
  /** Equal for the same element / key in two values (a set element's id is the element's). */
  id: string;
  /** The key of a sequence, record or function entry; absent for set elements. */
  key?: TraceValue;
  value: TraceValue;
}

export type Composite = 'set' | 'seq' | 'record' | 'map';

/** The kind of a value whose parts can be listed, or undefined for scalars and empty values. */
export function compositeKind(v: TraceValue): Composite | undefined {
  const kind = kindOf(v);
  switch (kind) {
    case 'set':
      return (v as { '#set': TraceValue[] })['#set'].length > 0 ? kind : undefined;
    case 'seq':
      return (v as TraceValue[]).length > 0 ? kind : undefined;
    case 'map':
      return (v as { '#map': unknown[] })['#map'].length > 0 ? kind : undefined;
    case 'record':
      return Object.keys(v as object).length > 0 ? kind : undefined;
    default:
      return undefined;
  }
}

/** How many parts `partsOf` would list, without building them. */
export function partCount(v: TraceValue): number {
  switch (compositeKind(v)) {
    case 'set':
      return (v as { '#set': TraceValue[] })['#set'].length;
    case 'seq':
      return (v as TraceValue[]).length;
    case 'map':
      return (v as { '#map': unknown[] })['#map'].length;
    case 'record':
      return Object.keys(v as object).length;
    default:
      return 0;
  }
}

// Printing is canonical for the traces the viewer gets: the engine keeps sets and functions in
// one order, and opened files are normalised when read (traceFiles.ts). So a value's one-line
// print is its id. Each object is printed once: stepping back and forth shows the same objects,
// and the tree prints the same values as summaries.
const printed = new WeakMap<object, string>();

/** Longer prints are not kept: a long trace's big variables would hold megabytes of text. */
const CACHED_LENGTH = 4096;

/** The value on one line as TLC prints it, computed once per object. */
export function valueLine(v: TraceValue): string {
  if (typeof v !== 'object') return printValueOneLine(v);
  let text = printed.get(v);
  if (text === undefined) {
    text = printValueOneLine(v);
    if (text.length <= CACHED_LENGTH) printed.set(v, text);
  }
  return text;
}

/** A string equal for two values iff they are equal TLA+ values (in canonical order). */
export const valueId = valueLine;

/** The id of a record's field `name` among the record's parts. */
export const fieldId = (name: string) => printValueOneLine(name);

const int = (n: number): TraceValue => ({ '#bigint': String(n) });

export function partsOf(v: TraceValue): ValuePart[] {
  switch (compositeKind(v)) {
    case 'set':
      return (v as { '#set': TraceValue[] })['#set'].map((e) => ({ id: valueId(e), value: e }));
    case 'seq':
      return (v as TraceValue[]).map((e, i) => ({ id: String(i + 1), key: int(i + 1), value: e }));
    case 'map':
      return (v as { '#map': [TraceValue, TraceValue][] })['#map'].map(([k, e]) => ({
        id: valueId(k),
        key: k,
        value: e,
      }));
    case 'record':
      return Object.entries(v as Record<string, TraceValue>).map(([k, e]) => ({
        id: fieldId(k),
        key: k,
        value: e,
      }));
    default:
      return [];
  }
}

/** The key as the tree shows it: a field name bare, any other key as a TLA+ value. */
export function keyText(part: ValuePart): string {
  if (part.key === undefined) return '';
  if (typeof part.key === 'string' && isRecordFieldName(part.key)) return part.key;
  return printValueOneLine(part.key);
}

/** The part's step in a path: `.field`, `[key]`; set elements have none (they are values). */
export function pathSegment(part: ValuePart): string {
  if (part.key === undefined) return '';
  if (typeof part.key === 'string' && isRecordFieldName(part.key)) return `.${part.key}`;
  return `[${printValueOneLine(part.key)}]`;
}

const isNamedRecord = (v: TraceValue) =>
  kindOf(v) === 'record' &&
  Object.keys(v as object).length > 0 &&
  Object.keys(v as object).every(isRecordFieldName);

/**
 * The columns when the value reads better as a table: a collection (set, sequence, function) of
 * at least two records that share at most `maxColumns` field names between them.
 */
export function tableColumns(v: TraceValue, maxColumns = 8): string[] | undefined {
  const parts = partsOf(v);
  if (parts.length < 2 || !parts.every((p) => isNamedRecord(p.value))) return undefined;
  const columns: string[] = [];
  for (const p of parts) {
    for (const field of Object.keys(p.value as object)) {
      if (!columns.includes(field)) columns.push(field);
      if (columns.length > maxColumns) return undefined;
    }
  }
  return columns;
}
