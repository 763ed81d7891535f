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

/**
 * The states of a one-worker search, by id (the order in which they were found): the fingerprint
 * and the parent id of each, in typed arrays, and an open-addressing index over them whose slots
 * hold only an id (plus one; 0 is an empty slot), the fingerprint being read from the id's entry.
 * 4 bytes per slot (at most 3/4 full) and 12 per state, where a SeenSet beside arrays of parents
 * and fingerprints (for trace replay) kept the fingerprint twice: 12 bytes per slot and 12 per
 * state. Per-state arrays grow by half, not double, so less of them stands empty.
 */
export class StateTable {
  private slots: Int32Array;
  private mask: number;
  /** Two words per id: the fingerprint's high and low lanes. */
  private fps: Uint32Array;
  private parents: Int32Array;
  size = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 1;
    while (cap < initialCapacity) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.fps = new Uint32Array(2 * 1024);
    this.parents = new Int32Array(1024);
  }

  /** Bytes held (for the memory budget and the bench report). */
  get bytes(): number {
    return this.slots.byteLength + this.fps.byteLength + this.parents.byteLength;
  }

  /**
   * Adds the state with fingerprint (hi, lo) and parent id (-1: an initial state) and returns its
   * id; or, when a state with that fingerprint is there, -1 - its id.
   */
  add(hi: number, lo: number, parent: number): number {
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.growSlots();
    const slots = this.slots;
    const fps = this.fps;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (;;) {
      const s = slots[i];
      if (s === 0) break;
      const id = s - 1;
      if (fps[2 * id] === hi && fps[2 * id + 1] === lo) return -1 - id;
      i = (i + 1) & this.mask;
    }
    const id = this.size;
    if (id === this.parents.length) this.growEntries();
    this.fps[2 * id] = hi;
    this.fps[2 * id + 1] = lo;
    this.parents[id] = parent;
    slots[i] = id + 1;
    this.size++;
    return id;
  }

  hiOf(id: number): number {
    return this.fps[2 * id];
  }

  loOf(id: number): number {
    return this.fps[2 * id + 1];
  }

  parentOf(id: number): number {
    return this.parents[id];
  }

  private growEntries(): void {
    const n = this.parents.length + (this.parents.length >> 1);
    const parents = new Int32Array(n);
    parents.set(this.parents);
    this.parents = parents;
    const fps = new Uint32Array(2 * n);
    fps.set(this.fps);
    this.fps = fps;
  }

  private growSlots(): void {
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    const fps = this.fps;
    for (let id = 0; id < this.size; id++) {
      let i = (fps[2 * id] ^ Math.imul(fps[2 * id + 1], 0x9e3779b1)) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
