/**
 * What Quint's front end and antlr4ts take from Node's `util` / `node:util`, for the browser
 * build (vite.config.ts aliases those modules here; Node uses its own): `inspect.custom` (a class
 * key of antlr4ts' BitSet) and `isDeepStrictEqual` (Quint's type and effect checkers compare
 * plain data with it: objects, arrays, Maps, Sets, primitives and bigints).
 */
export const inspect = Object.assign((value: unknown) => String(value), {
  custom: Symbol.for('nodejs.util.inspect.custom'),
});

export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    return a.length === y.length && a.every((x, i) => isDeepStrictEqual(x, y[i]));
  }
  if (a instanceof Map) {
    const y = b as Map<unknown, unknown>;
    if (a.size !== y.size) return false;
    for (const [k, v] of a) if (!y.has(k) || !isDeepStrictEqual(v, y.get(k))) return false;
    return true;
  }
  if (a instanceof Set) {
    const y = b as Set<unknown>;
    if (a.size !== y.size) return false;
    for (const v of a) {
      if (y.has(v)) continue;
      if (![...y].some((w) => isDeepStrictEqual(v, w))) return false;
    }
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(y, k) && isDeepStrictEqual(x[k], y[k]));
}

export function promisify(): never {
  throw new Error('util.promisify is not available in the browser');
}

export default { inspect, isDeepStrictEqual, promisify };
