/**
 * A trace of a Quint spec in the Informal Trace Format as Quint writes it (`quint run --out-itf`):
 * integers `{"#bigint": "3"}`, sets `{"#set": [...]}`, maps `{"#map": [[k, v], ...]}`, tuples
 * `{"#tup": [...]}`, lists as arrays, records as objects, and a sum type's value as
 * `{"tag": "A", "value": ...}` (a unit constructor's value is the empty tuple). TLA+ does not tell
 * a list from a tuple or a map from a record, so the conversion reads each variable's Quint type.
 *
 * With `mbt`, each state also has Quint's model-based-testing variables: `mbt::actionTaken` (the
 * action that reached the state, `init` for the first) and `mbt::nondetPicks`: every nondet name
 * of the spec, `Some(v)` for a pick made inside the action taken or around its call when the
 * nondet is passed as it is (`nondet d = S.oneOf(); tick(d)`: the label's argument of tick), else
 * `None` as Quint writes it. A nondet used around the call in another way (`tick(d + 1)`) is said
 * `None`: its pick is not in the step's label.
 */
import type { QuintType, RowField, Row } from '@informalsystems/quint/dist/src/ir/quintTypes';
import { fromEntries, type TraceValue } from '../trace/value';

export type QuintItfValue =
  | boolean
  | string
  | QuintItfValue[]
  | { [k: string]: QuintItfValue | QuintItfValue[] | [QuintItfValue, QuintItfValue][] };

/** The trace's parts this conversion reads (check/contract/types.ts's Trace has them). */
export interface TraceLike {
  vars: string[];
  states: Record<string, TraceValue>[];
  steps: { action: string; params: { name: string; value: TraceValue; bound?: boolean }[] }[];
  loop?: number;
}

function rowFields(r: Row): RowField[] {
  return r.kind === 'row' ? [...r.fields, ...rowFields(r.other)] : [];
}

type Obj = Record<string, TraceValue>;

function isObj(v: TraceValue): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: TraceValue): Obj {
  return v as Obj;
}

/** A TraceValue's entries as a map (a sequence is the function on 1..n, a record on its fields). */
function entriesOf(v: TraceValue): [TraceValue, TraceValue][] {
  if (Array.isArray(v)) return v.map((x, i) => [{ '#bigint': String(i + 1) }, x]);
  if (isObj(v)) {
    if ('#map' in obj(v)) return obj(v)['#map'] as unknown as [TraceValue, TraceValue][];
    return Object.entries(obj(v)).map(([k, x]) => [k, x]);
  }
  return [];
}

function elemsOf(v: TraceValue): TraceValue[] {
  if (Array.isArray(v)) return v;
  if (isObj(v) && '#set' in obj(v)) return obj(v)['#set'] as TraceValue[];
  return [];
}

/** One value, by its Quint type; `undefined` type: by its shape. */
export function toQuintItf(v: TraceValue, t?: QuintType): QuintItfValue {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (isObj(v) && typeof obj(v)['#bigint'] === 'string')
    return { '#bigint': obj(v)['#bigint'] as string };
  switch (t?.kind) {
    case 'set':
      return { '#set': elemsOf(v).map((x) => toQuintItf(x, t.elem)) };
    case 'list':
      return (Array.isArray(v) ? v : []).map((x) => toQuintItf(x, t.elem));
    case 'tup': {
      const types = rowFields(t.fields).map((f) => f.fieldType);
      return { '#tup': (Array.isArray(v) ? v : []).map((x, i) => toQuintItf(x, types[i])) };
    }
    case 'fun':
      return {
        '#map': entriesOf(v).map(([k, x]) => [toQuintItf(k, t.arg), toQuintItf(x, t.res)]),
      };
    case 'rec': {
      const types = new Map(rowFields(t.fields).map((f) => [f.fieldName, f.fieldType]));
      const out: Record<string, QuintItfValue> = {};
      if (isObj(v))
        for (const [k, x] of Object.entries(obj(v))) out[k] = toQuintItf(x, types.get(k));
      return out;
    }
    case 'sum': {
      const types = new Map(rowFields(t.fields).map((f) => [f.fieldName, f.fieldType]));
      return variant(v, (tag) => types.get(tag));
    }
  }
  // No type (or a type application): by shape.
  if (Array.isArray(v)) return v.map((x) => toQuintItf(x));
  if (isObj(v)) {
    const o = obj(v);
    if ('#set' in o) return { '#set': elemsOf(v).map((x) => toQuintItf(x)) };
    if ('#map' in o)
      return { '#map': entriesOf(v).map(([k, x]) => [toQuintItf(k), toQuintItf(x)]) };
    if (isVariant(o)) return variant(v, () => undefined);
    const out: Record<string, QuintItfValue> = {};
    for (const [k, x] of Object.entries(o)) out[k] = toQuintItf(x);
    return out;
  }
  return String(v);
}

