/**
 * The set of fingerprints of the states seen so far: open addressing over a typed array of 32-bit
 * words, two words per fingerprint (DESIGN.md; TLC's FPSet does the same in Java). Each entry
 * also records the index of the state, so that a trace can be rebuilt from parent links.
 * (0, 0) marks an empty slot; a real fingerprint of (0, 0) is nudged to (0, 1).
 */
export class SeenSet {
  private table: Uint32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 1;
    while (cap < initialCapacity) cap <<= 1;
    this.table = new Uint32Array(cap * 2);
    this.ids = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Bytes held by the table (for the memory budget and the bench report). */
  get bytes(): number {
    return this.table.byteLength + this.ids.byteLength;
  }

  /** Inserts; returns the id of the existing entry, or -1 when the fingerprint is new. */
  insert(hi: number, lo: number, id: number): number {
    if (hi === 0 && lo === 0) lo = 1;
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const t = this.table;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = t[2 * i];
      const l = t[2 * i + 1];
      if (h === 0 && l === 0) {
        t[2 * i] = hi;
        t[2 * i + 1] = lo;
        this.ids[i] = id;
        this.size++;
        return -1;
      }
      if (h === hi && l === lo) return this.ids[i];
      i = (i + 1) & this.mask;
    }
  }

  /** The id of a fingerprint in the set, or -1. */
  get(hi: number, lo: number): number {
    if (hi === 0 && lo === 0) lo = 1;
    const t = this.table;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = t[2 * i];
      const l = t[2 * i + 1];
      if (h === 0 && l === 0) return -1;
      if (h === hi && l === lo) return this.ids[i];
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldT = this.table;
    const oldIds = this.ids;
    const cap = (this.mask + 1) * 2;
    this.table = new Uint32Array(cap * 2);
    this.ids = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let j = 0; j < oldIds.length; j++) {
      const h = oldT[2 * j];
      const l = oldT[2 * j + 1];
      if (h !== 0 || l !== 0) this.insert(h, l, oldIds[j]);
    }
  }
}
