/**
 * The behaviour graph of a shared search, for the liveness checker (liveness/graph.ts), which needs
 * it whole and in one place: each worker records its part during the search, the leader gathers
 * the parts once the search is complete (as TLC explores with many workers and checks liveness
 * after, on the graph they wrote).
 *
 * Ids are those of the sequential search: a level's positions are the sequential search's queue
 * order (search.ts), so a state's id is the number of states in the levels before its own plus its
 * position. A worker records each state of a level it expands (id, fingerprint, the state itself)
 * and each step from it to a state in the model (the from-state's id, the to-state's fingerprint:
 * its id is known only once the whole graph is in). The leader resolves the fingerprints and adds
 * the steps of each state in the order its successors were met, the order of the sequential
 * search, so the liveness checker sees the very graph one worker records: same verdict, same lasso.
 *
 * The peers' states travel encoded (state-codec.ts), in chunks. Decoded, a state no longer shares
 * the values its step left unchanged with its parent, as it does where it was generated; the
 * graph's byte estimate (approxBytes) counts them so.
 */
import type { State } from '../../model/runtime';
import { SeenSet } from '../seen-set';
import { type AtomRows, approxBytes } from '../liveness/graph';
import type { Mailbox } from './mailbox';
import type { GraphMessage } from './protocol';
import { Column, i32, u32, u8 } from './shard';
import { WordReader, WordWriter } from './state-codec';

/** States per 'graph-states' message. */
const STATES_PER_MESSAGE = 1 << 14;
/** Edges per 'graph-edges' message. */
const EDGES_PER_MESSAGE = 1 << 18;

/** Where the gathered graph goes: the liveness checker's BehaviourGraph. */
export interface GraphSink {
  addState(id: number, s: State, initial: boolean): void;
  addEdge(from: number, to: number): void;
  /** Atom values the workers computed (AtomRows), after addState / addEdge. */
  presetState(id: number, eager: readonly number[], row: Uint8Array, at: number): void;
  presetEdge(e: number, eager: readonly number[], row: Uint8Array, at: number): void;
}

/** One worker's part of the behaviour graph. */
export class GraphPart {
  private states: State[] = [];
  private readonly ids = new Column(i32);
  private readonly hi = new Column(u32);
  private readonly lo = new Column(u32);
  private readonly from = new Column(i32);
  private readonly toHi = new Column(u32);
  private readonly toLo = new Column(u32);
  /** Sum and count of the sizes of sampled states (one in 64), as BehaviourGraph estimates. */
  private sampledBytes = 0;
  private samples = 0;
  /** The liveness atoms' values, a row per state and per edge (AtomRows), in recording order. */
  private readonly stateAtoms = new Column(u8);
  private readonly edgeAtoms = new Column(u8);

  constructor(readonly rows?: AtomRows) {}

  /** A state of a level this worker expands. */
  state(id: number, s: State, hi: number, lo: number): void {
    const rows = this.rows;
    if (rows) {
      const at = this.stateAtoms.extend(rows.width);
      rows.row(s, s, this.stateAtoms.a, at);
    }
    const n = this.states.push(s);
    this.ids.push(id);
    this.hi.push(hi);
    this.lo.push(lo);
    if ((n & 63) === 1) {
      const prev = this.states[n - 2];
      let b = 32 + 8 * s.length;
      for (let i = 0; i < s.length; i++) b += approxBytes(s[i], 0, prev?.[i]);
      this.sampledBytes += b;
      this.samples++;
    }
  }

  /** A step from the state `from` (an id, state `s`) to the state `t` with fingerprint (hi, lo). */
  edge(from: number, hi: number, lo: number, s: State, t: State): void {
    const rows = this.rows;
    if (rows) {
      const at = this.edgeAtoms.extend(rows.width);
      rows.row(s, t, this.edgeAtoms.a, at);
    }
    this.from.push(from);
    this.toHi.push(hi);
    this.toLo.push(lo);
  }

  /** Estimated bytes held, for the memory budget. */
  get bytes(): number {
    const perState = 8 + (this.samples > 0 ? this.sampledBytes / this.samples : 0);
    return (
      this.states.length * perState +
      this.ids.a.byteLength * 3 +
      this.from.a.byteLength * 3 +
      this.stateAtoms.a.byteLength +
      this.edgeAtoms.a.byteLength
    );
  }

