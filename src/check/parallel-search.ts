/**
 * Breadth-first search over several workers, level by level, with the same answer as the
 * sequential search (bfs.ts) whatever the worker count: verdict, distinct and generated states,
 * depth, queue, and the very counterexample.
 *
 * - The fingerprint space is sharded: worker `ownerOf(fp)` owns the state, keeps its fingerprint in
 *   its seen-set and expands it at the next level. A successor whose owner is another worker
 *   travels there in a batch (state-codec.ts) over a MessagePort between the two; no memory is
 *   shared, so no SharedArrayBuffer (nor cross-origin isolation) is needed.
 * - Every successor carries a key, (position of its parent in the level, index among the parent's
 *   successors): the order in which the sequential search meets it. An owner keeps, for a state new
 *   in the level, the parent with the smallest key, as the sequential search keeps the first. At the
 *   end of a level the workers sort their new states by key and exchange the sorted keys, which
 *   gives every state its position in the next level: the same numbering as one worker's queue.
 * - Events that end the search (an invariant or property violated, a deadlock, an evaluation error)
 *   also carry the key at which the sequential search would meet them; the smallest wins, and the
 *   figures at that point (states admitted before it, generated, queue) are summed over workers.
 *
 * Worker 0 leads: it runs the model check (check.ts) with this search in place of the sequential
 * one, decides at each level's end, and rebuilds the counterexample's chain of fingerprints from
 * the owners. The others serve (`serveParallelSearch`) until the leader closes the search.
 */
import { EvalError } from '../eval/errors';
import { SeenSet } from './seen-set';
import type { ModelRuntime, State } from './runtime';
import type { SearchLimits, SearchOutcome, SearchResult } from './bfs';
import { WordReader, WordWriter } from './state-codec';
import { heapWatch } from './memory';
import type { ParallelNet, PortLike } from './parallel-net';

export type { ParallelNet } from './parallel-net';

/** Successor indices per parent fit in 22 bits; a key is (position + 1) · 2^22 + index < 2^53. */
const INDEX_SPACE = 4194304;
/** Words of successors buffered for one peer before they are sent. */
const BATCH_WORDS = 1 << 15;
/** How often a worker lets messages in (and polls for a stop) while it expands its frontier. */
const YIELD_EVERY_MS = 15;
const PROGRESS_EVERY_MS = 250;
/** Rough per-state cost of a queued state, for the memory budget (as in bfs.ts). */
const QUEUED_STATE_BYTES = 256;
const NO_OWNER = 255;
/** Entries of the sent-fingerprints cache: 2^20 slots, 8 MB. */
const SENT_BITS = 20;
const SENT_SHIFT = 32 - SENT_BITS;

/** The worker that owns a fingerprint: high bits, independent of the seen-set's slot (low bits). */
export function ownerOf(hi: number, lo: number, count: number): number {
  return ((hi >>> 8) ^ (lo >>> 16)) % count;
}

type EventKind = 'invariant' | 'step-property' | 'deadlock' | 'error' | 'init-error';

/** An event that would stop the sequential search, with where that search would meet it. */
interface LevelEvent {
  key: number;
  kind: EventKind;
  name?: string;
  error?: { message: string; range?: EvalError['range'] };
  /** The state of the trace: (owner, local id); none for an error in the initial predicate. */
  owner: number;
  id: number;
  toFp?: [number, number];
  /** Position of the parent in the level (-1 at the initial states). */
  parentPos: number;
  /** Generated states the event itself adds to those of earlier keys. */
  genPart: number;
  /** Whether the event's state was recorded (counted as distinct) before the event. */
  recorded: boolean;
  /** Init enumeration errors: the states generated before it. */
  generatedAt?: number;
}

interface Report {
  t: 'report';
  newCount: number;
  generated: number;
  event?: LevelEvent;
}

