/**
 * Reading a log: NDJSON lines (one JSON object per event) turned into `LogEvent`s by the mapping.
 * The reader takes one line at a time, so a file is read as a stream.
 */
import type { FieldMapping, LogEvent, LogMapping } from './types';

export class LogError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

/** A reader of one field: `a.b` reads `o["a.b"]` if present, else `o.a.b`. */
function getter(path: string): (o: Record<string, unknown>) => unknown {
  const parts = path.split('.');
  if (parts.length === 1) return (o) => o[path];
  return (o) => {
    if (path in o) return o[path];
    let cur: unknown = o;
    for (const part of parts) {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
      cur = (cur as Record<string, unknown>)[part];
    }
    return cur;
  };
}

/** Checks a mapping read from a file; throws LogError with what is wrong. */
export function checkMapping(m: unknown): LogMapping {
  if (m === null || typeof m !== 'object' || Array.isArray(m))
    throw new LogError('the mapping must be a JSON object');
  const o = m as Record<string, unknown>;
  const known = [
    'action',
    'actions',
    'params',
    'fields',
    'onlyMapped',
    'process',
    'clock',
    'maxSilentSteps',
    'silentActions',
    'stutter',
    'initialEvent',
    'maxCandidates',
    'description',
  ];
  for (const k of Object.keys(o))
    if (!known.includes(k))
      throw new LogError(`the mapping has an unknown key "${k}" (known: ${known.join(', ')})`);
  for (const k of ['action', 'process', 'clock'])
    if (o[k] !== undefined && typeof o[k] !== 'string')
      throw new LogError(`mapping.${k} must be a field name`);
  const p = o.params;
  const fieldsOnly = (x: unknown) =>
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    Object.values(x).every((f) => typeof f === 'string');
  if (p !== undefined && typeof p !== 'string' && !fieldsOnly(p))
    throw new LogError(
      'mapping.params is the field holding the parameters, or {"param": "field", …}',
    );
  if (
    o.maxSilentSteps !== undefined &&
    !(Number.isInteger(o.maxSilentSteps) && (o.maxSilentSteps as number) >= 0)
  )
    throw new LogError('mapping.maxSilentSteps must be a whole number');
  if (
    o.maxCandidates !== undefined &&
    !(Number.isInteger(o.maxCandidates) && (o.maxCandidates as number) > 0)
  )
    throw new LogError('mapping.maxCandidates must be a positive whole number');
  if (o.initialEvent !== undefined && !['auto', 'yes', 'no'].includes(o.initialEvent as string))
    throw new LogError('mapping.initialEvent is "auto", "yes" or "no"');
  if (o.fields !== undefined) {
    if (typeof o.fields !== 'object' || o.fields === null || Array.isArray(o.fields))
      throw new LogError('mapping.fields maps log fields to variables: {"field": "variable"}');
    for (const [f, v] of Object.entries(o.fields as Record<string, unknown>)) {
      const ok =
        typeof v === 'string' ||
        (typeof v === 'object' && v !== null && typeof (v as FieldMapping).variable === 'string');
      if (!ok)
        throw new LogError(
          `mapping.fields.${f} must name a variable, or be {"variable": …, "values": {…}}`,
        );
    }
  }
  return o as LogMapping;
}

/** Turns parsed JSON objects into events for a spec with these variables. */
export class EventReader {
  private readonly fields: [string, FieldMapping, (o: Record<string, unknown>) => unknown][];
  private readonly vars: Set<string>;
  /** Fields that are not variables whatever their name: the action's, the parameters', … */
  private readonly reserved: Set<string>;
  private readonly actionField: string;
  private readonly paramsField: string;
  private readonly processField: string;
  private readonly clockField: string;
  private readonly get: Record<
    'action' | 'params' | 'process' | 'clock',
    (o: Record<string, unknown>) => unknown
  >;
  private readonly paramFields: [string, (o: Record<string, unknown>) => unknown][] | undefined;
  private index = 0;

