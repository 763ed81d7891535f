/**
 * Quint's unbounded integers. TLA+ keeps TLC's 32-bit integers (overflow is TLC's error), and its
 * values hold them as JavaScript numbers; Quint's integers are unbounded, so a Quint model's
 * integers go beyond with one canonical form per value:
 *
 * - a JavaScript `number` while the integer is in TLC's 32-bit range [-2^31, 2^31 - 1];
 * - a `bigint` primitive outside it, never for an integer inside it.
 *
 * So `===` stays equality (5 and 5n never meet: 5 is always the number), every consumer that reads
 * numbers as 32-bit words (fingerprints, the workers' state codec, TLA+'s operators) stays exact,
 * and TLA+ never sees a bigint unless a Quint model made it. `compare` ranks both as integers and
 * orders them numerically; `hashInto` hashes a bigint by its digits under its own tag; printing,
 * traces and ITF write the digits (`{"#bigint": "..."}` already carries any size).
 *
 * The operators here are Quint's (`quint::iadd`, …, eval/builtins/quint.ts): numbers on the fast
 * path, `bigint` arithmetic only when a result leaves the 32-bit range or an operand is big.
 */
import { type Value, ValueError, describeValue } from './values';

export const MIN_INT32 = -2147483648;
export const MAX_INT32 = 2147483647;
const MIN_BIG = BigInt(MIN_INT32);
const MAX_BIG = BigInt(MAX_INT32);

/** The canonical form of an integer given as a bigint. */
export function fromBig(b: bigint): number | bigint {
  return b >= MIN_BIG && b <= MAX_BIG ? Number(b) : b;
}

/** The canonical form of an integer given as an exact JavaScript integer (|n| ≤ 2^53 - 1). */
export function fromSafe(n: number): number | bigint {
  return n >= MIN_INT32 && n <= MAX_INT32 ? n : BigInt(n);
}

/** The canonical form of the integer a decimal literal spells. */
export function fromDigits(digits: string): number | bigint {
  return fromBig(BigInt(digits));
}

/** An integer operand of a Quint operator, or Quint's type error. */
export function qint(v: Value, op: string): number | bigint {
  const t = typeof v;
  if (t === 'number' || t === 'bigint') return v as number | bigint;
  throw new ValueError(`The operator ${op} expects an integer, but got ${describeValue(v)}`);
}

/** An integer that must be small (an index, a length, a count): a bigint is out of any range. */
export function smallInt(v: Value, op: string): number {
  const n = qint(v, op);
  if (typeof n === 'bigint')
    throw new ValueError(`The operator ${op} got ${n}, beyond the sizes a value can have`);
  return n;
}

const big = (x: number | bigint): bigint => (typeof x === 'bigint' ? x : BigInt(x));

export function add(a: Value, b: Value): number | bigint {
  const x = qint(a, '+');
  const y = qint(b, '+');
  // Two 32-bit numbers: the sum is exact in a double.
  if (typeof x === 'number' && typeof y === 'number') return fromSafe(x + y);
  return fromBig(big(x) + big(y));
}

export function sub(a: Value, b: Value): number | bigint {
  const x = qint(a, '-');
  const y = qint(b, '-');
  if (typeof x === 'number' && typeof y === 'number') return fromSafe(x - y);
  return fromBig(big(x) - big(y));
}

export function mul(a: Value, b: Value): number | bigint {
  const x = qint(a, '*');
  const y = qint(b, '*');
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x * y;
    // |r| < 2^53 is exact; beyond, the double is rounded: multiply again as bigints.
    if (Number.isSafeInteger(r)) return fromSafe(r === 0 ? 0 : r);
  }
  return fromBig(big(x) * big(y));
}

export function neg(a: Value): number | bigint {
  const x = qint(a, '-');
  if (typeof x === 'number') return x === 0 ? 0 : fromSafe(-x);
  return fromBig(-x);
}

/** Quint's `/`: truncated towards zero (JavaScript's bigint division). */
export function div(a: Value, b: Value): number | bigint {
  const x = qint(a, '/');
  const y = qint(b, '/');
  if (y === 0) throw new ValueError('Division by zero');
  if (typeof x === 'number' && typeof y === 'number') {
    const q = Math.trunc(x / y);
    return fromSafe(q === 0 ? 0 : q); // -2^31 / -1 leaves the range
  }
  return fromBig(big(x) / big(y));
}

/** Quint's `%`: the remainder takes the dividend's sign (JavaScript's bigint %). */
export function mod(a: Value, b: Value): number | bigint {
  const x = qint(a, '%');
  const y = qint(b, '%');
  if (y === 0) throw new ValueError('Division by zero');
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x % y;
    return r === 0 ? 0 : r; // no -0
  }
  return fromBig(big(x) % big(y));
}

/** Quint's `^`: undefined for 0^0 and negative exponents, as Quint's simulator says. */
export function pow(a: Value, b: Value): number | bigint {
  const x = qint(a, '^');
  const y = qint(b, '^');
  if (y === 0 && x === 0) throw new ValueError('0^0 is undefined');
  if (y < 0) throw new ValueError('i^j is undefined for j < 0');
  return fromBig(big(x) ** big(y));
}

/** `a < b` as -1, `a > b` as 1, equal as 0; a number and a bigint compare numerically. */
export function cmp(a: Value, b: Value, op: string): number {
  const x = qint(a, op);
  const y = qint(b, op);
  return x < y ? -1 : x > y ? 1 : 0;
}