/** The lowering's `[tag |-> "A", A |-> e]`. */
function isVariant(v: Obj): boolean {
  const keys = Object.keys(v);
  return keys.length === 2 && typeof v.tag === 'string' && keys.includes(v.tag);
}

function variant(v: TraceValue, typeOf: (tag: string) => QuintType | undefined): QuintItfValue {
  if (!isObj(v) || typeof obj(v).tag !== 'string') return toQuintItf(v);
  const tag = obj(v).tag as string;
  const payload = obj(v)[tag];
  const t = typeOf(tag);
  const value: QuintItfValue =
    payload === undefined || (Array.isArray(payload) && payload.length === 0)
      ? { '#tup': [] }
      : toQuintItf(payload, t);
  return { tag, value };
}

export interface QuintItfOptions {
  /** The state variables' Quint types. */
  types: Map<string, QuintType>;
  /** The names Quint's tools give the state variables (the lowering's `quintName`), where not ours. */
  names?: Map<string, string>;
  /**
   * Add `mbt::actionTaken` and `mbt::nondetPicks`, with every nondet name of the spec, and the
   * nondets passed as they are to an action (the lowering's `nondetArgs`).
   */
  mbt?: { nondets: string[]; nondetArgs?: { action: string; param: string; nondet: string }[] };
  source?: string;
  description?: string;
}

function unqualified(name: string): string {
  const i = name.lastIndexOf('::');
  return i < 0 ? name : name.slice(i + 2);
}

const NONE: QuintItfValue = { tag: 'None', value: { '#tup': [] } };

export function quintItf(trace: TraceLike, o: QuintItfOptions): Record<string, unknown> {
  const itfName = (v: string): string => o.names?.get(v) ?? v;
  const vars = trace.vars.map(itfName);
  const nondets = new Set(o.mbt?.nondets ?? []);
  // An action's parameter given a nondet at its call sites: the pick, when one nondet name is.
  const byParam = new Map<string, Set<string>>();
  for (const a of o.mbt?.nondetArgs ?? []) {
    const key = `${a.action}\u0000${a.param}`;
    byParam.set(key, (byParam.get(key) ?? new Set()).add(unqualified(a.nondet)));
  }
  const viaArg = (action: string, param: string): string | undefined => {
    const names = byParam.get(`${action}\u0000${param}`);
    return names?.size === 1 ? [...names][0] : undefined;
  };
  if (o.mbt) vars.push('mbt::actionTaken', 'mbt::nondetPicks');
  const states = trace.states.map((s, i) => {
    const out: Record<string, unknown> = { '#meta': { index: i } };
    for (const name of trace.vars) out[itfName(name)] = toQuintItf(s[name], o.types.get(name));
    if (o.mbt) {
      const step = trace.steps[i];
      // Quint names an action and a nondet pick without its module qualifier, and writes every
      // nondet of the spec: `None` for those the step did not pick.
      const picks: Record<string, QuintItfValue> = {};
      for (const n of nondets) picks[unqualified(n)] = NONE;
      for (const p of step?.params ?? []) {
        const n = p.bound
          ? nondets.has(p.name)
            ? p.name
            : undefined
          : viaArg(step.action, p.name);
        if (n !== undefined) picks[unqualified(n)] = { tag: 'Some', value: toQuintItf(p.value) };
      }
      out['mbt::actionTaken'] = i === 0 ? 'init' : unqualified(step?.action ?? '');
      out['mbt::nondetPicks'] = picks;
    }
    return out;
  });
  return {
    '#meta': {
      format: 'ITF',
      'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
      ...(o.source ? { source: o.source } : {}),
      ...(o.description ? { description: o.description } : {}),
      generatedBy: 'specstage',
    },
    vars,
    states,
    ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
  };
}

