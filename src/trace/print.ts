/**
 * TLA+ values as TLC prints them: `printValue` writes a `TraceValue` exactly as TLC writes it in
 * an error trace or a `-dump dot` label (formats/tla-value.ts reads it back).
 *
 * TLC's one-line forms: `{1, 2}`, `<<1, "a">>`, `[a |-> 1, b |-> 2]`, `(1 :> "a" @@ 2 :> "b")`,
 * `TRUE`, model values by name, strings quoted with `\"`, `\\`, `\n`, `\t`, `\r`, `\f` escaped.
 * Long values are then broken over lines by TLC's pretty printer (`tlc-pretty.ts`).
 */
import { tlcPrettyPrint } from './tlc-pretty';
import { type TraceState, type TraceValue } from './value';
import { view } from './view';

/**
 * TLC prints a function whose domain is a set of strings as a record only when every string is a
 * "name" (letters, digits and `_`, with a letter, not `WF_…`/`SF_…`); otherwise as `("a b" :> 1)`.
 */
export function isRecordFieldName(s: string): boolean {
  if (!/^[\p{L}\p{Nd}_]+$/u.test(s) || !/\p{L}/u.test(s)) return false;
  return s.length < 4 || !(s.startsWith('WF_') || s.startsWith('SF_'));
}

export function quoteString(s: string): string {
  const escapes: Record<string, string> = {
    '"': '\\"',
    '\\': '\\\\',
    '\t': '\\t',
    '\n': '\\n',
    '\f': '\\f',
    '\r': '\\r',
  };
  return '"' + s.replace(/["\\\t\n\f\r]/g, (c) => escapes[c]) + '"';
}

/** The value on one line, as TLC's `toString`. */
export function printValueOneLine(v: TraceValue): string {
  const w = view(v);
  switch (w.kind) {
    case 'bool':
      return w.value ? 'TRUE' : 'FALSE';
    case 'string':
      return quoteString(w.value);
    case 'int':
      return w.digits;
    case 'modelValue':
      return w.name;
    case 'seq':
      return '<<' + w.elements.map(printValueOneLine).join(', ') + '>>';
    case 'set':
      return '{' + w.elements.map(printValueOneLine).join(', ') + '}';
    case 'map':
      return printFunction(w.entries);
    case 'record': {
      const fields = Object.entries(w.fields);
      if (fields.length === 0) return '<<>>';
      if (!fields.every(([k]) => isRecordFieldName(k))) return printFunction(fields);
      return '[' + fields.map(([k, x]) => `${k} |-> ${printValueOneLine(x)}`).join(', ') + ']';
    }
  }
}

function printFunction(entries: [TraceValue, TraceValue][]): string {
  if (entries.length === 0) return '<<>>';
  return (
    '(' +
    entries.map(([k, x]) => `${printValueOneLine(k)} :> ${printValueOneLine(x)}`).join(' @@ ') +
    ')'
  );
}

/** The value as TLC prints it in traces and dot labels: one line, or broken to fit 80 columns. */
export function printValue(v: TraceValue): string {
  return tlcPrettyPrint(printValueOneLine(v));
}

/**
 * A state as TLC prints it (`TLCStateMut.toString`, without the final newline): `/\ x = 1` per
 * variable in `vars` order, or `x = 1` when there is one variable. TLC's own order is neither the
 * declaration order nor alphabetical (Trace.tlcVars, check/model/tlc-variable-order.ts).
 */
export function printState(state: TraceState, vars: string[]): string {
  if (vars.length === 1) return `${vars[0]} = ${printValue(state[vars[0]])}`;
  return vars.map((name) => `/\\ ${name} = ${printValue(state[name])}`).join('\n');
}
