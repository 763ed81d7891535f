/**
 * Does a value of the spec equal what the log says? The log is JSON written by an implementation,
 * so the comparison takes its shape from the spec's value: a JSON array equals a set (in any order)
 * or a sequence, as the spec holds one or the other; an object equals a record, or a function whose
 * keys print as the object's keys; a string equals a model value of that name. ITF's tagged forms
 * (`#bigint`, `#set`, `#tup`, `#map`, `#unserializable`, and our `#mv`) are read as ITF means them,
 * so a trace the checker wrote matches the states it came from.
 */
import { type Value, ModelValue, isFunction, isSet } from '../core/values';

function onlyKey(o: Record<string, unknown>, key: string): boolean {
  for (const k in o) if (k !== key) return false;
  return true;
}

/** The key a JSON object would use for this domain element, or undefined. */
function keyOf(d: Value): string | undefined {
  if (typeof d === 'string') return d;
  if (typeof d === 'number' || typeof d === 'bigint') return String(d);
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
  // ITF's tagged forms, looked up by the spec value's kind (no key list built on the hot path).
  if (typeof v === 'number' || typeof v === 'bigint')
    return o['#bigint'] === String(v) && onlyKey(o, '#bigint');
  if (typeof v !== 'object') return false;
  if (v instanceof ModelValue) {
    const name = o['#unserializable'] ?? o['#mv'];
    return name === v.name && Object.keys(o).length === 1;
  }
  if (isSet(v)) {
    const x = o['#set'];
    return Array.isArray(x) && onlyKey(o, '#set') && matchSeq(v, x);
  }
  if ('#tup' in o && onlyKey(o, '#tup')) return Array.isArray(o['#tup']) && matchSeq(v, o['#tup']);
  if ('#map' in o && onlyKey(o, '#map'))
    return Array.isArray(o['#map']) && matchPairs(v, o['#map']);
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
