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
 * hold the fingerprint itself (two words, at most 3/4 full), so that a lookup, most of which find a
 * state seen before, reads one slot (one cache line) and not a slot and then the id's entry; the
 * ids of the slots are kept beside only when asked for (`withIds`: a search that records edges
 * needs the id of a state seen before). The index's fingerprint (0, 0) marks an empty slot: a state
 * with that fingerprint is kept apart (`zeroId`). Per-state arrays grow by half, not double, so less
 * of them stands empty.
 */
export class StateTable {
  private slots: Uint32Array;
  private slotIds: Int32Array | null;
  private mask: number;
  /** Two words per id: the fingerprint's high and low lanes. */
  private fps: Uint32Array;
  private parents: Int32Array;
  private zeroId = -1;
  size = 0;

  constructor(initialCapacity = 1 << 16, withIds = true) {
    let cap = 1;
    while (cap < initialCapacity) cap <<= 1;
    this.slots = new Uint32Array(2 * cap);
    this.slotIds = withIds ? new Int32Array(cap) : null;
    this.mask = cap - 1;
    this.fps = new Uint32Array(2 * 1024);
    this.parents = new Int32Array(1024);
  }

  /** Bytes held (for the memory budget and the bench report). */
  get bytes(): number {
    return (
      this.slots.byteLength +
      (this.slotIds?.byteLength ?? 0) +
      this.fps.byteLength +
      this.parents.byteLength
    );
  }

  /**
   * Adds the state with fingerprint (hi, lo) and parent id (-1: an initial state) and returns its
   * id; or, when a state with that fingerprint is there, -1 - its id (just -1 without `withIds`).
   */
  add(hi: number, lo: number, parent: number): number {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === 0 && lo === 0) {
      if (this.zeroId >= 0) return -1 - this.zeroId;
      this.zeroId = this.size;
      return this.append(hi, lo, parent);
    }
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.growSlots();
    const slots = this.slots;
    const mask = this.mask;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask;
    for (;;) {
      const h = slots[2 * i];
      const l = slots[2 * i + 1];
      if (h === hi && l === lo) return this.slotIds ? -1 - this.slotIds[i] : -1;
      if (h === 0 && l === 0) break;
      i = (i + 1) & mask;
    }
    slots[2 * i] = hi;
    slots[2 * i + 1] = lo;
    if (this.slotIds) this.slotIds[i] = this.size;
    return this.append(hi, lo, parent);
  }

  private append(hi: number, lo: number, parent: number): number {
    const id = this.size;
    if (id === this.parents.length) this.growEntries();
    this.fps[2 * id] = hi;
    this.fps[2 * id + 1] = lo;
    this.parents[id] = parent;
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
    const slots = new Uint32Array(2 * cap);
    const slotIds = this.slotIds ? new Int32Array(cap) : null;
    const mask = cap - 1;
    const fps = this.fps;
    for (let id = 0; id < this.size; id++) {
      if (id === this.zeroId) continue;
      const hi = fps[2 * id];
      const lo = fps[2 * id + 1];
      let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask;
      while (slots[2 * i] !== 0 || slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = hi;
      slots[2 * i + 1] = lo;
      if (slotIds) slotIds[i] = id;
    }
    this.slots = slots;
    this.slotIds = slotIds;
    this.mask = mask;
  }
}