type Message =
  | { t: 'batch'; words: Int32Array; strings: string[] }
  | { t: 'done' }
  | { t: 'event'; key: number }
  | { t: 'stop'; reason: 'cancelled' | 'memory budget' }
  | { t: 'progress'; distinct: number; generated: number; queue: number }
  | Report
  | { t: 'continue' }
  | { t: 'keys'; keys: Float64Array }
  | { t: 'count'; key: number; parentPos: number }
  | { t: 'counted'; newBefore: number; genBefore: number }
  | { t: 'chain'; id: number }
  | { t: 'link'; fpHi: number; fpLo: number; owner: number; id: number }
  | { t: 'start' }
  | { t: 'close' };

class Stop {
  constructor(readonly reason: 'cancelled' | 'memory budget') {}
}

/** Lets queued messages run: setImmediate in Node, a MessageChannel turn in a browser (no 4 ms clamp). */
const yieldToEvents: () => Promise<void> = (() => {
  const g = globalThis as { setImmediate?: (f: () => void) => void };
  if (typeof g.setImmediate === 'function') {
    const setImmediate = g.setImmediate;
    return () => new Promise<void>((resolve) => setImmediate(resolve));
  }
  let channel: MessageChannel | undefined;
  const queue: (() => void)[] = [];
  return () =>
    new Promise<void>((resolve) => {
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = () => queue.shift()?.();
      }
      queue.push(resolve);
      channel.port2.postMessage(0);
    });
})();

/** Registers a message handler on a browser MessagePort or a Node worker_threads MessagePort. */
function listen(port: PortLike, handler: (m: Message) => void): void {
  const node = port as unknown as { on?: (e: string, f: (m: Message) => void) => void };
  if (typeof node.on === 'function') node.on('message', handler);
  else (port as unknown as MessagePort).onmessage = (e: MessageEvent) => handler(e.data as Message);
}

/** One worker's part of the search. */
class Participant {
  private readonly seen = new SeenSet();
  private fpHi = new Uint32Array(1024);
  private fpLo = new Uint32Array(1024);
  private parId = new Int32Array(1024);
  private parOwner = new Uint8Array(1024);
  private count = 0;

  /** New states of the level being built: local ids from `levelStart`, their states and keys. */
  private levelStart = 0;
  private next: State[] = [];
  private nextKey: number[] = [];

  /** The level being expanded, in key order, with global positions. */
  private frontier: State[] = [];
  private frontierIds = new Int32Array(0);
  private frontierPos = new Float64Array(0);
  /** Successors emitted per frontier state (for the generated count at an event). */
  private frontierGen = new Int32Array(0);
  private levelSize = 0;

  private generated = 0;
  private levelGenerated = 0;
  /** Frontier states expanded so far in this level. */
  private expanded = 0;
  depth = 0;
  private event: LevelEvent | undefined;
  /** The smallest event key any worker has announced in this level. */
  private knownEventKey = Infinity;

  private readonly out: (WordWriter | undefined)[];
  private readonly inbox: Message[][];
  private doneFrom = 0;
  private wake: (() => void) | undefined;
  private stopReason: 'cancelled' | 'memory budget' | undefined;
  private stopSent = false;
  private closed = false;
  private closeReceived = false;
  private readonly fp: [number, number] = [0, 0];
  private readonly heapHigh = heapWatch();
  /** A cache of the fingerprints this worker has sent (most successors are states seen before). */
  private readonly sentHi = new Uint32Array(1 << SENT_BITS);
  private readonly sentLo = new Uint32Array(1 << SENT_BITS);
  private lastYield = Date.now();
  private lastProgress = 0;
  /** The leader's view of the peers' latest progress. */
  private readonly peerProgress: { distinct: number; generated: number; queue: number }[];

  constructor(
    private readonly rt: ModelRuntime,
    private readonly limits: SearchLimits,
    private readonly net: ParallelNet,
  ) {
    const { count, index, ports } = net;
    this.out = ports.map((p) => (p ? new WordWriter() : undefined));
    this.inbox = ports.map(() => []);
    this.peerProgress = ports.map(() => ({ distinct: 0, generated: 0, queue: 0 }));
    ports.forEach((p, from) => {
      if (p) listen(p, (m) => this.receive(from, m));
    });
    void count;
    void index;
  }