  constructor(
    vars: readonly string[],
    private readonly mapping: LogMapping = {},
  ) {
    this.vars = new Set(vars);
    this.fields = Object.entries(mapping.fields ?? {}).map(([f, m]) => [
      f,
      typeof m === 'string' ? { variable: m } : m,
      getter(f),
    ]);
    for (const [f, m] of this.fields)
      if (!this.vars.has(m.variable))
        throw new LogError(
          `the mapping sends the field "${f}" to ${m.variable}, which is not a variable of the spec (its variables: ${vars.join(', ')})`,
        );
    const m = mapping;
    this.actionField = m.action ?? 'action';
    this.paramsField = typeof m.params === 'string' ? m.params : 'params';
    this.processField = m.process ?? 'process';
    this.clockField = m.clock ?? 'clock';
    this.get = {
      action: getter(this.actionField),
      params: getter(this.paramsField),
      process: getter(this.processField),
      clock: getter(this.clockField),
    };
    this.paramFields =
      typeof m.params === 'object'
        ? Object.entries(m.params).map(([name, f]) => [name, getter(f)])
        : undefined;
    this.reserved = new Set([
      this.actionField,
      this.paramsField,
      this.processField,
      this.clockField,
      ...Object.values(typeof m.params === 'object' ? m.params : {}),
      ...this.fields.map(([f]) => f.split('.')[0]),
    ]);
  }

  /** One line of NDJSON; blank lines give undefined. */
  line(text: string, lineNo?: number): LogEvent | undefined {
    const t = text.trim();
    if (!t) return undefined;
    let o: unknown;
    try {
      o = JSON.parse(t);
    } catch (e) {
      throw new LogError(`not JSON: ${(e as Error).message}`, lineNo);
    }
    return this.object(o, lineNo);
  }

  object(o: unknown, lineNo?: number): LogEvent {
    if (o === null || typeof o !== 'object' || Array.isArray(o))
      throw new LogError('an event must be a JSON object', lineNo);
    const rec = o as Record<string, unknown>;
    const m = this.mapping;
    const ev: LogEvent = { index: this.index++, vars: {} };
    if (lineNo !== undefined) ev.line = lineNo;
    const action = this.get.action(rec);
    if (action !== undefined && action !== null) {
      if (typeof action !== 'string')
        throw new LogError(`the action (field "${this.actionField}") must be a string`, lineNo);
      ev.action = m.actions?.[action] ?? action;
    }
    if (this.paramFields) {
      let byName: Record<string, unknown> | undefined;
      for (const [name, get] of this.paramFields) {
        const v = get(rec);
        if (v !== undefined) (byName ??= {})[name] = v;
      }
      if (byName) ev.params = byName;
    } else {
      const params = this.get.params(rec);
      if (params !== undefined && params !== null) {
        if (typeof params !== 'object')
          throw new LogError(
            `the parameters (field "${this.paramsField}") must be an object or an array`,
            lineNo,
          );
        ev.params = params as LogEvent['params'];
      }
    }
    const proc = this.get.process(rec);
    if (proc !== undefined && proc !== null) ev.process = String(proc);
    const clock = this.get.clock(rec);
    if (clock !== undefined && clock !== null) {
      const isVector =
        typeof clock === 'object' &&
        !Array.isArray(clock) &&
        Object.values(clock).every((x) => Number.isInteger(x));
      if (!Number.isInteger(clock) && !isVector)
        throw new LogError(
          `the clock (field "${this.clockField}") must be a Lamport timestamp (an integer) or a vector clock ({"process": count, …})`,
          lineNo,
        );
      ev.clock = clock as LogEvent['clock'];
    }
    for (const [, fm, get] of this.fields) {
      let v = get(rec);
      if (v === undefined) continue;
      if (fm.values) {
        const key = typeof v === 'string' ? v : JSON.stringify(v);
        if (key in fm.values) v = fm.values[key];
      }
      ev.vars[fm.variable] = v;
    }
    if (!m.onlyMapped) {
      for (const k in rec)
        if (this.vars.has(k) && !this.reserved.has(k) && !(k in ev.vars)) ev.vars[k] = rec[k];
    }
    return ev;
  }
}

/** All the events of an NDJSON text. */
export function readLogText(
  text: string,
  vars: readonly string[],
  mapping?: LogMapping,
): LogEvent[] {
  const reader = new EventReader(vars, mapping);
  const out: LogEvent[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const e = reader.line(lines[i], i + 1);
    if (e) out.push(e);
  }
  return out;
}
