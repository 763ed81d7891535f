/**
 * Does a value of the spec equal what the log says? The log is JSON written by an implementation,
 * so the comparison takes its shape from the spec's value: a JSON array equals a set (in any order)
 * or a sequence, as the spec holds one or the other; an object equals a record, or a function whose
 * keys print as the object's keys; a string equals a model value of that name. ITF's tagged forms
 * (`#bigint`, `#set`, `#tup`, `#map`, `#unserializable`, and our `#mv`) are read as ITF means them,
 * so a trace the checker wrote matches the states it came from.
 */
import { type Value, ModelValue, isFunction, isSet } from '../core/values';

function tagged(j: Record<string, unknown>): [string, unknown] | undefined {
  const keys = Object.keys(j);
  if (keys.length !== 1 || !keys[0].startsWith('#')) return undefined;
  return [keys[0], j[keys[0]]];
}

/** The key a JSON object would use for this domain element, or undefined. */
function keyOf(d: Value): string | undefined {
  if (typeof d === 'string') return d;
  if (typeof d === 'number') return String(d);
  if (d instanceof ModelValue) return d.name;
  return undefined;
}

function matchSeq(v: Value, items: unknown[]): boolean {
  if (isSet(v)) {
    const elems = v.enumerate().elems;
    if (elems.length !== items.length) return false;
    // Distinct log items must match distinct elements: sizes equal and each element matched once.
    const used = new Uint8Array(elems.length);
    outer: for (const j of items) {
      for (let i = 0; i < elems.length; i++) {
        if (!used[i] && matchValue(elems[i], j)) {
          used[i] = 1;
          continue outer;
        }
      }
      return false;
    }
    return true;
  }
  if (isFunction(v)) {
    const n = v.size();
    if (n !== items.length) return false;
    for (let i = 0; i < n; i++) {
      if (v.domainAt(i) !== i + 1) return false;
      if (!matchValue(v.valueAt(i), items[i])) return false;
    }
    return true;
  }
  return false;
}

function matchPairs(v: Value, pairs: unknown[]): boolean {
  if (!isFunction(v) || v.size() !== pairs.length) return false;
  const used = new Uint8Array(pairs.length);
  outer: for (let i = 0; i < v.size(); i++) {
    for (let p = 0; p < pairs.length; p++) {
      const pair = pairs[p];
      if (used[p] || !Array.isArray(pair) || pair.length !== 2) continue;
      if (matchValue(v.domainAt(i), pair[0]) && matchValue(v.valueAt(i), pair[1])) {
        used[p] = 1;
        continue outer;
      }
    }
    return false;
  }
  return true;
}

export function matchValue(v: Value, j: unknown): boolean {
  switch (typeof j) {
    case 'boolean':
      return v === j;
    case 'number':
      return v === j;
    case 'string':
      return v === j || (v instanceof ModelValue && v.name === j);
    case 'object':
      break;
    default:
      return false;
  }
  if (j === null) return false;
  if (Array.isArray(j)) return matchSeq(v, j);
  const o = j as Record<string, unknown>;
  const t = tagged(o);
  if (t) {
    const [tag, x] = t;
    switch (tag) {
      case '#bigint':
        return typeof x === 'string' && typeof v === 'number' && String(v) === x;
      case '#set':
        return Array.isArray(x) && isSet(v) && matchSeq(v, x);
      case '#tup':
        return Array.isArray(x) && isFunction(v) && matchSeq(v, x);
      case '#map':
        return Array.isArray(x) && matchPairs(v, x);
      case '#unserializable':
      case '#mv':
        return v instanceof ModelValue && v.name === x;
    }
    // Another tag: a record with one field whose name starts with '#'.
  }
  if (!isFunction(v)) return false;
  const keys = Object.keys(o);
  const n = v.size();
  if (n !== keys.length) return false;
  for (let i = 0; i < n; i++) {
    const k = keyOf(v.domainAt(i));
    if (k === undefined || !(k in o)) return false;
    if (!matchValue(v.valueAt(i), o[k])) return false;
  }
  return true;
}