  /** A peer's part, sent to the leader in chunks, and forgotten here. */
  send(box: Mailbox): void {
    const n = this.states.length;
    const writer = new WordWriter();
    for (let start = 0; start < n; start += STATES_PER_MESSAGE) {
      const end = Math.min(n, start + STATES_PER_MESSAGE);
      for (let i = start; i < end; i++) {
        const s = this.states[i];
        for (let v = 0; v < s.length; v++) writer.value(s[v]);
        this.states[i] = undefined as unknown as State;
      }
      const { words, strings } = writer.take();
      const ids = this.ids.a.slice(start, end);
      const fps = new Uint32Array(2 * (end - start));
      for (let i = start; i < end; i++) {
        fps[2 * (i - start)] = this.hi.a[i];
        fps[2 * (i - start) + 1] = this.lo.a[i];
      }
      const sr = this.rows?.width ?? 0;
      const atoms = this.stateAtoms.a.slice(start * sr, end * sr);
      const m: GraphMessage = { t: 'graph-states', words, strings, ids, fps, atoms };
      box.send(0, m, [words.buffer, ids.buffer, fps.buffer, atoms.buffer]);
    }
    this.states = [];
    const e = this.from.length;
    for (let start = 0; start < e; start += EDGES_PER_MESSAGE) {
      const end = Math.min(e, start + EDGES_PER_MESSAGE);
      const from = this.from.a.slice(start, end);
      const to = new Uint32Array(2 * (end - start));
      for (let i = start; i < end; i++) {
        to[2 * (i - start)] = this.toHi.a[i];
        to[2 * (i - start) + 1] = this.toLo.a[i];
      }
      const er = this.rows?.width ?? 0;
      const atoms = this.edgeAtoms.a.slice(start * er, end * er);
      const m: GraphMessage = { t: 'graph-edges', from, to, atoms };
      box.send(0, m, [from.buffer, to.buffer, atoms.buffer]);
    }
    box.send(0, { t: 'graph-end' } satisfies GraphMessage);
  }

  /**
   * The leader's side: its own part and the peers' (read from their ports in order) into `sink`,
   * states by id, then each worker's steps with their to-states' ids. `total` states in all, the
   * first `initial` of them initial. Returns the fingerprint of each state by id (for traces).
   */
  async gather(
    box: Mailbox,
    peers: number,
    total: number,
    initial: number,
    nvars: number,
    sink: GraphSink,
  ): Promise<{ hi: Uint32Array; lo: Uint32Array }> {
    const states = new Array<State | undefined>(total);
    const hi = new Uint32Array(total);
    const lo = new Uint32Array(total);
    // Bytes of a state's atom row and of an edge's (AtomRows.width).
    const sr = this.rows?.width ?? 0;
    const er = sr;
    // Each state's atom row, by id.
    const stateAtoms = new Uint8Array(total * sr);
    for (let i = 0; i < this.states.length; i++) {
      const id = this.ids.a[i];
      states[id] = this.states[i];
      hi[id] = this.hi.a[i];
      lo[id] = this.lo.a[i];
      if (sr) stateAtoms.set(this.stateAtoms.a.subarray(i * sr, (i + 1) * sr), id * sr);
    }
    this.states = [];
    const eager = this.rows?.eager ?? [];
    // Each worker's steps, in the order it recorded them: its own first.
    const edges: { from: Int32Array; to: Uint32Array; atoms: Uint8Array }[] = [];
    const toOwn = new Uint32Array(2 * this.from.length);
    for (let i = 0; i < this.from.length; i++) {
      toOwn[2 * i] = this.toHi.a[i];
      toOwn[2 * i + 1] = this.toLo.a[i];
    }
    edges.push({
      from: this.from.a.subarray(0, this.from.length),
      to: toOwn,
      atoms: this.edgeAtoms.a,
    });
    for (let p = 1; p <= peers; p++) {
      for (;;) {
        const m = await box.next(p);
        if (m.t === 'graph-end') break;
        if (m.t === 'graph-edges') {
          edges.push({ from: m.from, to: m.to, atoms: m.atoms });
          continue;
        }
        if (m.t !== 'graph-states')
          throw new Error(
            `internal error: the parallel search expected the graph from worker ${p}`,
          );
        const reader = new WordReader(m.words, m.strings);
        for (let i = 0; i < m.ids.length; i++) {
          const s = new Array<State[number]>(nvars);
          for (let v = 0; v < nvars; v++) s[v] = reader.value();
          const id = m.ids[i];
          states[id] = s;
          hi[id] = m.fps[2 * i];
          lo[id] = m.fps[2 * i + 1];
        }
        if (sr)
          for (let i = 0; i < m.ids.length; i++)
            stateAtoms.set(m.atoms.subarray(i * sr, (i + 1) * sr), m.ids[i] * sr);
      }
    }
    const index = new SeenSet(Math.max(1 << 16, total * 2));
    for (let id = 0; id < total; id++) {
      const s = states[id];
      if (!s) throw new Error(`internal error: state ${id} is missing from the gathered graph`);
      states[id] = undefined;
      sink.addState(id, s, id < initial);
      if (sr) sink.presetState(id, eager, stateAtoms, id * sr);
      index.insert(hi[id], lo[id], id);
    }
    let e = 0;
    for (const { from, to, atoms } of edges) {
      for (let i = 0; i < from.length; i++) {
        const t = index.get(to[2 * i], to[2 * i + 1]);
        if (t < 0) throw new Error('internal error: a step of the gathered graph leads nowhere');
        sink.addEdge(from[i], t);
        if (er) sink.presetEdge(e, eager, atoms, i * er);
        e++;
      }
    }
    return { hi, lo };
  }
}
