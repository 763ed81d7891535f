/**
 * Traces in the Informal Trace Format (ITF, Apalache ADR-015), both ways.
 *
 * Our `TraceValue` is ITF's value shape with two differences handled here:
 * - TLA+ does not tell tuples from sequences; we hold both as JSON arrays and export them as
 *   `{"#tup": [...]}` (what TLA+-aware ITF readers expect for `<<a, b>>`); import takes both forms;
 * - TLC model values have no ITF form: `{"#mv": "p1"}` is exported as `{"#unserializable": "p1"}`,
 *   and read back as a model value.
 * Each state's `#meta` holds its index and, beyond ITF's minimum, the step that reached it: its
 * action, label, parameters (`params`, by name; `bound`: those a `\E` inside the action bound) and,
 * for simulated behaviours, the choice made (`choice`: successor `index` of `of`), so that a round
 * trip keeps them and a test driver reads them as data.
 */
import type { Trace, TraceStep } from '../check/contract/types';
import type { TraceState, TraceValue } from '../trace/value';
import { view } from '../trace/view';

export type ItfValue =
  | boolean
  | string
  | number
  | ItfValue[]
  | { '#bigint': string }
  | { '#tup': ItfValue[] }
  | { '#set': ItfValue[] }
  | { '#map': [ItfValue, ItfValue][] }
  | { '#unserializable': string }
  | { [field: string]: ItfValue };

/** A state: `#meta`, then one `ItfValue` per variable. */
export interface ItfState {
  '#meta'?: Record<string, unknown>;
  [variable: string]: unknown;
}

export interface ItfTrace {
  '#meta'?: Record<string, unknown>;
  params?: string[];
  vars: string[];
  states: ItfState[];
  loop?: number;
}

export function toItfValue(v: TraceValue): ItfValue {
  const w = view(v);
  switch (w.kind) {
    case 'bool':
    case 'string':
      return w.value;
    case 'int':
      return { '#bigint': w.digits };
    case 'modelValue':
      return { '#unserializable': w.name };
    case 'seq':
      return { '#tup': w.elements.map(toItfValue) };
    case 'set':
      return { '#set': w.elements.map(toItfValue) };
    case 'map':
      return { '#map': w.entries.map(([k, x]) => [toItfValue(k), toItfValue(x)]) };
    case 'record': {
      const out: Record<string, ItfValue> = {};
      for (const [k, x] of Object.entries(w.fields)) out[k] = toItfValue(x);
      return out;
    }
  }
}

export class ItfError extends Error {}

export function fromItfValue(v: ItfValue): TraceValue {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new ItfError(`not an integer: ${v}`);
    return { '#bigint': String(v) };
  }
  if (Array.isArray(v)) return v.map(fromItfValue);
  const keys = Object.keys(v);
  const only = keys.length === 1 ? keys[0] : undefined;
  const x = only ? (v as Record<string, unknown>)[only] : undefined;
  if (only === '#bigint' && typeof x === 'string' && /^-?\d+$/.test(x)) return { '#bigint': x };
  if (only === '#tup' && Array.isArray(x)) return (x as ItfValue[]).map(fromItfValue);
  if (only === '#set' && Array.isArray(x)) return { '#set': (x as ItfValue[]).map(fromItfValue) };
  if (only === '#unserializable' && typeof x === 'string') return { '#mv': x };
  if (only === '#map' && Array.isArray(x)) {
    return {
      '#map': (x as unknown[]).map((pair) => {
        if (!Array.isArray(pair) || pair.length !== 2)
          throw new ItfError('a #map entry must be a [key, value] pair');
        return [fromItfValue(pair[0] as ItfValue), fromItfValue(pair[1] as ItfValue)] as [
          TraceValue,
          TraceValue,
        ];
      }),
    };
  }
  const tagged = keys.find((k) => k.startsWith('#'));
  if (tagged) throw new ItfError(`unsupported ITF value ${tagged}`);
  const record: Record<string, TraceValue> = {};
  for (const k of keys) record[k] = fromItfValue((v as Record<string, ItfValue>)[k]);
  return record;
}

export interface ItfExportOptions {
  /** Goes into the trace's `#meta` (e.g. the spec file and what was violated). */
  source?: string;
  description?: string;
}

export function traceToItf(trace: Trace, options: ItfExportOptions = {}): ItfTrace {
  const meta: Record<string, unknown> = {
    format: 'ITF',
    'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
  };
  if (options.source) meta.source = options.source;
  if (options.description) meta.description = options.description;
  const itf: ItfTrace = {
    '#meta': meta,
    vars: [...trace.vars],
    states: trace.states.map((state, index) => {
      const step = trace.steps[index];
      const stateMeta: Record<string, unknown> = { index };
      if (step) {
        stateMeta.action = step.action;
        stateMeta.label = step.label;
        // The step as data for a test driver: the action's parameters by name (those a `\E`
        // inside the action bound are listed in `bound`), and the choice the simulator made.
        if (index > 0 && step.params.length) {
          stateMeta.params = Object.fromEntries(
            step.params.map((p) => [p.name, toItfValue(p.value)]),
          );
          const bound = step.params.filter((p) => p.bound).map((p) => p.name);
          if (bound.length) stateMeta.bound = bound;
        }
        if (step.choice) stateMeta.choice = step.choice;
      }
      const out: ItfState = { '#meta': stateMeta };
      for (const name of trace.vars) out[name] = toItfValue(state[name]);
      return out;
    }),
  };
  if (trace.loop !== undefined) itf.loop = trace.loop;
  return itf;
}

export function itfToTrace(itf: ItfTrace): Trace {
  if (!itf || !Array.isArray(itf.vars) || !Array.isArray(itf.states)) {
    throw new ItfError('an ITF trace needs "vars" and "states" arrays');
  }
  const states: TraceState[] = [];
  const steps: TraceStep[] = [];
  itf.states.forEach((s, index) => {
    const state: TraceState = {};
    for (const name of itf.vars) {
      if (!(name in s)) throw new ItfError(`state ${index} has no value for variable ${name}`);
      state[name] = fromItfValue(s[name] as ItfValue);
    }
    states.push(state);
    const meta = (s['#meta'] ?? {}) as Record<string, unknown>;
    const action = typeof meta.action === 'string' ? meta.action : index === 0 ? 'Init' : '';
    const label = typeof meta.label === 'string' ? meta.label : action;
    const bound = Array.isArray(meta.bound) ? meta.bound : [];
    const params =
      meta.params && typeof meta.params === 'object' && !Array.isArray(meta.params)
        ? Object.entries(meta.params as Record<string, ItfValue>).map(([name, v]) => ({
            name,
            value: fromItfValue(v),
            ...(bound.includes(name) ? { bound: true } : {}),
          }))
        : [];
    const step: TraceStep = { action, params, label };
    const c = meta.choice as { index?: unknown; of?: unknown } | undefined;
    if (c && Number.isInteger(c.index) && Number.isInteger(c.of))
      step.choice = { index: c.index as number, of: c.of as number };
    steps.push(step);
  });
  const trace: Trace = { vars: [...itf.vars], states, steps };
  if (typeof itf.loop === 'number') trace.loop = itf.loop;
  return trace;
}
