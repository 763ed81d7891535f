/**
 * Prints engine values the way TLC prints them (error messages, action labels, Print output).
 * The UI and formats print `TraceValue`s with src/formats; both follow TLC's notation.
 */
import {
  type Value,
  ModelValue,
  SetBase,
  TupleValue,
  RecordValue,
  FunctionBase,
  OpValue,
  ValueError,
} from '../core/values';
import { InfiniteSetValue, IntervalValue, SeqSetValue } from '../core/lazy-sets';
import { isRecordFieldName, quoteString } from '../trace/print';

export function printValue(v: Value): string {
  switch (typeof v) {
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    case 'number':
    case 'bigint':
      return String(v);
    case 'string':
      return quoteString(v);
  }
  if (v instanceof ModelValue) return v.name;
  if (v instanceof OpValue) return v.name;
  // TLC keeps `a..b` as an interval (until an operation enumerates it) and prints it so.
  if (v instanceof IntervalValue) return v.size() === 0 ? '{}' : `${v.lo}..${v.hi}`;
  if (v instanceof SetBase) {
    if (!v.isFinite()) return setName(v);
    return `{${v.enumerate().elems.map(printValue).join(', ')}}`;
  }
  if (v instanceof TupleValue) return `<<${v.elems.map(printValue).join(', ')}>>`;
  // TLC prints a function on strings as a record only when every string could be a field name.
  if (v instanceof RecordValue && v.names.every(isRecordFieldName)) {
    return `[${v.names.map((n, i) => `${n} |-> ${printValue(v.values[i])}`).join(', ')}]`;
  }
  if (v instanceof FunctionBase) {
    const n = v.size();
    const parts: string[] = [];
    for (let i = 0; i < n; i++)
      parts.push(`${printValue(v.domainAt(i))} :> ${printValue(v.valueAt(i))}`);
    return `(${parts.join(' @@ ')})`;
  }
  return String(v);
}

/**
 * TLC prints Nat, Int, Real, STRING and Seq(S) by name and enumerates every other set to print
 * it, which fails for an infinite one (`Nat \ {1}`, `[Nat -> S]`): so does this.
 */
function setName(s: SetBase): string {
  if (s instanceof InfiniteSetValue) return s.which;
  if (s instanceof SeqSetValue) return `Seq(${printValue(s.base)})`;
  throw new ValueError(
    'Attempted to print an infinite set that has no name (TLC enumerates a set to print it)',
  );
}
