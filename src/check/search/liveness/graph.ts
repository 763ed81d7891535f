/**
 * The behaviour graph the liveness checker needs, recorded during the breadth-first search: state
 * ids come from the search (discovery order), edges are appended in typed arrays, and the states
 * are kept (the search would otherwise drop them once expanded).
 *
 * Atoms (state predicates such as ENABLED <<A>>_v, action predicates such as <<A>>_v on an edge or
 * on a state's stuttering step) are evaluated lazily, when the liveness search first asks, and
 * cached in one byte per atom and state or edge (0: not yet, 1: false, 2: true). Evaluating them
 * eagerly on every edge cost more than the search itself on models with many fairness conditions
 * (allocator/AllocatorImplementation: ~40 WF/SF atoms per edge), while the search reads most of them
 * only inside the few components that could violate the property.
 *
 * Cost: 8 bytes per edge, the state arrays, and the atom caches; then, for the search, a CSR
 * adjacency (8 bytes per edge, 4 per state). The states are the bulk: the search would otherwise
 * keep only their fingerprints. `bytes` estimates all of it for the memory budget, the states from
 * a sample of their sizes (see approxBytes).
 */
import {
  type Value,
  FcnValue,
  ModelValue,
  RecordValue,
  SetValue,
  TupleValue,
} from '../../../core/values';
import { asBool } from '../../../eval/compile-expr';
import { EvalError } from '../../../eval/errors';
import type { Ctx } from '../../../eval/scope';
import type { Atom, AtomTable } from './formula';

export class BehaviourGraph {
  stateCount = 0;
  edgeCount = 0;
  private from: Int32Array = new Int32Array(1024);
  private to: Int32Array = new Int32Array(1024);
  private states: Value[][] = [];
  initial: number[] = [];
  /** stateCache[i][s]: state atom i in state s; edgeCache[j][e] / stutterCache[j][s]: action atom j. */
  private stateCache: Uint8Array[];
  private edgeCache: Uint8Array[];
  private stutterCache: Uint8Array[];
  /** Atoms are evaluated on complete recorded states: top-level definitions once per state pair. */
  private readonly ctx: Ctx = { s: [], n: null, f: null, memo: new Map() };
  /** Length of the per-state caches. */
  private capacity = 1024;
  /** Sum and count of the sizes of sampled states (one in 64). */
  private sampledBytes = 0;
  private samples = 0;

  /**
   * With SYMMETRY or VIEW, a step's successor can differ from the state recorded under its id (the
   * first one seen of its class). As TLC, a step's action atoms are evaluated on the successor the
   * step computed, the states' atoms on the recorded states: edge → that successor, when it is not
   * the recorded state itself. TLC 2.20 then reports a fairness condition as met by a step to
   * another member of the class, whence violations a search without the reduction would not find.
   */
  private readonly successors?: Map<number, Value[]>;
  /** Whether the states are classes of SYMMETRY or VIEW (see successors). */
  readonly reduced: boolean;

  constructor(
    private readonly atoms: AtomTable,
    reduced = false,
  ) {
    if (reduced) this.successors = new Map();
    this.reduced = reduced;
    this.stateCache = atoms.state.map(() => new Uint8Array(1024));
    this.edgeCache = atoms.action.map(() => new Uint8Array(1024));
    this.stutterCache = atoms.action.map(() => new Uint8Array(1024));
    atoms.graph = this;
  }

  addState(id: number, s: Value[], initial: boolean): void {
    if (initial) this.initial.push(id);
    if (id >= this.stateCount) this.stateCount = id + 1;
    this.states[id] = s;
    if ((id & 63) === 0) {
      // A state shares the values of variables its step did not change with its parent, and so
      // with its siblings, which come next in discovery order (EXCEPT shares the unchanged parts
      // of a function too): only what differs from the previous state's values is counted.
      const prev = this.states[id - 1];
      let n = 32 + 8 * s.length;
      for (let i = 0; i < s.length; i++) n += approxBytes(s[i], 0, prev?.[i]);
      this.sampledBytes += n;
      this.samples++;
    }
    if (id >= this.capacity) {
      this.stateCache = this.stateCache.map((a) => grow8(a, id));
      this.stutterCache = this.stutterCache.map((a) => grow8(a, id));
      this.capacity = this.stateCache[0]?.length ?? this.stutterCache[0]?.length ?? Infinity;
    }
  }

  /** The state recorded under `id` (the first of its class seen, under SYMMETRY or VIEW). */
  stateOf(id: number): Value[] {
    return this.states[id];
  }

