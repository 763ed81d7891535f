/**
 * The behaviour graph the liveness checker needs, recorded during the breadth-first search: state
 * ids come from the search (discovery order), edges are appended in typed arrays, and the value of
 * every atom (state predicate, action predicate on each edge and on each state's stuttering step)
 * is evaluated while the states are at hand, so the states themselves need not be kept.
 *
 * Cost: 8 bytes per edge plus one byte per action atom; one byte per state and atom; then, for the
 * search, a CSR adjacency (4 bytes per edge and per state).
 */
import type { Value } from '../../core/values';
import { asBool } from '../../eval/compile-expr';
import { EvalError } from '../../eval/errors';
import type { Ctx } from '../../eval/scope';
import type { Atom, AtomTable, Bits } from './formula';

export class BehaviourGraph {
  stateCount = 0;
  edgeCount = 0;
  private from: Int32Array = new Int32Array(1024);
  private to: Int32Array = new Int32Array(1024);
  initial: number[] = [];
  readonly bits: Bits;
  private readonly ctx: Ctx = { s: [], n: null, f: null };

  constructor(private readonly atoms: AtomTable) {
    this.bits = {
      stateBits: atoms.state.map(() => new Uint8Array(1024)),
      edgeBits: atoms.action.map(() => new Uint8Array(1024)),
      stutterBits: atoms.action.map(() => new Uint8Array(1024)),
    };
    atoms.bits = this.bits;
  }

  addState(id: number, s: Value[], initial: boolean): void {
    if (initial) this.initial.push(id);
    if (id >= this.stateCount) this.stateCount = id + 1;
    const b = this.bits;
    if (id >= (b.stateBits[0]?.length ?? b.stutterBits[0]?.length ?? Infinity)) {
      b.stateBits = b.stateBits.map((a) => grow8(a, id));
      b.stutterBits = b.stutterBits.map((a) => grow8(a, id));
    }
    const c = this.ctx;
    c.s = s;
    c.n = null;
    this.atoms.state.forEach((a, i) => (b.stateBits[i][id] = evalAtom(a, c)));
    // The stuttering step s → s, which every state has in TLC's behaviour graph.
    c.n = s;
    this.atoms.action.forEach((a, i) => (b.stutterBits[i][id] = evalAtom(a, c)));
    c.n = null;
  }

  addEdge(from: number, to: number, s: Value[], t: Value[]): void {
    const e = this.edgeCount++;
    if (e >= this.from.length) {
      this.from = grow32(this.from);
      this.to = grow32(this.to);
      this.bits.edgeBits = this.bits.edgeBits.map((a) => grow8(a, e));
    }
    this.from[e] = from;
    this.to[e] = to;
    if (this.atoms.action.length === 0) return;
    const c = this.ctx;
    c.s = s;
    c.n = t;
    this.atoms.action.forEach((a, i) => (this.bits.edgeBits[i][e] = evalAtom(a, c)));
    c.n = null;
  }

  /** Bytes held per state and per edge (for the report and the memory budget). */
  get bytes(): number {
    const b = this.bits;
    return this.from.byteLength * 2 + [...b.stateBits, ...b.edgeBits, ...b.stutterBits].reduce((n, a) => n + a.byteLength, 0);
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
 * An atom's value; an evaluation error does not stop the search (the failing formula may belong to
 * one property only, e.g. ENABLED through a refinement mapping, which we cannot evaluate yet): the
 * atom is marked broken and the properties using it are reported unchecked.
 */
function evalAtom(a: Atom, c: Ctx): number {
  if (a.broken) return 0;
  try {
    return asBool(a.ev(c), a.range, 'property') ? 1 : 0;
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    a.broken = `${e.message} (${a.range.module} line ${a.range.start.line})`;
    return 0;
  }
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
