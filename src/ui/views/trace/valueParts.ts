import type { TraceValue } from '../../../trace/value';
import { isRecordFieldName, printValueOneLine } from '../../../trace/print';
import { canonicalKey } from '../../../trace/keys';
import { compositeKind, fieldsOf, intValue, view } from '../../../trace/view';
/**
 * The parts of a composite TLA+ value as the state tree and the diff see them: elements of a set,
 * entries of a sequence, record or function, each with a stable id so that a part can be matched
 * between two states and keep its place in the tree while stepping. (Taking values apart in
 * general is src/trace/view.ts; this adds the tree's ids and its notation for keys.)
 */

export interface ValuePart {
  /** Equal for the same element / key in two values (a set element's id is the element's key). */
  id: string;
  /** The key of a sequence, record or function entry; absent for set elements. */
  key?: TraceValue;
  value: TraceValue;
}

// Each object is printed once: stepping back and forth shows the same objects, and the tree
// prints the same values as summaries. Keys likewise: a set's elements keep their ids.
const printed = new WeakMap<object, string>();
const keyed = new WeakMap<object, string>();

/** Longer texts are not kept: a long trace's big variables would hold megabytes of text. */
const CACHED_LENGTH = 4096;

function cached(cache: WeakMap<object, string>, v: TraceValue, f: (v: TraceValue) => string) {
  if (typeof v !== 'object') return f(v);
  let text = cache.get(v);
  if (text === undefined) {
    text = f(v);
    if (text.length <= CACHED_LENGTH) cache.set(v, text);
  }
  return text;
}

/** The value on one line as TLC prints it, computed once per object. */
export function valueLine(v: TraceValue): string {
  return cached(printed, v, printValueOneLine);
}

/** The id of an element or key: its canonical key (equal iff equal TLA+ values), once per object. */
const partId = (v: TraceValue): string => cached(keyed, v, canonicalKey);

/** The id of a record's field `name` among the record's parts. */
export const fieldId = (name: string) => partId(name);

export function partsOf(v: TraceValue): ValuePart[] {
  if (compositeKind(v) === undefined) return [];
  const w = view(v);
  switch (w.kind) {
    case 'set':
      return w.elements.map((e) => ({ id: partId(e), value: e }));
    case 'seq':
      return w.elements.map((e, i) => ({ id: String(i + 1), key: intValue(i + 1), value: e }));
    case 'map':
      return w.entries.map(([k, e]) => ({ id: partId(k), key: k, value: e }));
    case 'record':
      return Object.entries(w.fields).map(([k, e]) => ({ id: fieldId(k), key: k, value: e }));
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

/** The fields of a non-empty record whose field names are all identifiers, or none. */
function namedFields(v: TraceValue): string[] | undefined {
  const fields = fieldsOf(v);
  if (!fields) return undefined;
  const names = Object.keys(fields);
  return names.length > 0 && names.every(isRecordFieldName) ? names : undefined;
}

/**
 * The columns when the value reads better as a table: a collection (set, sequence, function) of
 * at least two records that share at most `maxColumns` field names between them.
 */
export function tableColumns(v: TraceValue, maxColumns = 8): string[] | undefined {
  const parts = partsOf(v);
  if (parts.length < 2) return undefined;
  const columns: string[] = [];
  const named = parts.map((p) => namedFields(p.value));
  if (!named.every((f) => f !== undefined)) return undefined;
  for (const fields of named) {
    for (const field of fields) {
      if (!columns.includes(field)) columns.push(field);
      if (columns.length > maxColumns) return undefined;
    }
  }
  return columns;
}
