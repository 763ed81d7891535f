/** Engine values → plain `TraceValue` data (value.ts) for traces, views and formats. */
import {
  type Value,
  ModelValue,
  SetBase,
  TupleValue,
  RecordValue,
  FunctionBase,
  OpValue,
} from '../core/values';
import type { TraceValue } from './value';

export function toTraceValue(v: Value): TraceValue {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
    case 'bigint':
      return { '#bigint': String(v) };
    case 'string':
      return v;
  }
  if (v instanceof ModelValue) return { '#mv': v.name };
  if (v instanceof SetBase) return { '#set': v.enumerate().elems.map(toTraceValue) };
  if (v instanceof TupleValue) return v.elems.map(toTraceValue);
  if (v instanceof RecordValue) {
    const o: { [k: string]: TraceValue } = {};
    v.names.forEach((n, i) => (o[n] = toTraceValue(v.values[i])));
    return o;
  }
  if (v instanceof FunctionBase) {
    const pairs: [TraceValue, TraceValue][] = [];
    for (let i = 0; i < v.size(); i++)
      pairs.push([toTraceValue(v.domainAt(i)), toTraceValue(v.valueAt(i))]);
    return { '#map': pairs };
  }
  if (v instanceof OpValue) return { '#mv': `<operator ${v.name}>` };
  return String(v);
}
