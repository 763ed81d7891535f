/**
 * A worker as owner: the shard of the fingerprint space it owns (`ownerOf`), kept in its seen-set
 * with each state's parent (for traces), and, for the fingerprints first recorded in the current
 * level, the smallest key so far and who holds that successor.
 */
import { SeenSet } from '../seen-set';

/** Words per fingerprint handed over (`entries`). */
export const SHARD_WORDS = 6;

/**
 * A growable array of numbers in a typed array. It starts empty, so that its first push grows it:
 * V8 then has seen the growing path before it optimizes the code that pushes (a path it has not
 * seen is compiled as a deoptimization, and the code compiled again when it is taken).
 */
export class Column<T extends Float64Array | Uint32Array | Int32Array | Uint8Array> {
  length = 0;
  a: T;
  constructor(private readonly make: (n: number) => T) {
    this.a = make(0);
  }
  push(x: number): number {
    if (this.length === this.a.length) this.grow();
    this.a[this.length] = x;
    return this.length++;
  }
  /** Room for `n` more values: returns where they begin. */
  extend(n: number): number {
    while (this.length + n > this.a.length) this.grow();
    const at = this.length;
    this.length += n;
    return at;
  }
  private grow(): void {
    const b = this.make(Math.max(1024, this.a.length * 2));
    b.set(this.a);
    this.a = b;
  }
  clear(): void {
    this.length = 0;
  }
}

export const f64 = (n: number) => new Float64Array(n);
export const u32 = (n: number) => new Uint32Array(n);
export const i32 = (n: number) => new Int32Array(n);
export const u8 = (n: number) => new Uint8Array(n);

export class Shard {
  private readonly seen = new SeenSet();
  /** Per id: the parent's fingerprint, and whether the state is initial (no parent). */
  private readonly parHi = new Column(u32);
  private readonly parLo = new Column(u32);
  private readonly initial = new Column(u8);
  /** Fingerprints first recorded in this level (ids from `levelStart`): the smallest key so far, and who holds that successor in which slot. */
  levelStart = 0;
  private readonly bestKey = new Column(f64);
  private readonly bestHolder = new Column(i32);
  private readonly bestSlot = new Column(i32);

  /** Each id's fingerprint, kept only by a shard that will be handed over (`entries`). */
  private readonly fpHi?: Column<Uint32Array>;
  private readonly fpLo?: Column<Uint32Array>;

  /**
   * `displaced(holder, slot)`: a successor admitted before lost to one with a smaller key. With
   * `handOver`, the shard keeps each fingerprint too, to be handed over later (`entries`).
   */
  constructor(
    private readonly displaced: (holder: number, slot: number) => void,
    handOver = false,
  ) {
    if (handOver) {
      this.fpHi = new Column(u32);
      this.fpLo = new Column(u32);
    }
  }

  /** Fingerprints this worker owns (their ids are 0 … count − 1). */
  get count(): number {
    return this.parHi.length;
  }

  get bytes(): number {
    return (
      this.seen.bytes +
      (this.fpHi ? this.fpHi.a.byteLength * 2 : 0) +
      this.parHi.a.byteLength * 2 +
      this.initial.a.byteLength +
      this.bestKey.a.byteLength * 2
    );
  }

  /**
   * The owner's verdict on a successor: whether it is new so far (first seen, or reached in this
   * level by a smaller key than before; the one it displaces is rejected). `holder` keeps the
   * state in `slot`.
   */
  admit(
    hi: number,
    lo: number,
    key: number,
    pHi: number,
    pLo: number,
    initial: boolean,
    holder: number,
    slot: number,
  ): boolean {
    const existing = this.seen.insert(hi, lo, this.count);
    if (existing < 0) {
      this.parHi.push(pHi);
      this.parLo.push(pLo);
      this.initial.push(initial ? 1 : 0);
      this.fpHi?.push(hi);
      this.fpLo?.push(lo);
      this.bestKey.push(key);
      this.bestHolder.push(holder);
      this.bestSlot.push(slot);
      return true;
    }
    const i = existing - this.levelStart;
    if (i < 0 || key >= this.bestKey.a[i]) return false;
    this.displaced(this.bestHolder.a[i], this.bestSlot.a[i]);
    this.bestKey.a[i] = key;
    this.bestHolder.a[i] = holder;
    this.bestSlot.a[i] = slot;
    this.parHi.a[existing] = pHi;
    this.parLo.a[existing] = pLo;
    this.initial.a[existing] = initial ? 1 : 0;
    return true;
  }

  /**
   * Every fingerprint of a shard made with `handOver`, by id, split by owner (`ownerOf`): for each
   * owner, SHARD_WORDS words an entry (fingerprint, parent's fingerprint, initial, and for an entry
   * of the current level the slot of the successor that holds it) and the entries' keys (-1 for
   * earlier levels).
   */
  entries(
    owners: number,
    ownerOf: (hi: number, lo: number) => number,
  ): { words: Uint32Array; keys: Float64Array }[] {
    const hi = this.fpHi!.a;
    const lo = this.fpLo!.a;
    const n = this.count;
    const counts = new Array<number>(owners).fill(0);
    for (let id = 0; id < n; id++) counts[ownerOf(hi[id], lo[id])]++;
    const out = counts.map((c) => ({
      words: new Uint32Array(SHARD_WORDS * c),
      keys: new Float64Array(c),
    }));
    const at = new Array<number>(owners).fill(0);
    for (let id = 0; id < n; id++) {
      const o = ownerOf(hi[id], lo[id]);
      const { words, keys } = out[o];
      const j = at[o]++;
      const k = SHARD_WORDS * j;
      const current = id >= this.levelStart;
      words[k] = hi[id];
      words[k + 1] = lo[id];
      words[k + 2] = this.parHi.a[id];
      words[k + 3] = this.parLo.a[id];
      words[k + 4] = this.initial.a[id];
      words[k + 5] = current ? this.bestSlot.a[id - this.levelStart] : 0;
      keys[j] = current ? this.bestKey.a[id - this.levelStart] : -1;
    }
    return out;
  }

  /**
   * Takes over fingerprints another worker recorded (as `entries` gives them). With `holder`, they
   * are all of the current level, whose successors `holder` holds; else of earlier levels
   * (`startLevel` follows).
   */
  adopt(words: Uint32Array, keys: Float64Array, holder?: number): void {
    for (let j = 0, k = 0; k < words.length; j++, k += SHARD_WORDS) {
      this.seen.insert(words[k], words[k + 1], this.count);
      this.parHi.push(words[k + 2]);
      this.parLo.push(words[k + 3]);
      this.initial.push(words[k + 4]);
      if (holder === undefined) continue;
      this.bestKey.push(keys[j]);
      this.bestHolder.push(holder);
      this.bestSlot.push(words[k + 5]);
    }
  }

  /** A new level: what is recorded from now on is new in it. */
  startLevel(): void {
    this.levelStart = this.count;
    this.bestKey.clear();
    this.bestHolder.clear();
    this.bestSlot.clear();
  }

  /** The parent of a fingerprint this worker owns. */
  parentOf(hi: number, lo: number): { hi: number; lo: number; initial: boolean } {
    const id = this.seen.get(hi, lo);
    if (id < 0)
      throw new Error(
        'internal error: a state of the trace is missing from its owner in the parallel search',
      );
    return { hi: this.parHi.a[id], lo: this.parLo.a[id], initial: this.initial.a[id] === 1 };
  }
}
