/**
 * Symmetry reduction (TLC's SYMMETRY): a permutation of model values maps a state to an
 * equivalent one; the checker keeps one state per class by fingerprinting the least of the
 * permuted states' fingerprints. Which representative is chosen does not change the number of
 * classes, so the distinct-state count matches TLC's.
 */
import {
  type Value,
  ModelValue,
  SetBase,
  SetValue,
  TupleValue,
  RecordValue,
  FunctionBase,
  makeFunction,
  compare,
  isFunction,
  isSet,
} from '../core/values';

export type Permutation = Map<ModelValue, Value>;

/** Reads the permutations out of the value of the SYMMETRY definition (a set of functions). */
export function permutationsOf(v: Value): Permutation[] {
  if (!isSet(v)) throw new Error('SYMMETRY must be a set of permutations');
  const out: Permutation[] = [];
  for (const p of v.enumerate().elems) {
    if (!isFunction(p)) throw new Error('SYMMETRY must be a set of permutations (functions)');
    const m: Permutation = new Map();
    let identity = true;
    for (let i = 0; i < p.size(); i++) {
      const k = p.domainAt(i);
      if (!(k instanceof ModelValue)) throw new Error('SYMMETRY permutations must permute model values');
      m.set(k, p.valueAt(i));
      if (p.valueAt(i) !== k) identity = false;
    }
    if (!identity) out.push(m);
  }
  return out;
}

export function permute(v: Value, p: Permutation): Value {
  if (typeof v !== 'object') return v;
  if (v instanceof ModelValue) return p.get(v) ?? v;
  if (v instanceof TupleValue) return new TupleValue(v.elems.map((e) => permute(e, p)));
  if (v instanceof RecordValue) return new RecordValue(v.names, v.values.map((e) => permute(e, p)));
  if (v instanceof FunctionBase) {
    const n = v.size();
    const keys: Value[] = [];
    const vals: Value[] = [];
    for (let i = 0; i < n; i++) {
      keys.push(permute(v.domainAt(i), p));
      vals.push(permute(v.valueAt(i), p));
    }
    const order = keys.map((_, i) => i).sort((a, b) => compare(keys[a], keys[b]));
    return makeFunction(
      order.map((i) => keys[i]),
      order.map((i) => vals[i]),
    );
  }
  if (v instanceof SetBase) return SetValue.of(v.enumerate().elems.map((e) => permute(e, p)));
  return v;
}
