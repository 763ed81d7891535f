/**
 * The simulator's random numbers. `Math.random` cannot be seeded, and a seed must name the same
 * behaviours on every machine, in the browser and in Node, with any number of workers: so each
 * behaviour gets its own generator, derived from the run's seed and the behaviour's index alone.
 *
 * The generator is xoshiro128** (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", 2018): 32-bit words, so it runs on plain JS integer arithmetic with Math.imul and
 * needs no BigInt. Its 128-bit state is filled from a SplitMix-style sequence (a Weyl sequence
 * passed through a 32-bit finaliser), which turns nearby seeds and indices into unrelated states.
 */

const TWO_32 = 0x1_0000_0000;

/** A 32-bit avalanche: every input bit affects every output bit. */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d);
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b);
  return (z ^ (z >>> 16)) >>> 0;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

export class BehaviourRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * `seed` is an integer in [0, 2^53) (what a JS number holds exactly, and what the CLI accepts);
   * `stream` is the behaviour's index.
   */
  constructor(seed: number, stream: number) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO_32) >>> 0;
    // Absorb the three words one after the other, so that (seed, index) pairs do not collide by
    // simple symmetries such as swapping them.
    let weyl = mix32(mix32(mix32(lo ^ 0x243f6a88) ^ hi) ^ (stream >>> 0));
    const next = (): number => {
      weyl = (weyl + 0x9e3779b9) | 0;
      return mix32(weyl);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    // The all-zero state is xoshiro's one fixed point; mix32 of a Weyl sequence makes it all but
    // impossible, but cheap to rule out.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 0x400_0000 + lo) / 2 ** 53;
  }

  /**
   * A uniform integer in [0, n). Scaling a 53-bit float leaves a bias below 2^-30 for any count of
   * successors a model can have, far under what a simulation could notice.
   */
  below(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }
}

/** A fresh seed for a run that was given none (reported in the result, so it can be replayed). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 53);
}

export function isValidSeed(seed: number): boolean {
  return Number.isSafeInteger(seed) && seed >= 0;
}