  /**
   * The ids from an initial state to `id` along the search's parent links. The ids are the order
   * of discovery, the order of expansion too: a state's parent, the first state expanded with a
   * step to it, is the lowest-numbered one (with one worker or several, whose ids are one
   * worker's).
   */
  pathTo(id: number): number[] {
    const initial = new Set(this.initial);
    const parent = new Int32Array(this.stateCount).fill(-1);
    for (let e = 0; e < this.edgeCount; e++) {
      const f = this.from[e];
      const t = this.to[e];
      if (f !== t && !initial.has(t) && (parent[t] < 0 || f < parent[t])) parent[t] = f;
    }
    const path = [id];
    for (let at = id; !initial.has(at) && parent[at] >= 0; at = parent[at]) path.push(parent[at]);
    return path.reverse();
  }

  addEdge(from: number, to: number, successor?: Value[]): void {
    const e = this.edgeCount++;
    if (this.successors && successor && successor !== this.states[to])
      this.successors.set(e, successor);
    if (e >= this.from.length) {
      this.from = grow32(this.from);
      this.to = grow32(this.to);
      this.edgeCache = this.edgeCache.map((a) => grow8(a, e));
    }
    this.from[e] = from;
    this.to[e] = to;
  }

  /** State atoms of `onSuccessor`'s edge target read on that edge's successor, uncached. */
  private override?: { s: number; state: Value[] };

  /**
   * Runs `f` with the state atoms of edge e's target read on the successor that step computed,
   * where it is not the recorded state (SYMMETRY or VIEW). As TLC's LiveCheck, whose tableau
   * transitions need the successor it computed to be consistent with the tableau node
   * (`TBGraphNode.isConsistent(s1)`), where the behaviour graph's node keeps the first state seen.
   */
  onSuccessor(e: number, f: () => boolean): boolean {
    const succ = this.successors?.get(e);
    if (!succ) return f();
    const saved = this.override;
    this.override = { s: this.to[e], state: succ };
    try {
      return f();
    } finally {
      this.override = saved;
    }
  }

  stateAtom(i: number, s: number): boolean {
    const o = this.override;
    if (o && o.s === s) {
      const c = this.ctx;
      c.s = o.state;
      c.n = null;
      return evalAtom(this.atoms.state[i], c, s) === 2;
    }
    const cache = this.stateCache[i];
    if (cache[s] === 0) {
      const c = this.ctx;
      c.s = this.states[s];
      c.n = null;
      cache[s] = evalAtom(this.atoms.state[i], c, s);
    }
    return cache[s] === 2;
  }

  /** Action atom j on edge e, or on the stuttering step of state s when e < 0. */
  actionAtom(j: number, s: number, e: number): boolean {
    const cache = e < 0 ? this.stutterCache[j] : this.edgeCache[j];
    const k = e < 0 ? s : e;
    if (cache[k] === 0) {
      const c = this.ctx;
      c.s = e < 0 ? this.states[s] : this.states[this.from[e]];
      c.n = e < 0 ? this.states[s] : (this.successors?.get(e) ?? this.states[this.to[e]]);
      cache[k] = evalAtom(this.atoms.action[j], c, e < 0 ? s : this.from[e]);
      c.n = null;
    }
    return cache[k] === 2;
  }

  /**
   * Atom values a worker of a shared search computed (AtomRows): `row` (at `at`) holds the eager
   * action atoms on the stuttering step of state `id`. A 0 (the evaluation failed there) stays
   * unknown: the search evaluates it here when it asks, as one worker does.
   */
  presetState(id: number, eager: readonly number[], row: Uint8Array, at: number): void {
    for (let j = 0; j < eager.length; j++) this.stutterCache[eager[j]][id] = row[at + j];
  }

  /** The eager action atoms on edge e, from `row` at `at` (see presetState). */
  presetEdge(e: number, eager: readonly number[], row: Uint8Array, at: number): void {
    for (let j = 0; j < eager.length; j++) this.edgeCache[eager[j]][e] = row[at + j];
  }

  /** Estimated bytes retained: edges, atom caches, the states kept and their values. */
  get bytes(): number {
    const caches = [...this.stateCache, ...this.edgeCache, ...this.stutterCache].reduce(
      (n, a) => n + a.byteLength,
      0,
    );
    const successors = this.successors
      ? this.successors.size * (this.stateBytes / (this.stateCount || 1) + 16)
      : 0;
    return this.from.byteLength * 2 + caches + this.stateBytes + successors;
  }

  /** Estimated bytes of the states kept (see approxBytes). */
  get stateBytes(): number {
    return this.stateCount * (8 + (this.samples > 0 ? this.sampledBytes / this.samples : 0));
  }

  /** Bytes the liveness search adds on top (CSR adjacency), for the report. */
  get adjacencyBytes(): number {
    return 4 * (this.stateCount + 1) + 8 * this.edgeCount;
  }