  private get leader(): boolean {
    return this.net.index === 0;
  }

  private send(to: number, m: Message, transfer?: Transferable[]): void {
    this.net.ports[to]!.postMessage(m, transfer);
  }

  private broadcast(m: Message): void {
    this.net.ports.forEach((p, i) => p && this.send(i, m));
  }

  private receive(from: number, m: Message): void {
    switch (m.t) {
      case 'batch':
        this.receiveBatch(from, m.words, m.strings);
        break;
      case 'done':
        this.doneFrom++;
        break;
      case 'event':
        if (m.key < this.knownEventKey) this.knownEventKey = m.key;
        break;
      case 'stop':
        this.stopReason ??= m.reason;
        break;
      case 'progress':
        this.peerProgress[from] = m;
        break;
      case 'chain':
        this.answerChain(from, m.id);
        break;
      case 'close':
        this.closeReceived = true;
        this.inbox[from].push(m);
        break;
      default:
        this.inbox[from].push(m);
    }
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Waits until `ready()` holds, letting messages in; throws when the search is stopped. */
  private async until(ready: () => boolean): Promise<void> {
    for (;;) {
      if (this.stopReason) throw new Stop(this.stopReason);
      if (ready()) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        // A stop asked of this worker (cancel) does not come as a message: look now and then.
        setTimeout(resolve, 50);
      });
      this.pollStop();
    }
  }

  private async nextFrom<T extends Message['t']>(from: number, t: T): Promise<Extract<Message, { t: T }>> {
    const box = this.inbox[from];
    await this.until(() => box.length > 0);
    const m = box.shift()!;
    if (m.t !== t) throw new Error(`internal error: the parallel search expected '${t}' from worker ${from}, got '${m.t}'`);
    return m as Extract<Message, { t: T }>;
  }

  private pollStop(): void {
    if (!this.stopReason && this.limits.shouldStop?.()) this.stopReason = 'cancelled';
    if (!this.stopReason && this.limits.memoryBudgetBytes !== undefined) {
      if (this.bytes() > this.limits.memoryBudgetBytes / this.net.count) this.stopReason = 'memory budget';
    }
    if (!this.stopReason && this.heapHigh()) this.stopReason = 'memory budget';
    if (this.stopReason && !this.stopSent) {
      this.stopSent = true;
      this.broadcast({ t: 'stop', reason: this.stopReason });
    }
  }

  bytes(): number {
    return (
      this.seen.bytes +
      this.fpHi.byteLength * 3 +
      this.sentHi.byteLength * 2 +
      this.parOwner.byteLength +
      (this.frontier.length + this.next.length) * QUEUED_STATE_BYTES
    );
  }

  private record(hi: number, lo: number, owner: number, parent: number): number {
    const existing = this.seen.insert(hi, lo, this.count);
    if (existing >= 0) return -1 - existing;
    if (this.count === this.fpHi.length) {
      const n = this.count * 2;
      const grow = <T extends Uint32Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(n);
        b.set(a);
        return b;
      };
      this.fpHi = grow(this.fpHi, (k) => new Uint32Array(k));
      this.fpLo = grow(this.fpLo, (k) => new Uint32Array(k));
      this.parId = grow(this.parId, (k) => new Int32Array(k));
      this.parOwner = grow(this.parOwner, (k) => new Uint8Array(k));
    }
    this.fpHi[this.count] = hi;
    this.fpLo[this.count] = lo;
    this.parOwner[this.count] = owner;
    this.parId[this.count] = parent;
    return this.count++;
  }

  /**
   * A successor for this worker: new, or a better (smaller-key) way to a state new in this level,
   * or already known. `make` gives the state (decoding it only when it is kept).
   */
  private candidate(hi: number, lo: number, key: number, owner: number, parent: number, make: () => State): void {
    const r = this.record(hi, lo, owner, parent);
    if (r >= 0) {
      this.next.push(make());
      this.nextKey.push(key);
      return;
    }
    const id = -1 - r;
    const i = id - this.levelStart;
    if (i >= 0 && key < this.nextKey[i]) {
      this.nextKey[i] = key;
      this.next[i] = make();
      this.parOwner[id] = owner;
      this.parId[id] = parent;
    }
  }

  private receiveBatch(from: number, words: Int32Array, strings: string[]): void {
    const reader = new WordReader(words, strings);
    const nvars = this.rt.vars.length;
    const decode = (): State => {
      const s = new Array(nvars);
      for (let v = 0; v < nvars; v++) s[v] = reader.value();
      return s;
    };
    while (reader.pos < words.length) {
      const hi = words[reader.pos] >>> 0;
      const lo = words[reader.pos + 1] >>> 0;
      const pos = words[reader.pos + 2];
      const idx = words[reader.pos + 3];
      const parent = words[reader.pos + 4];
      const size = words[reader.pos + 5];
      reader.pos += 6;
      const end = reader.pos + size;
      this.candidate(hi, lo, (pos + 1) * INDEX_SPACE + idx, pos < 0 ? NO_OWNER : from, parent, decode);
      reader.pos = end;
    }
  }

  private flush(to: number): void {
    const w = this.out[to]!;
    if (w.length === 0) return;
    const { words, strings } = w.take();
    this.send(to, { t: 'batch', words, strings }, [words.buffer]);
  }

  private noteEvent(e: LevelEvent): void {
    if (this.event && this.event.key <= e.key) return;
    this.event = e;
    if (e.key < this.knownEventKey) {
      this.knownEventKey = e.key;
      this.broadcast({ t: 'event', key: e.key });
    }
  }

  private errorEvent(e: unknown, base: Omit<LevelEvent, 'kind' | 'error'>): LevelEvent {
    if (!(e instanceof EvalError)) throw e;
    return { ...base, kind: 'error', error: { message: e.message, range: e.range } };
  }

  /**
   * Initial states: every worker enumerates them all (the same way, cheaply), and fingerprints
   * and constrains every `count`-th, sending it to its owner as it does successors.
   */
  private initLevel(): void {
    const { rt } = this;
    const { index, count } = this.net;
    const fp = this.fp;
    let i = 0;
    let inEmit = false;
    try {
      rt.initStates((s) => {
        const idx = i++;
        if (idx % count !== index) return;
        inEmit = true;
        if (!rt.inModel(s, undefined)) {
          inEmit = false;
          return;
        }
        rt.fingerprint(s, fp);
        inEmit = false;
        this.route(s, fp[0], fp[1], -1, idx, -1);
      });
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      // In the enumeration itself every worker meets the error at the same point; in a constraint,
      // the one worker that evaluates it there.
      const key = inEmit ? i - 1 : i;
      this.noteEvent({ key, kind: 'init-error', error: { message: e.message, range: e.range }, owner: NO_OWNER, id: -1, parentPos: -1, genPart: 0, recorded: false, generatedAt: i });
    }
    // Every worker enumerated them all: the leader counts them.
    this.levelGenerated = this.leader ? i : 0;
  }

  /** Keeps a successor (or initial state: pos -1) this worker owns, or buffers it for its owner. */
  private route(t: State, hi: number, lo: number, pos: number, k: number, parent: number): void {
    const { index, count } = this.net;
    const owner = ownerOf(hi, lo, count);
    if (owner === index) {
      this.candidate(hi, lo, (pos + 1) * INDEX_SPACE + k, pos < 0 ? NO_OWNER : index, parent, () => t);
      return;
    }
    // Sent before by this worker: the owner has it, with a smaller key (this worker's keys grow).
    const slot = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> SENT_SHIFT;
    if (this.sentHi[slot] === hi && this.sentLo[slot] === lo && (hi | lo) !== 0) return;
    this.sentHi[slot] = hi;
    this.sentLo[slot] = lo;
    const w = this.out[owner]!;
    w.reserve(6);
    const words = w.words;
    const at = w.length;
    words[at] = hi;
    words[at + 1] = lo;
    words[at + 2] = pos;
    words[at + 3] = k;
    words[at + 4] = parent;
    w.length = at + 6;
    const nvars = t.length;
    for (let v = 0; v < nvars; v++) w.value(t[v]);
    w.words[at + 5] = w.length - at - 6;
    if (w.length >= BATCH_WORDS) this.flush(owner);
  }

  /** Expands the frontier in key order, sending each successor to its owner. */
  private async expand(): Promise<void> {
    const { rt, limits } = this;
    const { index } = this.net;
    const fp = this.fp;
    this.generated += this.levelGenerated;
    this.levelGenerated = 0;
    const frontier = this.frontier;
    for (let f = 0; f < frontier.length; f++) {
      const pos = this.frontierPos[f];
      if ((pos + 1) * INDEX_SPACE > this.knownEventKey) break;
      const s = frontier[f];
      frontier[f] = undefined as unknown as State;
      this.expanded = f + 1;
      const id = this.frontierIds[f];
      let idx = 0;
      let inEmit = false;
      rt.level = this.depth;
      try {
        rt.successors(
          s,
          (t) => {
            const k = idx++;
            if (k >= INDEX_SPACE) throw new EvalError(`A state has more than ${INDEX_SPACE} successors: check this model with one worker`);
            inEmit = true;
            this.levelGenerated++;
            if (!rt.inModel(s, t)) {
              inEmit = false;
              return;
            }
            const key = (pos + 1) * INDEX_SPACE + k;
            const bad = limits.propertyStep?.(s, t);
            rt.fingerprint(t, fp);
            inEmit = false;
            if (bad) {
              this.noteEvent({ key, kind: 'step-property', name: bad, owner: index, id, toFp: [fp[0], fp[1]], parentPos: pos, genPart: 1, recorded: false });
              throw STOP_STATE;
            }
            this.route(t, fp[0], fp[1], pos, k, id);
          },
          false,
        );
      } catch (e) {
        if (e !== STOP_STATE) {
          const key = (pos + 1) * INDEX_SPACE + (inEmit ? idx - 1 : idx);
          this.noteEvent(this.errorEvent(e, { key, owner: index, id, parentPos: pos, genPart: inEmit ? 1 : 0, recorded: false }));
        }
      }
      this.frontierGen[f] = idx;
      if (idx === 0 && limits.checkDeadlock) {
        this.noteEvent({ key: (pos + 1) * INDEX_SPACE, kind: 'deadlock', owner: index, id, parentPos: pos, genPart: 0, recorded: false });
      }
      if ((f & 15) === 0 && Date.now() - this.lastYield >= YIELD_EVERY_MS) {
        await this.breathe();
      }
    }
    this.frontier = [];
    this.expanded = 0;
  }

  /**
   * One level: expand the frontier (the initial states are already out), wait for every peer's
   * successors, then check the new states in key order. Levels can be short (one state each):
   * poll and report at their ends too, not only while expanding.
   */
  private async level(initial: boolean): Promise<void> {
    if (!initial) await this.expand();
    this.pollStop();
    if (this.stopReason) throw new Stop(this.stopReason);
    this.progress();
    await this.barrier();
    this.checkNewStates(initial);
  }

  /** Lets messages in, polls for a stop, sends progress. */
  private async breathe(): Promise<void> {
    await yieldToEvents();
    this.lastYield = Date.now();
    this.pollStop();
    if (this.stopReason) throw new Stop(this.stopReason);
    this.progress();
  }

  /** This worker's figures so far: states it owns, successors it generated, states it has queued. */
  private figures(): { distinct: number; generated: number; queue: number } {
    return {
      distinct: this.count,
      generated: this.generated + this.levelGenerated,
      queue: this.frontier.length - this.expanded + this.next.length,
    };
  }

  /** The leader's view of everyone's figures: its own and the peers' latest. */
  private overall(): { distinct: number; generated: number; queue: number } {
    return this.peerProgress.reduce(
      (a, p, i) => (i === 0 ? a : { distinct: a.distinct + p.distinct, generated: a.generated + p.generated, queue: a.queue + p.queue }),
      this.figures(),
    );
  }

  private progress(): void {
    const now = Date.now();
    if (now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    if (!this.leader) {
      this.send(0, { t: 'progress', ...this.figures() });
      return;
    }
    const sum = this.overall();
    this.limits.onProgress?.({ distinctStates: sum.distinct, generatedStates: sum.generated, queueSize: sum.queue, depth: this.depth });
  }

  /** Sends what is buffered and waits until every peer has sent all of its successors. */
  private async barrier(): Promise<void> {
    this.out.forEach((w, to) => w && this.flush(to));
    this.broadcast({ t: 'done' });
    await this.until(() => this.doneFrom >= this.net.count - 1);
    this.doneFrom -= this.net.count - 1;
  }

  /** Sorts the level's new states by key and checks them (invariants, state properties) in that order. */
  private checkNewStates(initial: boolean): void {
    const n = this.next.length;
    const order = Array.from({ length: n }, (_, i) => i);
    const keys = this.nextKey;
    order.sort((a, b) => keys[a] - keys[b]);
    this.next = order.map((i) => this.next[i]);
    this.nextKey = order.map((i) => keys[i]);
    const ids = order.map((i) => this.levelStart + i);
    this.nextIds = Int32Array.from(ids);
    const { rt, limits } = this;
    rt.level = this.depth + 1;
    for (let i = 0; i < n; i++) {
      const key = this.nextKey[i];
      if (key >= this.knownEventKey) break;
      const s = this.next[i];
      const id = ids[i];
      const parentPos = initial ? -1 : Math.floor(key / INDEX_SPACE) - 1;
      const base = { key, owner: this.net.index, id, parentPos, genPart: 1, recorded: true };
      try {
        const name = rt.violatedInvariant(s)?.name ?? limits.propertyState?.(s, initial);
        if (name) {
          this.noteEvent({ ...base, kind: 'invariant', name });
          break;
        }
      } catch (e) {
        this.noteEvent(this.errorEvent(e, base));
        break;
      }
    }
  }
  private nextIds = new Int32Array(0);

  /** The next level becomes the frontier; positions come from everyone's sorted keys. */
  private async advance(): Promise<void> {
    const mine = Float64Array.from(this.nextKey);
    this.frontier = this.next;
    this.frontierIds = this.nextIds;
    this.next = [];
    this.nextKey = [];
    this.levelStart = this.count;
    this.event = undefined;
    this.knownEventKey = Infinity;
    this.broadcast({ t: 'keys', keys: mine });
    const pos = new Float64Array(mine.length);
    for (let i = 0; i < mine.length; i++) pos[i] = i;
    let total = mine.length;
    for (let p = 0; p < this.net.count; p++) {
      if (p === this.net.index) continue;
      const theirs = (await this.nextFrom(p, 'keys')).keys;
      total += theirs.length;
      let j = 0;
      for (let i = 0; i < mine.length; i++) {
        while (j < theirs.length && theirs[j] < mine[i]) j++;
        pos[i] += j;
      }
    }
    this.frontierPos = pos;
    this.frontierGen = new Int32Array(mine.length);
    this.levelSize = total;
  }

  private answerChain(to: number, id: number): void {
    this.send(to, { t: 'link', fpHi: this.fpHi[id], fpLo: this.fpLo[id], owner: this.parOwner[id], id: this.parId[id] });
  }

  private async link(owner: number, id: number): Promise<{ fpHi: number; fpLo: number; owner: number; id: number }> {
    if (owner === this.net.index) return { fpHi: this.fpHi[id], fpLo: this.fpLo[id], owner: this.parOwner[id], id: this.parId[id] };
    this.send(owner, { t: 'chain', id });
    return this.nextFrom(owner, 'link');
  }

  /** Fingerprints from an initial state to (owner, id), asked of the owners along the way. */
  private async chain(owner: number, id: number): Promise<[number, number][]> {
    const fps: [number, number][] = [];
    while (owner !== NO_OWNER) {
      const l = await this.link(owner, id);
      fps.push([l.fpHi, l.fpLo]);
      owner = l.owner;
      id = l.id;
    }
    return fps.reverse();
  }

  /** The leader's search. */
  async lead(): Promise<SearchResult> {
    const levelTotals = { distinct: 0, generated: 0 };
    let outcome: SearchOutcome = { kind: 'success' };
    let figures: { distinct: number; generated: number; depth: number; queueLeft: number } | undefined;
    const chains = new Map<number, [number, number][]>();
    try {
      this.broadcast({ t: 'start' });
      this.initLevel();
      let initial = true;
      for (;;) {
        await this.level(initial);
        const reports: Report[] = [{ t: 'report', newCount: this.next.length, generated: this.levelGenerated, event: this.event }];
        for (let p = 1; p < this.net.count; p++) reports.push(await this.nextFrom(p, 'report'));
        const newCount = reports.reduce((n, r) => n + r.newCount, 0);
        const levelGenerated = reports.reduce((n, r) => n + r.generated, 0);
        const event = reports.map((r) => r.event).filter((e): e is LevelEvent => !!e).sort((a, b) => a.key - b.key)[0];
        if (event) {
          ({ outcome, figures } = await this.settle(event, levelTotals, initial, chains));
          break;
        }
        levelTotals.distinct += newCount;
        levelTotals.generated += levelGenerated;
        if (newCount === 0) {
          figures = { distinct: levelTotals.distinct, generated: levelTotals.generated, depth: this.depth, queueLeft: 0 };
          break;
        }
        this.broadcast({ t: 'continue' });
        await this.advance();
        this.depth++;
        initial = false;
      }
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      this.pollStop();
      outcome = { kind: 'stopped', reason: e.reason };
      const sum = this.overall();
      figures = { distinct: sum.distinct, generated: sum.generated, depth: this.depth, queueLeft: sum.queue };
    } finally {
      // The peers close the channels once they have it (closing here could drop the message).
      this.broadcast({ t: 'close' });
    }
    if (!figures) throw new Error('internal error: the parallel search ended without figures');
    return {
      outcome,
      distinctStates: figures.distinct,
      generatedStates: figures.generated,
      depth: figures.depth,
      queueLeft: figures.queueLeft,
      fpChain: (id) => {
        const c = chains.get(id);
        if (!c) throw new Error(`internal error: no chain for state ${id} in the parallel search`);
        return c;
      },
      seenBytes: this.bytes(),
    };
  }

  /** The figures of the sequential search at the event, and the chain of its state. */
  private async settle(
    e: LevelEvent,
    before: { distinct: number; generated: number },
    initial: boolean,
    chains: Map<number, [number, number][]>,
  ): Promise<{ outcome: SearchOutcome; figures: { distinct: number; generated: number; depth: number; queueLeft: number } }> {
    this.broadcast({ t: 'count', key: e.key, parentPos: e.parentPos });
    const mine = this.countBefore(e.key, e.parentPos);
    let newBefore = mine.newBefore;
    let genBefore = mine.genBefore;
    for (let p = 1; p < this.net.count; p++) {
      const c = await this.nextFrom(p, 'counted');
      newBefore += c.newBefore;
      genBefore += c.genBefore;
    }
    const distinct = before.distinct + newBefore + (e.recorded ? 1 : 0);
    let generated: number;
    if (e.kind === 'init-error') generated = e.generatedAt ?? 0;
    else if (initial) generated = (e.key % INDEX_SPACE) + e.genPart;
    else generated = before.generated + genBefore + (e.key % INDEX_SPACE) + e.genPart;
    const queueLeft = (initial ? 0 : this.levelSize - e.parentPos - 1) + newBefore;
    const stateId = e.owner === NO_OWNER ? undefined : e.id * this.net.count + e.owner;
    if (stateId !== undefined) chains.set(stateId, await this.chain(e.owner, e.id));
    let outcome: SearchOutcome;
    let depth = this.depth;
    switch (e.kind) {
      case 'invariant':
        outcome = { kind: 'invariant', name: e.name!, stateId: stateId! };
        depth = this.depth + 1;
        break;
      case 'step-property':
        outcome = { kind: 'step-property', name: e.name!, stateId: stateId!, toFp: e.toFp! };
        break;
      case 'deadlock':
        outcome = { kind: 'deadlock', stateId: stateId! };
        break;
      case 'error':
      case 'init-error': {
        const error = new EvalError(e.error!.message, e.error!.range);
        outcome = { kind: 'error', error, stateId };
        break;
      }
    }
    return { outcome, figures: { distinct, generated, depth, queueLeft } };
  }

  private countBefore(key: number, parentPos: number): { newBefore: number; genBefore: number } {
    let newBefore = 0;
    for (const k of this.nextKey) if (k < key) newBefore++;
    let genBefore = 0;
    for (let f = 0; f < this.frontierPos.length; f++) if (this.frontierPos[f] < parentPos) genBefore += this.frontierGen[f];
    return { newBefore, genBefore };
  }

  /** A peer's part: the same levels, led by worker 0's decisions. */
  async serve(): Promise<void> {
    try {
      if ((await this.nextControl()).t !== 'start') return;
      this.initLevel();
      let initial = true;
      for (;;) {
        await this.level(initial);
        this.send(0, { t: 'report', newCount: this.next.length, generated: this.levelGenerated, event: this.event });
        const decision = await this.nextControl();
        if (decision.t === 'count') {
          this.send(0, { t: 'counted', ...this.countBefore(decision.key, decision.parentPos) });
          // Chain queries are answered as they come; wait for the end.
          await this.nextControl();
          return;
        }
        if (decision.t !== 'continue') return;
        await this.advance();
        this.depth++;
        initial = false;
      }
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      this.pollStop();
    } finally {
      // Wait for the leader's word (it may still ask for a chain), but not forever: it may be gone.
      const deadline = Date.now() + 2000;
      while (!this.closeReceived && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      this.close();
    }
  }

  private async nextControl(): Promise<Message> {
    const box = this.inbox[0];
    await this.until(() => box.length > 0);
    return box.shift()!;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.net.ports) p?.close();
  }
}

