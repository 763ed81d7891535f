/**
 * 64-bit fingerprints as two 32-bit lanes. JavaScript has no cheap 64-bit integer (BigInt is far
 * too slow on the hot path), so each lane is a 32-bit murmur3-style mix with its own seed; the pair
 * behaves like one 64-bit hash for collision purposes (TLC also uses 64-bit fingerprints, and the
 * seen-set stores exactly these two words per state).
 *
 * A `Hasher` accumulates words; values feed it their canonical structure (see values.ts), so equal
 * values always hash equal whatever their representation (a tuple and the equal function on 1..n).
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** One word into the first lane (what `Hasher.word` does to `hi`). */
export function mixLane(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** One word into the second lane (what `Hasher.word` does to `lo`). */
export function mixLaneLo(h: number, k: number): number {
  // The second lane sees the word rotated and offset so that the lanes do not move together.
  return mixLane(h, ((k << 7) | (k >>> 25)) ^ 0x5bd1e995);
}

/** The lanes' seeds, and their closing (`finishHi`, `finishLo`) from lanes held elsewhere. */
export const SEED_HI = 0x2545f491;
export const SEED_LO = 0x9e3779b9 | 0;
export function finishHi(h: number): number {
  return finalize(h ^ 0x27d4eb2d);
}
export function finishLo(h: number): number {
  return finalize(h ^ 0x165667b1);
}

/**
 * `finishHi`, `finishLo` as signed 32-bit integers (the same bits): for sums of entries' hashes
 * (values.ts), which are taken modulo 2^32 either way. An unsigned result above 2^31 is a double,
 * which V8 boxes in a heap object of its own wherever it is not kept in a register (a module
 * variable, a call's result): an allocation per entry hashed.
 */
export function finishHiS(h: number): number {
  return finalizeS(h ^ 0x27d4eb2d);
}
export function finishLoS(h: number): number {
  return finalizeS(h ^ 0x165667b1);
}

function finalizeS(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Hasher {
  // Assigned in the constructor rather than as class fields (see the note in values.ts).
  declare hi: number;
  declare lo: number;

  constructor() {
    this.hi = SEED_HI;
    this.lo = SEED_LO;
  }

  word(k: number): void {
    this.hi = mixLane(this.hi, k);
    this.lo = mixLaneLo(this.lo, k);
  }

  string(s: string): void {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  /** Feed a previously computed fingerprint (a sub-value's cached hash). */
  pair(hi: number, lo: number): void {
    this.word(hi);
    this.word(lo);
  }

  finishHi(): number {
    return finishHi(this.hi);
  }

  finishLo(): number {
    return finishLo(this.lo);
  }
}