  /** Outgoing edges as compressed rows: successors of s are dst[off[s] .. off[s+1]), edge ids in eid. */
  adjacency(): { off: Int32Array; dst: Int32Array; eid: Int32Array } {
    const n = this.stateCount;
    const off = new Int32Array(n + 1);
    for (let e = 0; e < this.edgeCount; e++) off[this.from[e] + 1]++;
    for (let i = 0; i < n; i++) off[i + 1] += off[i];
    const fill = off.slice(0, n);
    const dst = new Int32Array(this.edgeCount);
    const eid = new Int32Array(this.edgeCount);
    for (let e = 0; e < this.edgeCount; e++) {
      const k = fill[this.from[e]]++;
      dst[k] = this.to[e];
      eid[k] = e;
    }
    return { off, dst, eid };
  }
}

/**
 * Atoms evaluated by the workers of a shared search where the states are at hand, in parallel,
 * instead of by the leader after gathering the graph (parallel/graph-part.ts): the `eager` action
 * atoms (those of `<>[]A` literals, which the liveness search reads on nearly every edge of a
 * component: MCCRDT's on 665k of its 677k edges) on each step where its successor is generated
 * and on the stuttering step of each state a worker expands. The others stay lazy on the leader,
 * as with one worker: action atoms of WF/SF and `[]<>A` are read on few edges (a scan that stops at
 * the first witness: 13% on MCCRDT), and state atoms are cheap or read on few states (eagerly on
 * every state, they cost the workers more CPU than they saved the leader: DijkstraMutex +1.0 s
 * against -0.7 s, MCCRDT +0.55 s against -0.2 s). Values as in BehaviourGraph's caches (1 false,
 * 2 true); 0 where the evaluation failed, so that the leader's search meets the failure itself,
 * at the same point as one worker's.
 */
export class AtomRows {
  private readonly ctx: Ctx = { s: [], n: null, f: null, memo: new Map() };

  constructor(
    private readonly atoms: AtomTable,
    readonly eager: readonly number[],
  ) {}

  /** Bytes per row: a state's (the eager atoms on its stuttering step, `row(s, s)`) or an edge's. */
  get width(): number {
    return this.eager.length;
  }

  /** The step s → t's row into `out` at `at` (t = s: the stuttering step of state s). */
  row(s: Value[], t: Value[], out: Uint8Array, at: number): void {
    const c = this.ctx;
    c.s = s;
    c.n = t;
    for (let j = 0; j < this.eager.length; j++)
      out[at + j] = quietAtom(this.atoms.action[this.eager[j]], c);
    c.n = null;
  }
}

/** An atom's value (1 false, 2 true), 0 if its evaluation fails (AtomRows). */
function quietAtom(a: Atom, c: Ctx): number {
  try {
    return asBool(a.ev(c), a.range, 'property') ? 2 : 1;
  } catch {
    return 0;
  }
}

/**
 * A property's (or the fairness's) predicate that failed to evaluate in a state or on a step from
 * it (`stateId`, the search's id): the check stops with the error, as TLC's does, and the trace
 * leads to that state. (It used to leave the property unchecked and the verdict "no error found
 * in what was checked" where TLC reports the error.)
 */
export class AtomError extends EvalError {
  constructor(
    e: EvalError,
    readonly stateId: number,
  ) {
    super(e.message, e.range);
  }
}

/** An atom's value (1 false, 2 true), evaluated in state `stateId` (or on a step from it). */
function evalAtom(a: Atom, c: Ctx, stateId: number): number {
  try {
    return asBool(a.ev(c), a.range, 'property') ? 2 : 1;
  } catch (e) {
    if (e instanceof EvalError) throw new AtomError(e, stateId);
    throw e;
  }
}

/**
 * A rough size of a value in V8's heap: 32 bytes per object or array header plus 8 per slot,
 * numbers and strings free (small integers are unboxed, strings mostly shared). With `old`, the
 * value it replaces: the parts they share (same objects, at the same places) are not counted.
 */
export function approxBytes(v: unknown, depth: number, old?: unknown): number {
  if (typeof v !== 'object' || v === null || v === old || depth > 12) return 0;
  const d = depth + 1;
  if (Array.isArray(v)) {
    const o = Array.isArray(old) && old.length === v.length ? (old as unknown[]) : undefined;
    let n = 32 + 8 * v.length;
    for (let i = 0; i < v.length; i++) n += approxBytes(v[i], d, o?.[i]);
    return n;
  }
  if (v instanceof TupleValue || v instanceof SetValue) {
    return (
      56 +
      approxBytes(
        v.elems,
        d,
        old instanceof TupleValue || old instanceof SetValue ? old.elems : undefined,
      )
    );
  }
  // Record field names and function domains are often shared; only the values are counted.
  if (v instanceof RecordValue || v instanceof FcnValue) {
    return (
      64 +
      approxBytes(
        v.values,
        d,
        old instanceof RecordValue || old instanceof FcnValue ? old.values : undefined,
      )
    );
  }
  // Model values are interned.
  return v instanceof ModelValue ? 0 : 48;
}

function grow32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function grow8(a: Uint8Array, atLeast: number): Uint8Array {
  if (atLeast < a.length) return a;
  let n = a.length * 2;
  while (n <= atLeast) n *= 2;
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}
