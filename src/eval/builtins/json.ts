/**
 * Json (TLC's standard module; tlc2.module.Json overrides it in Java with Gson): ToJson,
 * ToJsonArray and ToJsonObject give exactly TLC's strings.
 *
 * TLC's result depends on how it holds a value: a tuple literal is a TupleValue (an array for ToJson
 * and ToJsonArray, `{"0":…,"1":…}` for ToJsonObject), a record literal a RecordValue (an object;
 * ToJsonArray refuses it). The engine holds every sequence as a tuple and every function on strings
 * as a record, so those are the answers here.
 */
import {
  type Value,
  ModelValue,
  RecordValue,
  TupleValue,
  ValueError,
  isFunction,
  isSet,
} from '../../core/values';
import { printValue } from '../print';
import type { Builtin } from './types';

/** A JSON string as Gson writes it (no HTML escaping). */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function unsupported(v: Value): never {
  throw new ValueError(`Cannot convert value to JSON: ${printValue(v)}`);
}

function node(v: Value): string {
  switch (typeof v) {
    case 'string':
      return jsonString(v);
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v instanceof ModelValue) return jsonString(v.name);
  if (v instanceof TupleValue) return arrayOf(v.elems);
  if (v instanceof RecordValue) return objectNode(v);
  if (isFunction(v)) return objectNode(v);
  if (isSet(v)) return setArray(v);
  return unsupported(v);
}

function arrayOf(elems: readonly Value[]): string {
  return `[${elems.map(node).join(',')}]`;
}

function setArray(v: Value): string {
  if (!isSet(v) || !v.isFinite()) return unsupported(v);
  return arrayOf(v.enumerate().elems);
}

/** A function (not a tuple) as an object: string keys as they are, other keys as TLC prints them. */
function objectNode(v: Value): string {
  if (!isFunction(v)) return unsupported(v);
  const parts: string[] = [];
  for (let i = 0; i < v.size(); i++) {
    const k = v.domainAt(i);
    parts.push(`${jsonString(typeof k === 'string' ? k : printValue(k))}:${node(v.valueAt(i))}`);
  }
  return `{${parts.join(',')}}`;
}

export const jsonNatives: Builtin[] = [
  { name: 'ToJson', arity: 1, call: ([v]) => node(v) },
  {
    name: 'ToJsonArray',
    arity: 1,
    call: ([v]) => {
      if (v instanceof TupleValue) return arrayOf(v.elems);
      if (v instanceof RecordValue) return unsupported(v);
      if (isFunction(v)) return objectNode(v);
      return setArray(v);
    },
  },
  {
    name: 'ToJsonObject',
    arity: 1,
    call: ([v]) => {
      if (v instanceof TupleValue)
        return `{${v.elems.map((e, i) => `${jsonString(String(i))}:${node(e)}`).join(',')}}`;
      return objectNode(v);
    },
  },
];
