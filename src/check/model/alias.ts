/**
 * The .cfg's ALIAS: TLC prints an error trace's states through it, in checks and simulations
 * alike. The trace keeps the variables (the views, replay, share links and ITF use them);
 * Trace.alias holds the printed records, which TLC's text of the trace (printTlcTrace) shows.
 */
import type { Range } from '../../tla/ast/ast';
import { RecordValue } from '../../core/values';
import { EvalError } from '../../eval/errors';
import { printValue } from '../../eval/print';
import type { TraceState } from '../../trace/value';
import type { Trace } from '../contract/types';
import { toTraceValue } from '../../trace/from-engine';
import type { State } from './runtime';
import type { buildModel } from './setup';

/** Where the ALIAS of the .cfg shows, and where it does not. */
export const aliasWarning = (name: string): string =>
  `ALIAS ${name}: the error trace is printed through it, as TLC prints it; the trace view, the sequence diagram and ITF show the variables.`;

/** An ALIAS that cannot be evaluated on a trace's state: the trace stays as it is. */
export const aliasFailure = (name: string, why: string): string =>
  `ALIAS ${name} could not be evaluated, so the trace shows the variables: ${why}`;

/**
 * The .cfg's ALIAS as a trace's printer (Trace.alias): the definition evaluated on each state
 * with the next one as its primed state (the last one with itself), as TLC evaluates it. A value
 * that is not a record, or a failure, gives no alias (and `failed` says why, once).
 */
export function aliasPrinter(
  parts: ReturnType<typeof buildModel>,
  name: string,
  range: Range,
  failed: (why: string) => void,
): (states: State[]) => Trace['alias'] {
  const ev = parts.compiler.topLevel({ kind: 'Ident', name, range }, parts.root);
  // TLC prints a record built by `[f |-> e, …]` in the order written; ours are kept in a
  // canonical order: the written order, where the definition is such a record.
  const b = parts.root.lookup(name);
  const body = b?.k === 'def' ? b.def.body : undefined;
  const written = body?.kind === 'RecordCtor' ? body.fields.map((f) => f.name) : undefined;
  return (states) => {
    try {
      const out: TraceState[] = [];
      let fields: string[] | undefined;
      states.forEach((s, i) => {
        const v = ev({ s, n: states[i + 1] ?? s, f: null });
        if (!(v instanceof RecordValue))
          throw new EvalError(`${name} is ${printValue(v)}, not a record`, range);
        fields ??=
          written && written.length === v.names.length && written.every((f) => v.names.includes(f))
            ? written
            : [...v.names];
        const rec: TraceState = {};
        v.names.forEach((f, k) => (rec[f] = toTraceValue(v.values[k])));
        out.push(rec);
      });
      return fields ? { fields, states: out } : undefined;
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      failed(e.message);
      return undefined;
    }
  };
}
