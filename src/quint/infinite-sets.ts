/**
 * `Int.oneOf()` and `Nat.oneOf()`: Quint's simulator samples the infinite set (runtime/impl/
 * nondet.ts: a position drawn from [-2^255, 2^255), its absolute value for Nat). Our integers are
 * 32-bit numbers, so ours draws from the 32-bit range: Int from [-2^31, 2^31), Nat from [0, 2^31).
 * Either way a guard such as `amount <= balance` almost never holds for a sampled amount.
 * Exhaustive checking never samples: it reports that it cannot enumerate the set.
 */
import type { SetBase, Value } from '../core/values';
import { InfiniteSetValue } from '../core/lazy-sets';

/** A sample of an infinite set of integers, or undefined for a set it cannot sample. */
export function sampleInfinite(set: SetBase, nextUint32: () => number): Value | undefined {
  if (!(set instanceof InfiniteSetValue)) return undefined;
  if (set.which === 'Int') return nextUint32() | 0;
  if (set.which === 'Nat') return nextUint32() >>> 1;
  return undefined;
}