/** A value of Quint's ITF as our trace value holds it (a variant as the lowering encodes it). */
export function fromQuintItf(v: unknown): TraceValue {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return { '#bigint': String(v) };
  if (Array.isArray(v)) return v.map(fromQuintItf);
  if (typeof v !== 'object' || v === null) return String(v);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (typeof o['#bigint'] === 'string') return { '#bigint': o['#bigint'] };
  if (Array.isArray(o['#tup'])) return o['#tup'].map(fromQuintItf);
  if (Array.isArray(o['#set'])) return { '#set': o['#set'].map(fromQuintItf) };
  if (Array.isArray(o['#map']))
    return fromEntries(
      (o['#map'] as [unknown, unknown][]).map(([k, x]) => [fromQuintItf(k), fromQuintItf(x)]),
    );
  if (typeof o['#unserializable'] === 'string') return o['#unserializable'];
  if (keys.length === 2 && typeof o.tag === 'string' && 'value' in o) {
    const value = fromQuintItf(o.value);
    return { tag: o.tag, [o.tag]: value };
  }
  const out: Record<string, TraceValue> = {};
  for (const k of keys) out[k] = fromQuintItf(o[k]);
  return out;
}

/**
 * A trace Quint wrote (`quint run --out-itf`). With `ours`, the lowered module's variables: Quint
 * names a variable of a module imported under a namespace (`import E`) by its own name (`x`) where
 * the flattened module has `E::x`; such a name is matched with the one variable of ours that ends
 * with it. Its `mbt::` variables are not state variables: `mbt::actionTaken` is the step's action
 * (unqualified, as Quint names it) and `mbt::nondetPicks` the step's picks (`Some(v)` a value,
 * `None` none), which a replay (pathOfTrace) follows.
 */
export function fromItfTrace(
  itf: unknown,
  ours?: string[],
): TraceLike & {
  steps: {
    action: string;
    params: [];
    label: string;
    picks?: { name: string; value?: TraceValue }[];
  }[];
} {
  const t = itf as { vars: string[]; states: Record<string, unknown>[]; loop?: number };
  const theirs = t.vars.filter((v) => !v.startsWith('mbt::'));
  const nameOf = (v: string): string => {
    if (!ours || ours.includes(v)) return v;
    const same = ours.filter((o) => o.endsWith(`::${v}`));
    return same.length === 1 ? same[0] : v;
  };
  const vars = theirs.map(nameOf);
  return {
    vars,
    states: t.states.map((s) =>
      Object.fromEntries(theirs.map((v) => [nameOf(v), fromQuintItf(s[v])])),
    ),
    steps: t.states.map((s, i) => {
      const action = s['mbt::actionTaken'];
      const recorded = s['mbt::nondetPicks'];
      const picks =
        typeof recorded === 'object' && recorded !== null
          ? Object.entries(recorded as Record<string, unknown>).map(([name, o]) => {
              const opt = o as { tag?: unknown; value?: unknown };
              return opt.tag === 'Some' ? { name, value: fromQuintItf(opt.value) } : { name };
            })
          : undefined;
      return {
        action: i > 0 && typeof action === 'string' ? action : '',
        params: [],
        label: '',
        ...(picks ? { picks } : {}),
      };
    }),
    ...(t.loop !== undefined ? { loop: t.loop } : {}),
  };
}
