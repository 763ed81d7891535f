/**
 * Reads the JSON TLC writes with `-dumpTrace json FILE`: `{"state": [[1, {var: value}], …],
 * "action": [[[i, state], {name, location, context?}, [i+1, state]], …]}`; a lasso's last action
 * leads back to an earlier state.
 *
 * TLC's JSON values are lossy: numbers are JSON numbers, records and string-indexed functions are
 * objects, and both sets and sequences are JSON arrays. We read arrays as sequences (the shape a
 * viewer can show either way) and say so in the module's users; a spec-backed replay matches such
 * states only where no set is involved.
 */
import type { Range } from '../tla/ast/ast';
import type { Trace, TraceStep } from '../check/contract/types';
import type { TraceState, TraceValue } from '../trace/value';

export class TlcDumpTraceError extends Error {}

/** True when `json` has the outline of a `-dumpTrace json` file (and not of ITF). */
export function isTlcDumpTrace(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    Array.isArray((json as { state?: unknown }).state) &&
    !('vars' in json)
  );
}

function value(v: unknown): TraceValue {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new TlcDumpTraceError(`not an integer: ${v}`);
    return { '#bigint': String(v) };
  }
  if (Array.isArray(v)) return v.map(value);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, TraceValue> = {};
    for (const [k, x] of Object.entries(v)) out[k] = value(x);
    return Object.keys(out).length === 0 ? [] : out;
  }
  throw new TlcDumpTraceError(`unexpected value ${JSON.stringify(v)}`);
}

function step(action: unknown): TraceStep {
  const a = (action ?? {}) as {
    name?: unknown;
    location?: Record<string, unknown>;
    context?: Record<string, unknown>;
    parameters?: unknown;
  };
  const name = typeof a.name === 'string' ? a.name : '';
  const names = Array.isArray(a.parameters)
    ? a.parameters.filter((p) => typeof p === 'string')
    : [];
  const params = names
    .filter((p) => a.context && p in a.context)
    .map((p) => ({ name: p, value: value(a.context![p]) }));
  const out: TraceStep = { action: name, params, label: name };
  const l = a.location;
  if (
    l &&
    typeof l.module === 'string' &&
    [l.beginLine, l.beginColumn, l.endLine, l.endColumn].every(Number.isInteger)
  ) {
    const range: Range = {
      module: l.module,
      start: { line: l.beginLine as number, column: l.beginColumn as number },
      // TLC's end column is inclusive; ranges here end after the last character.
      end: { line: l.endLine as number, column: (l.endColumn as number) + 1 },
    };
    out.range = range;
  }
  return out;
}

export function tlcDumpTraceToTrace(json: unknown): Trace {
  if (!isTlcDumpTrace(json)) throw new TlcDumpTraceError('not a TLC -dumpTrace json file');
  const raw = (json as { state: unknown[]; action?: unknown }).state;
  const actions = Array.isArray((json as { action?: unknown }).action)
    ? ((json as { action: unknown[] }).action as unknown[])
    : [];
  const states: TraceState[] = [];
  let vars: string[] = [];
  raw.forEach((entry, i) => {
    const body = Array.isArray(entry) ? entry[1] : undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new TlcDumpTraceError(`state ${i + 1} is not an [index, {variable: value}] pair`);
    if (i === 0) vars = Object.keys(body);
    const state: TraceState = {};
    for (const name of vars) {
      if (!(name in body)) throw new TlcDumpTraceError(`state ${i + 1} has no value for ${name}`);
      state[name] = value((body as Record<string, unknown>)[name]);
    }
    states.push(state);
  });
  const steps: TraceStep[] = states.map((_, i) => {
    if (i === 0) return { action: 'Init', params: [], label: 'Initial predicate' };
    const a = actions[i - 1];
    return step(Array.isArray(a) ? a[1] : undefined);
  });
  const trace: Trace = { vars, states, steps };
  // A lasso (liveness counterexample) ends with an action from the last state back to an earlier
  // one: `[[n, s], action, [k, s']]` with k ≤ n.
  const closing = actions[states.length - 1];
  if (Array.isArray(closing) && Array.isArray(closing[2]) && Number.isInteger(closing[2][0])) {
    const target = (closing[2][0] as number) - 1;
    if (target >= 0 && target < states.length) {
      trace.loop = target;
      steps.push(step(closing[1]));
    }
  }
  return trace;
}
