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

function getPath(o: Record<string, unknown>, path: string): unknown {
  if (path in o) return o[path];
  let cur: unknown = o;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
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
  private readonly fields: [string, FieldMapping][];
  private readonly mapped: Set<string>;
  private readonly vars: Set<string>;
  private index = 0;

  constructor(
    vars: readonly string[],
    private readonly mapping: LogMapping = {},
  ) {
    this.vars = new Set(vars);
    this.fields = Object.entries(mapping.fields ?? {}).map(([f, m]) => [
      f,
      typeof m === 'string' ? { variable: m } : m,
    ]);
    for (const [f, m] of this.fields)
      if (!this.vars.has(m.variable))
        throw new LogError(
          `the mapping sends the field "${f}" to ${m.variable}, which is not a variable of the spec (its variables: ${vars.join(', ')})`,
        );
    this.mapped = new Set(this.fields.map(([f]) => f.split('.')[0]));
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
    const actionField = m.action ?? 'action';
    const paramsField = typeof m.params === 'string' ? m.params : 'params';
    const processField = m.process ?? 'process';
    const clockField = m.clock ?? 'clock';
    const ev: LogEvent = { index: this.index++, vars: {} };
    if (lineNo !== undefined) ev.line = lineNo;
    const action = getPath(rec, actionField);
    if (action !== undefined && action !== null) {
      if (typeof action !== 'string')
        throw new LogError(`the action (field "${actionField}") must be a string`, lineNo);
      ev.action = m.actions?.[action] ?? action;
    }
    if (typeof m.params === 'object') {
      const byName: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(m.params)) {
        const v = getPath(rec, field);
        if (v !== undefined) byName[name] = v;
      }
      if (Object.keys(byName).length) ev.params = byName;
    }
    const params = typeof m.params === 'object' ? undefined : getPath(rec, paramsField);
    if (params !== undefined && params !== null) {
      if (typeof params !== 'object')
        throw new LogError(
          `the parameters (field "${paramsField}") must be an object or an array`,
          lineNo,
        );
      ev.params = params as LogEvent['params'];
    }
    const proc = getPath(rec, processField);
    if (proc !== undefined && proc !== null) ev.process = String(proc);
    const clock = getPath(rec, clockField);
    if (clock !== undefined && clock !== null) {
      const isVector =
        typeof clock === 'object' &&
        !Array.isArray(clock) &&
        Object.values(clock).every((x) => Number.isInteger(x));
      if (!Number.isInteger(clock) && !isVector)
        throw new LogError(
          `the clock (field "${clockField}") must be a Lamport timestamp (an integer) or a vector clock ({"process": count, …})`,
          lineNo,
        );
      ev.clock = clock as LogEvent['clock'];
    }
    for (const [f, fm] of this.fields) {
      let v = getPath(rec, f);
      if (v === undefined) continue;
      if (fm.values) {
        const key = typeof v === 'string' ? v : JSON.stringify(v);
        if (key in fm.values) v = fm.values[key];
      }
      ev.vars[fm.variable] = v;
    }
    if (!m.onlyMapped) {
      const reserved = new Set([
        actionField,
        paramsField,
        processField,
        clockField,
        ...Object.values(typeof m.params === 'object' ? m.params : {}),
      ]);
      for (const [k, v] of Object.entries(rec))
        if (this.vars.has(k) && !reserved.has(k) && !this.mapped.has(k) && !(k in ev.vars))
          ev.vars[k] = v;
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
