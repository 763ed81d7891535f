/**
 * `Int.oneOf()` and `Nat.oneOf()` where Quint's simulator samples the infinite set
 * (runtime/impl/nondet.ts): an integer drawn uniformly from [-2^255, 2^255), its absolute value
 * for Nat. Ours draws the same range from 32-bit random words (values beyond 32 bits are Quint's
 * big integers, core/big-int.ts). So a guard such as `amount <= balance` almost never holds for a
 * sampled amount, in Quint's tools as here. Exhaustive checking never samples: it reports that it
 * cannot enumerate the set.
 */
import type { SetBase, Value } from '../../core/values';
import { InfiniteSetValue } from '../../core/lazy-sets';
import { fromBig } from '../../core/big-int';

const TWO_255 = 1n << 255n;

/** A uniform integer in [0, 2^256) from eight random 32-bit words. */
function word256(nextUint32: () => number): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 32n) | BigInt(nextUint32() >>> 0);
  return v;
}

/** A sample of Int or Nat as Quint's simulator draws it, or undefined for another set. */
export function sampleInfinite(set: SetBase, nextUint32: () => number): Value | undefined {
  if (!(set instanceof InfiniteSetValue)) return undefined;
  if (set.which !== 'Int' && set.which !== 'Nat') return undefined;
  const v = word256(nextUint32) - TWO_255;
  return fromBig(set.which === 'Nat' && v < 0n ? -v : v);
}
