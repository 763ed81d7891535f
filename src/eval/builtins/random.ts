/**
 * The pseudo-random numbers of RandomElement, RandomSubset and RandomSetOfSubsets: seeded, so that
 * a check's answer does not depend on which worker computes what, or when.
 *
 * - A constant definition that draws (`Graph == RandomElement(...)`) is computed once, by every
 *   worker of a check on its own: its draws come from the seed and the definition's name alone
 *   (`withRandomFor`), so every worker builds the same model.
 * - Draws while computing a step depend on the step's first state, as TLC's do in breadth-first
 *   search ("the pseudo-random choices made when computing possible steps satisfying the
 *   next-state relation are determined by the first state of the step", TLC.tla): a state's
 *   successors are the same whichever worker expands it, and when a trace is replayed.
 *
 * The seed is fixed: two runs of a model draw the same (TLC draws anew each run unless given
 * `-seed`).
 */
import { hashValues, type Value } from '../../core/values';
import { mixLane } from '../../core/fingerprint';

const SEED = 0x5eed_5eed;
let state = SEED;
/** The state whose step is being computed: the generator is seeded from it at the first draw. */
let from: readonly Value[] | undefined;
const fp: [number, number] = [0, 0];

/** Draws from here on depend on state `s` (a step's first state; the empty list for Init). */
export function drawFrom(s: readonly Value[]): void {
  from = s;
}

/** `f()` with draws that depend on `key` alone (a constant definition's name). */
export function withRandomFor<T>(key: string, f: () => T): T {
  const saved = state;
  const savedFrom = from;
  let h = SEED;
  for (let i = 0; i < key.length; i++) h = mixLane(h, key.charCodeAt(i));
  state = h;
  from = undefined;
  try {
    return f();
  } finally {
    state = saved;
    from = savedFrom;
  }
}

/** A number in [0, 1) (mulberry32). */
export function random(): number {
  if (from !== undefined) {
    hashValues(from, fp);
    state = mixLane(mixLane(SEED, fp[0]), fp[1]);
    from = undefined;
  }
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