const STOP_STATE = {};

/** The leader's search: worker 0, with the peers serving. Same contract as `breadthFirstSearch`. */
export function parallelSearch(rt: ModelRuntime, limits: SearchLimits, net: ParallelNet): Promise<SearchResult> {
  settled.add(net);
  return new Participant(rt, limits, net).lead();
}

/**
 * A peer's side of the search, until the leader closes it (or a stop). Without a model (the
 * peer could not build it) it only waits for the leader, which fails the same way, to close.
 */
export async function serveParallelSearch(rt: ModelRuntime | undefined, limits: Partial<SearchLimits>, net: ParallelNet): Promise<void> {
  if (rt) return new Participant(rt, { checkDeadlock: true, ...limits }, net).serve();
  const leader = net.ports[0]!;
  await new Promise<void>((resolve) => listen(leader, (m) => m.t === 'close' && resolve()));
  for (const p of net.ports) p?.close();
}

/** Nets a search has taken (or released). */
const settled = new WeakSet<ParallelNet>();

/**
 * Tells the peers the leader searches alone (or not at all), and lets them go (they close).
 * Does nothing once the net has been used by a search or released.
 */
export function releasePeers(net: ParallelNet): void {
  if (settled.has(net)) return;
  settled.add(net);
  for (const p of net.ports) p?.postMessage({ t: 'close' } satisfies Message);
}
