/**
 * Breadth-first search over several workers, level by level, with the same answer as the
 * sequential search (bfs.ts) whatever the worker count: verdict, distinct and generated states,
 * depth, queue, and the very counterexample.
 *
 * - The fingerprint space is sharded: worker `ownerOf(fp)` owns a fingerprint and keeps it in its
 *   seen-set, with the fingerprint of the state's parent (for traces).
 * - States stay where they are generated; only fingerprints travel. A worker that generates a
 *   successor whose fingerprint another worker owns keeps the state aside and sends the owner its
 *   fingerprint, key and parent (seven 32-bit words, in batches over a MessagePort between the
 *   two; no memory is shared, so no SharedArrayBuffer nor cross-origin isolation is needed). The
 *   owner answers with the ones it rejects: seen before, or reached in this level by a smaller key.
 *   At the end of a level what nobody rejected is new, held by exactly one worker. Values are not
 *   copied between workers, so a state keeps sharing its parts with its parent, as in one worker
 *   (copies cost decoding, lost equality shortcuts and rehashing: half again the work).
 * - Every successor carries a key, (position of its parent in the level, index among the parent's
 *   successors): the order in which the sequential search meets it. An owner keeps, for a state new
 *   in the level, the parent with the smallest key, as the sequential search keeps the first. At the
 *   end of a level the workers sort their new states by key and exchange the sorted keys, which
 *   gives every state its position in the next level: the same numbering as one worker's queue.
 *   The workers then even out their shares of the level (only the difference travels, encoded by
 *   state-codec.ts), as a state's successors are held by the worker that holds the state.
 * - Events that end the search (an invariant or property violated, a deadlock, an evaluation error)
 *   also carry the key at which the sequential search would meet them; the smallest wins, and the
 *   figures at that point (states admitted before it, generated, queue) are summed over workers.
 *
 * Worker 0 leads: it runs the model check (check.ts) with this search in place of the sequential
 * one, decides at each level's end, and rebuilds the counterexample's chain of fingerprints from
 * the owners. The others serve (`serveParallelSearch`) until the leader closes the search.
 */
import { EvalError } from '../../eval/errors';
import { SeenSet } from '../seen-set';
import type { ModelRuntime, State } from '../runtime';
import type { SearchLimits, SearchOutcome, SearchResult } from '../bfs';
import { WordReader, WordWriter } from '../state-codec';
import { heapWatch } from '../memory';
import { InitSplit } from '../../eval/init-split';
import type { ParallelNet, PortLike } from './net';

export type { ParallelNet } from './net';

/** Successor indices per parent fit in 22 bits; a key is (position + 1) · 2^22 + index < 2^53. */
const INDEX_SPACE = 4194304;
/** Words of successors buffered for one peer before they are sent. */
const BATCH_WORDS = 1 << 15;
/** How often a worker lets messages in (and polls for a stop) while it expands its frontier. */
const YIELD_EVERY_MS = 15;
const PROGRESS_EVERY_MS = 250;
/** Rough per-state cost of a queued state, for the memory budget (as in bfs.ts). */
const QUEUED_STATE_BYTES = 256;
/** Rebalance a level when a worker's share exceeds its due by this many states plus this fraction of the level. */
const REBALANCE_SLACK = 16;
const REBALANCE_FRACTION = 0.01;
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
  /** The fingerprint of the trace's last state; none for an error in the initial predicate. */
  fp?: [number, number];
  toFp?: [number, number];
  /** Position of the parent in the level (-1 at the initial states). */
  parentPos: number;
  /** Generated states the event itself adds to those of earlier keys. */
  genPart: number;
  /** Whether the event's state was recorded (counted as distinct) before the event. */
  recorded: boolean;
}

interface Report {
  t: 'report';
  newCount: number;
  generated: number;
  event?: LevelEvent;
}

/** Words per successor in a batch: fingerprint (2), parent position, index, parent's fingerprint (2), slot. */
const ENTRY_WORDS = 7;

type Message =
  /** Successors for their owner, `ENTRY_WORDS` each. */
  | { t: 'batch'; words: Int32Array }
  /** The owner's answer: slots of the sender's held successors that are not new. */
  | { t: 'reject'; slots: Int32Array }
  | { t: 'done' }
  | { t: 'judged' }
  | { t: 'event'; key: number }
  | { t: 'stop'; reason: 'cancelled' | 'memory budget' }
  | { t: 'progress'; distinct: number; generated: number; queue: number }
  | Report
  | { t: 'continue' }
  | { t: 'keys'; keys: Float64Array }
  /** States handed over to even out the level: encoded states, their positions and fingerprints. */
  | { t: 'move'; words: Int32Array; strings: string[]; pos: Float64Array; fps: Uint32Array }
  | { t: 'count'; key: number; parentPos: number }
  | { t: 'counted'; newBefore: number; genBefore: number }
  | { t: 'chain'; hi: number; lo: number }
  | { t: 'link'; hi: number; lo: number; initial: boolean }
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

/** A growable array of numbers in a typed array. */
class Column<T extends Float64Array | Uint32Array | Int32Array | Uint8Array> {
  length = 0;
  constructor(
    public a: T,
    private readonly make: (n: number) => T,
  ) {}
  push(x: number): number {
    if (this.length === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length] = x;
    return this.length++;
  }
  clear(): void {
    this.length = 0;
  }
}

const f64 = (n: number) => new Float64Array(n);
const u32 = (n: number) => new Uint32Array(n);
const i32 = (n: number) => new Int32Array(n);
const u8 = (n: number) => new Uint8Array(n);

/** One worker's part of the search. */
class Participant {
  // As owner: the fingerprints this worker owns (ids in the seen-set) and each one's parent.
  private readonly seen = new SeenSet();
  /** Per id: the parent's fingerprint, and whether the state is initial (no parent). */
  private readonly parHi = new Column(u32(1024), u32);
  private readonly parLo = new Column(u32(1024), u32);
  private readonly initial = new Column(u8(1024), u8);
  /** Fingerprints this worker owns (their ids are 0 … count − 1). */
  private get count(): number {
    return this.parHi.length;
  }
  /** Fingerprints first recorded in this level (ids from `levelStart`): the smallest key so far, and who holds that successor in which slot. */
  private levelStart = 0;
  private bestKey = new Column(f64(1024), f64);
  private bestHolder = new Column(i32(1024), i32);
  private bestSlot = new Column(i32(1024), i32);
  /** Slots to reject, per holder. */
  private readonly rejects: number[][];

  // As holder: the successors generated in this level, until their owners' verdict (undefined once rejected).
  private held: (State | undefined)[] = [];
  private heldKey = new Column(f64(1024), f64);
  private heldHi = new Column(u32(1024), u32);
  private heldLo = new Column(u32(1024), u32);
  private heldAlive = 0;
  /** The keys of the initial states this worker enumerated (in order), for the figures at an event. */
  private initKeys = new Column(f64(1024), f64);

  /** The new states of the level this worker holds, after the verdicts, in key order. */
  private next: State[] = [];
  private nextKey = new Float64Array(0);
  private nextHi = new Uint32Array(0);
  private nextLo = new Uint32Array(0);

  /** The level being expanded, in key order, with global positions and fingerprints. */
  private frontier: State[] = [];
  private frontierPos = new Float64Array(0);
  private frontierHi = new Uint32Array(0);
  private frontierLo = new Uint32Array(0);
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

  private readonly out: (Int32Array | undefined)[];
  private readonly outLength: number[];
  private readonly inbox: Message[][];
  private doneFrom = 0;
  private judgedFrom = 0;
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
    const { ports } = net;
    this.out = ports.map((p) => (p ? new Int32Array(BATCH_WORDS + ENTRY_WORDS) : undefined));
    this.outLength = ports.map(() => 0);
    this.rejects = ports.map(() => []);
    this.inbox = ports.map(() => []);
    this.peerProgress = ports.map(() => ({ distinct: 0, generated: 0, queue: 0 }));
    ports.forEach((p, from) => {
      if (p) listen(p, (m) => this.receive(from, m));
    });
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
        this.judge(from, m.words);
        break;
      case 'reject':
        this.rejected(m.slots);
        break;
      case 'done':
        this.doneFrom++;
        break;
      case 'judged':
        this.judgedFrom++;
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
        this.send(from, { t: 'link', ...this.parentOf(m.hi, m.lo) });
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

  private async nextFrom<T extends Message['t']>(
    from: number,
    t: T,
  ): Promise<Extract<Message, { t: T }>> {
    const box = this.inbox[from];
    await this.until(() => box.length > 0);
    const m = box.shift()!;
    if (m.t !== t)
      throw new Error(
        `internal error: the parallel search expected '${t}' from worker ${from}, got '${m.t}'`,
      );
    return m as Extract<Message, { t: T }>;
  }

  private pollStop(): void {
    if (!this.stopReason && this.limits.shouldStop?.()) this.stopReason = 'cancelled';
    if (!this.stopReason && this.limits.memoryBudgetBytes !== undefined) {
      if (this.bytes() > this.limits.memoryBudgetBytes / this.net.count)
        this.stopReason = 'memory budget';
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
      this.parHi.a.byteLength * 2 +
      this.initial.a.byteLength +
      this.sentHi.byteLength * 2 +
      this.bestKey.a.byteLength * 2 +
      this.heldKey.a.byteLength * 2 +
      (this.frontier.length - this.expanded + this.heldAlive + this.next.length) *
        QUEUED_STATE_BYTES
    );
  }

  /**
   * The owner's verdict on a successor: whether it is new so far (first seen, or reached in this
   * level by a smaller key than before; the one it displaces is rejected). `holder` keeps the
   * state in `slot`.
   */
  private admit(
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
      this.bestKey.push(key);
      this.bestHolder.push(holder);
      this.bestSlot.push(slot);
      return true;
    }
    const i = existing - this.levelStart;
    if (i < 0 || key >= this.bestKey.a[i]) return false;
    this.reject(this.bestHolder.a[i], this.bestSlot.a[i]);
    this.bestKey.a[i] = key;
    this.bestHolder.a[i] = holder;
    this.bestSlot.a[i] = slot;
    this.parHi.a[existing] = pHi;
    this.parLo.a[existing] = pLo;
    this.initial.a[existing] = initial ? 1 : 0;
    return true;
  }

  private reject(holder: number, slot: number): void {
    if (holder !== this.net.index) this.rejects[holder].push(slot);
    else this.drop(slot);
  }

  /** Forgets a successor this worker holds, which its owner rejected. */
  private drop(slot: number): void {
    if (this.held[slot] === undefined) return;
    this.held[slot] = undefined;
    this.heldAlive--;
  }

  /** A peer's verdicts on the successors this worker holds. */
  private rejected(slots: Int32Array): void {
    for (let i = 0; i < slots.length; i++) this.drop(slots[i]);
  }

  /** Judges a batch of a peer's successors, and answers with the rejected ones. */
  private judge(from: number, words: Int32Array): void {
    for (let p = 0; p < words.length; p += ENTRY_WORDS) {
      const pos = words[p + 2];
      const slot = words[p + 6];
      const key =
        pos < 0 ? (-1 - pos) * 2 ** 31 + words[p + 3] : (pos + 1) * INDEX_SPACE + words[p + 3];
      if (
        !this.admit(
          words[p] >>> 0,
          words[p + 1] >>> 0,
          key,
          words[p + 4] >>> 0,
          words[p + 5] >>> 0,
          pos < 0,
          from,
          slot,
        )
      ) {
        this.rejects[from].push(slot);
      }
    }
    this.sendRejects();
  }

  private sendRejects(): void {
    this.rejects.forEach((r, to) => {
      if (r.length === 0 || to === this.net.index) return;
      const slots = Int32Array.from(r);
      r.length = 0;
      this.send(to, { t: 'reject', slots }, [slots.buffer]);
    });
  }

  private hold(t: State, key: number, hi: number, lo: number): number {
    this.heldAlive++;
    this.heldKey.push(key);
    this.heldHi.push(hi);
    this.heldLo.push(lo);
    return this.held.push(t) - 1;
  }

  private errorEvent(e: unknown, base: Omit<LevelEvent, 'kind' | 'error'>): LevelEvent {
    if (!(e instanceof EvalError)) throw e;
    return { ...base, kind: 'error', error: { message: e.message, range: e.range } };
  }

  /**
   * Initial states: the workers deal the enumeration out (init-split.ts); each fingerprints and
   * constrains its share, holding the states and asking their owners as it does successors.
   */
  private initLevel(): void {
    const { rt } = this;
    const split = new InitSplit(this.net.count, this.net.index);
    const fp = this.fp;
    let key = 0;
    let inEmit = false;
    try {
      rt.initStates((s, k) => {
        key = k;
        this.initKeys.push(k);
        inEmit = true;
        if (!rt.inModel(s, undefined)) {
          // As TLC (and bfs.ts): not explored, but its invariants are checked.
          const name = rt.violatedInvariant(s)?.name ?? this.limits.propertyState?.(s, true);
          if (name) {
            rt.fingerprint(s, fp);
            this.noteEvent({
              key: k,
              kind: 'invariant',
              name,
              toFp: [fp[0], fp[1]],
              parentPos: -1,
              genPart: 1,
              recorded: false,
            });
          }
          inEmit = false;
          return;
        }
        rt.fingerprint(s, fp);
        inEmit = false;
        this.route(s, fp[0], fp[1], -1, k, 0, 0);
      }, split);
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      // In a part every worker runs, every worker meets the error at the same point; in a dealt
      // branch or a constraint, the one worker that evaluates it there.
      this.noteEvent({
        key: inEmit ? key : split.nextKey(),
        kind: 'init-error',
        error: { message: e.message, range: e.range },
        parentPos: -1,
        genPart: inEmit ? 1 : 0,
        recorded: false,
      });
    }
    this.levelGenerated = this.initKeys.length;
  }

  /**
   * A successor (or initial state: pos -1) of the state with fingerprint (pHi, pLo): judged here
   * when this worker owns it, else held and its fingerprint buffered for its owner.
   */
  private route(
    t: State,
    hi: number,
    lo: number,
    pos: number,
    k: number,
    pHi: number,
    pLo: number,
  ): void {
    const { index, count } = this.net;
    const owner = ownerOf(hi, lo, count);
    const key = (pos + 1) * INDEX_SPACE + k;
    if (owner === index) {
      if (this.admit(hi, lo, key, pHi, pLo, pos < 0, index, this.held.length))
        this.hold(t, key, hi, lo);
      return;
    }
    // Sent before by this worker: the owner has it, with a smaller key (this worker's keys grow).
    const cache = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> SENT_SHIFT;
    if (this.sentHi[cache] === hi && this.sentLo[cache] === lo && (hi | lo) !== 0) return;
    this.sentHi[cache] = hi;
    this.sentLo[cache] = lo;
    const slot = this.hold(t, key, hi, lo);
    const words = this.out[owner]!;
    const at = this.outLength[owner];
    words[at] = hi;
    words[at + 1] = lo;
    if (pos < 0) {
      // An initial state's key (init-split.ts) can exceed 31 bits: its high part goes in pos.
      const high = Math.floor(k / 2 ** 31);
      words[at + 2] = -1 - high;
      words[at + 3] = k - high * 2 ** 31;
    } else {
      words[at + 2] = pos;
      words[at + 3] = k;
    }
    words[at + 4] = pHi;
    words[at + 5] = pLo;
    words[at + 6] = slot;
    this.outLength[owner] = at + ENTRY_WORDS;
    if (at + ENTRY_WORDS >= BATCH_WORDS) this.flush(owner);
  }

  private flush(to: number): void {
    const n = this.outLength[to];
    if (n === 0) return;
    const words = this.out[to]!.slice(0, n);
    this.outLength[to] = 0;
    this.send(to, { t: 'batch', words }, [words.buffer]);
  }

  private noteEvent(e: LevelEvent): void {
    if (this.event && this.event.key <= e.key) return;
    this.event = e;
    if (e.key < this.knownEventKey) {
      this.knownEventKey = e.key;
      this.broadcast({ t: 'event', key: e.key });
    }
  }

  /** Expands the frontier in key order, sending each successor's fingerprint to its owner. */
  private async expand(): Promise<void> {
    const { rt, limits } = this;
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
      const sHi = this.frontierHi[f];
      const sLo = this.frontierLo[f];
      let idx = 0;
      let inEmit = false;
      rt.level = this.depth;
      try {
        rt.successors(
          s,
          (t) => {
            const k = idx++;
            if (k >= INDEX_SPACE)
              throw new EvalError(
                `A state has more than ${INDEX_SPACE} successors: check this model with one worker`,
              );
            inEmit = true;
            this.levelGenerated++;
            const inModel = rt.inModel(s, t);
            const key = (pos + 1) * INDEX_SPACE + k;
            // A step's action properties are checked whatever the constraints say (as TLC).
            const bad = limits.propertyStep?.(s, t);
            // Outside the constraints: not explored, but its invariants are checked (as TLC).
            const outside =
              inModel || bad
                ? undefined
                : (rt.violatedInvariant(t)?.name ?? limits.propertyState?.(t, false));
            if (!inModel && !bad && !outside) {
              inEmit = false;
              return;
            }
            rt.fingerprint(t, fp);
            inEmit = false;
            if (outside) {
              this.noteEvent({
                key,
                kind: 'invariant',
                name: outside,
                fp: [sHi, sLo],
                toFp: [fp[0], fp[1]],
                parentPos: pos,
                genPart: 1,
                recorded: false,
              });
              throw STOP_STATE;
            }
            if (bad) {
              this.noteEvent({
                key,
                kind: 'step-property',
                name: bad,
                fp: [sHi, sLo],
                toFp: [fp[0], fp[1]],
                parentPos: pos,
                genPart: 1,
                recorded: false,
              });
              throw STOP_STATE;
            }
            this.route(t, fp[0], fp[1], pos, k, sHi, sLo);
          },
          false,
        );
      } catch (e) {
        if (e !== STOP_STATE) {
          const key = (pos + 1) * INDEX_SPACE + (inEmit ? idx - 1 : idx);
          this.noteEvent(
            this.errorEvent(e, {
              key,
              fp: [sHi, sLo],
              parentPos: pos,
              genPart: inEmit ? 1 : 0,
              recorded: false,
            }),
          );
        }
      }
      this.frontierGen[f] = idx;
      if (idx === 0 && limits.checkDeadlock) {
        this.noteEvent({
          key: (pos + 1) * INDEX_SPACE,
          kind: 'deadlock',
          fp: [sHi, sLo],
          parentPos: pos,
          genPart: 0,
          recorded: false,
        });
      }
      if ((f & 15) === 0 && Date.now() - this.lastYield >= YIELD_EVERY_MS) {
        await this.breathe();
      }
    }
    this.frontier = [];
    this.expanded = 0;
  }

  /**
   * One level: expand the frontier (the initial states are already out), wait for every verdict,
   * then check the new states in key order. Levels can be short (one state each): poll and report
   * at their ends too, not only while expanding.
   */
  private async level(initial: boolean): Promise<void> {
    if (!initial) await this.expand();
    this.pollStop();
    if (this.stopReason) throw new Stop(this.stopReason);
    this.progress();
    await this.barrier();
    this.collect();
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

  /**
   * This worker's figures so far: states it owns, successors it generated, and states queued: those
   * of the level it has yet to expand, and those it admitted as new in this level (as owner: a held
   * successor its owner has not judged yet is not counted, so the queue never exceeds the distinct).
   */
  private figures(): { distinct: number; generated: number; queue: number } {
    return {
      distinct: this.count,
      generated: this.generated + this.levelGenerated,
      queue: this.frontier.length - this.expanded + this.count - this.levelStart,
    };
  }

  /** The leader's view of everyone's figures: its own and the peers' latest. */
  private overall(): { distinct: number; generated: number; queue: number } {
    return this.peerProgress.reduce(
      (a, p, i) =>
        i === 0
          ? a
          : {
              distinct: a.distinct + p.distinct,
              generated: a.generated + p.generated,
              queue: a.queue + p.queue,
            },
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
    this.limits.onProgress?.({
      distinctStates: sum.distinct,
      generatedStates: sum.generated,
      queueSize: sum.queue,
      depth: this.depth,
    });
  }

  /**
   * The end of a level's expansion: every peer's successors judged here (a peer's 'done' follows
   * its batches), then every verdict on this worker's successors in (a peer's 'judged' follows its
   * rejections).
   */
  private async barrier(): Promise<void> {
    const peers = this.net.count - 1;
    this.out.forEach((w, to) => w && this.flush(to));
    this.broadcast({ t: 'done' });
    await this.until(() => this.doneFrom >= peers);
    this.doneFrom -= peers;
    this.sendRejects();
    this.broadcast({ t: 'judged' });
    await this.until(() => this.judgedFrom >= peers);
    this.judgedFrom -= peers;
  }

  /** The held successors nobody rejected, in key order, become this worker's part of the next level. */
  private collect(): void {
    const order: number[] = [];
    for (let i = 0; i < this.held.length; i++) if (this.held[i] !== undefined) order.push(i);
    const keys = this.heldKey.a;
    order.sort((a, b) => keys[a] - keys[b]);
    const n = order.length;
    this.next = new Array<State>(n);
    this.nextKey = new Float64Array(n);
    this.nextHi = new Uint32Array(n);
    this.nextLo = new Uint32Array(n);
    for (let j = 0; j < n; j++) {
      const i = order[j];
      this.next[j] = this.held[i]!;
      this.nextKey[j] = keys[i];
      this.nextHi[j] = this.heldHi.a[i];
      this.nextLo[j] = this.heldLo.a[i];
    }
    this.held = [];
    this.heldAlive = 0;
    this.heldKey.clear();
    this.heldHi.clear();
    this.heldLo.clear();
  }

  /** Checks the new states this worker holds (invariants, state properties) in key order. */
  private checkNewStates(initial: boolean): void {
    const { rt, limits } = this;
    rt.level = this.depth + 1;
    for (let i = 0; i < this.next.length; i++) {
      const key = this.nextKey[i];
      if (key >= this.knownEventKey) break;
      const s = this.next[i];
      // The event's fields, built only when there is one (this loop runs for every new state).
      const base = () => ({
        key,
        fp: [this.nextHi[i], this.nextLo[i]] as [number, number],
        parentPos: initial ? -1 : Math.floor(key / INDEX_SPACE) - 1,
        genPart: 1,
        recorded: true,
      });
      try {
        const name = rt.violatedInvariant(s)?.name ?? limits.propertyState?.(s, initial);
        if (name) {
          this.noteEvent({ ...base(), kind: 'invariant', name });
          break;
        }
      } catch (e) {
        this.noteEvent(this.errorEvent(e, base()));
        break;
      }
    }
  }

  /**
   * The next level becomes the frontier: positions come from everyone's sorted keys, then the
   * workers even out their shares.
   */
  private async advance(): Promise<void> {
    const mine = this.nextKey;
    this.levelStart = this.count;
    // The initial level's keys are no longer needed (the figures at an event use the frontier's).
    this.initKeys = new Column(f64(16), f64);
    this.bestKey.clear();
    this.bestHolder.clear();
    this.bestSlot.clear();
    this.event = undefined;
    this.knownEventKey = Infinity;
    this.broadcast({ t: 'keys', keys: mine });
    const { count, index } = this.net;
    const sizes = new Array<number>(count).fill(0);
    sizes[index] = mine.length;
    const pos = new Float64Array(mine.length);
    for (let i = 0; i < mine.length; i++) pos[i] = i;
    for (let p = 0; p < count; p++) {
      if (p === index) continue;
      const theirs = (await this.nextFrom(p, 'keys')).keys;
      sizes[p] = theirs.length;
      let j = 0;
      for (let i = 0; i < mine.length; i++) {
        while (j < theirs.length && theirs[j] < mine[i]) j++;
        pos[i] += j;
      }
    }
    this.levelSize = sizes.reduce((a, b) => a + b, 0);
    this.frontier = this.next;
    this.frontierPos = pos;
    this.frontierHi = this.nextHi;
    this.frontierLo = this.nextLo;
    this.next = [];
    this.nextKey = new Float64Array(0);
    await this.rebalance(sizes);
    this.frontierGen = new Int32Array(this.frontier.length);
  }

  /**
   * Evens out the workers' shares of the frontier when they differ by more than a few percent:
   * every worker computes the same moves from the same sizes; a worker with more than its share
   * sends the states at the end of its part to workers with less.
   */
  private async rebalance(sizes: number[]): Promise<void> {
    const { count, index } = this.net;
    const total = this.levelSize;
    const target = (w: number) => Math.floor(total / count) + (w < total % count ? 1 : 0);
    const surplus = sizes.map((s, w) => s - target(w));
    if (Math.max(...surplus) <= REBALANCE_SLACK + total * REBALANCE_FRACTION) return;
    // Moves, in worker order: [from, to, n].
    const moves: [number, number, number][] = [];
    let taker = 0;
    for (let giver = 0; giver < count; giver++) {
      while (surplus[giver] > 0) {
        while (surplus[taker] >= 0) taker++;
        const n = Math.min(surplus[giver], -surplus[taker]);
        moves.push([giver, taker, n]);
        surplus[giver] -= n;
        surplus[taker] += n;
      }
    }
    // Give: the last states of this worker's part.
    let keep = this.frontier.length;
    for (const [from, to, n] of moves) {
      if (from !== index) continue;
      const w = new WordWriter();
      const start = keep - n;
      for (let i = start; i < keep; i++) {
        const s = this.frontier[i];
        for (let v = 0; v < s.length; v++) w.value(s[v]);
      }
      const fps = new Uint32Array(2 * n);
      for (let i = 0; i < n; i++) {
        fps[2 * i] = this.frontierHi[start + i];
        fps[2 * i + 1] = this.frontierLo[start + i];
      }
      const posOut = this.frontierPos.slice(start, keep);
      const { words, strings } = w.take();
      this.send(to, { t: 'move', words, strings, pos: posOut, fps }, [
        words.buffer,
        posOut.buffer,
        fps.buffer,
      ]);
      keep = start;
    }
    // Take: merge what arrives with this worker's part, by position.
    let states = this.frontier.slice(0, keep);
    let pos = this.frontierPos.subarray(0, keep);
    let hi = this.frontierHi.subarray(0, keep);
    let lo = this.frontierLo.subarray(0, keep);
    const nvars = this.rt.vars.length;
    for (const [from, to] of moves) {
      if (to !== index) continue;
      const m = await this.nextFrom(from, 'move');
      const reader = new WordReader(m.words, m.strings);
      const n = m.pos.length;
      const got: State[] = new Array<State>(n);
      for (let i = 0; i < n; i++) {
        const s = new Array(nvars);
        for (let v = 0; v < nvars; v++) s[v] = reader.value();
        got[i] = s;
      }
      const total = states.length + n;
      const mStates = new Array<State>(total);
      const mPos = new Float64Array(total);
      const mHi = new Uint32Array(total);
      const mLo = new Uint32Array(total);
      let a = 0;
      let b = 0;
      for (let i = 0; i < total; i++) {
        if (b >= n || (a < states.length && pos[a] < m.pos[b])) {
          mStates[i] = states[a];
          mPos[i] = pos[a];
          mHi[i] = hi[a];
          mLo[i] = lo[a];
          a++;
        } else {
          mStates[i] = got[b];
          mPos[i] = m.pos[b];
          mHi[i] = m.fps[2 * b];
          mLo[i] = m.fps[2 * b + 1];
          b++;
        }
      }
      states = mStates;
      pos = mPos;
      hi = mHi;
      lo = mLo;
    }
    this.frontier = states;
    this.frontierPos = pos;
    this.frontierHi = hi;
    this.frontierLo = lo;
  }

  /** The parent of a fingerprint this worker owns. */
  private parentOf(hi: number, lo: number): { hi: number; lo: number; initial: boolean } {
    const id = this.seen.get(hi, lo);
    if (id < 0)
      throw new Error(
        'internal error: a state of the trace is missing from its owner in the parallel search',
      );
    return { hi: this.parHi.a[id], lo: this.parLo.a[id], initial: this.initial.a[id] === 1 };
  }

  /** Fingerprints from an initial state to the state with fingerprint `fp`, asked of the owners along the way. */
  private async chain(fp: [number, number]): Promise<[number, number][]> {
    const fps: [number, number][] = [fp];
    let [hi, lo] = fp;
    for (;;) {
      const owner = ownerOf(hi, lo, this.net.count);
      let link: { hi: number; lo: number; initial: boolean };
      if (owner === this.net.index) link = this.parentOf(hi, lo);
      else {
        this.send(owner, { t: 'chain', hi, lo });
        link = await this.nextFrom(owner, 'link');
      }
      if (link.initial) break;
      ({ hi, lo } = link);
      fps.push([hi, lo]);
    }
    return fps.reverse();
  }

  /** The leader's search. */
  async lead(): Promise<SearchResult> {
    const levelTotals = { distinct: 0, generated: 0 };
    let outcome: SearchOutcome = { kind: 'success' };
    let figures:
      { distinct: number; generated: number; depth: number; queueLeft: number } | undefined;
    const chains = new Map<number, [number, number][]>();
    try {
      this.broadcast({ t: 'start' });
      this.initLevel();
      let initial = true;
      for (;;) {
        await this.level(initial);
        const reports: Report[] = [
          {
            t: 'report',
            newCount: this.next.length,
            generated: this.levelGenerated,
            event: this.event,
          },
        ];
        for (let p = 1; p < this.net.count; p++) reports.push(await this.nextFrom(p, 'report'));
        const newCount = reports.reduce((n, r) => n + r.newCount, 0);
        const levelGenerated = reports.reduce((n, r) => n + r.generated, 0);
        const event = reports
          .map((r) => r.event)
          .filter((e): e is LevelEvent => !!e)
          .sort((a, b) => a.key - b.key)[0];
        if (event) {
          ({ outcome, figures } = await this.settle(event, levelTotals, initial, chains));
          break;
        }
        levelTotals.distinct += newCount;
        levelTotals.generated += levelGenerated;
        if (newCount === 0) {
          figures = {
            distinct: levelTotals.distinct,
            generated: levelTotals.generated,
            depth: this.depth,
            queueLeft: 0,
          };
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
      figures = {
        distinct: sum.distinct,
        generated: sum.generated,
        depth: this.depth,
        queueLeft: sum.queue,
      };
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
  ): Promise<{
    outcome: SearchOutcome;
    figures: { distinct: number; generated: number; depth: number; queueLeft: number };
  }> {
    this.broadcast({ t: 'count', key: e.key, parentPos: e.parentPos });
    const mine = this.countBefore(e.key, e.parentPos, initial);
    let newBefore = mine.newBefore;
    let genBefore = mine.genBefore;
    for (let p = 1; p < this.net.count; p++) {
      const c = await this.nextFrom(p, 'counted');
      newBefore += c.newBefore;
      genBefore += c.genBefore;
    }
    const distinct = before.distinct + newBefore + (e.recorded ? 1 : 0);
    let generated: number;
    if (initial) generated = genBefore + e.genPart;
    else generated = before.generated + genBefore + (e.key % INDEX_SPACE) + e.genPart;
    const queueLeft = (initial ? 0 : this.levelSize - e.parentPos - 1) + newBefore;
    // The search ends at one event: its state is "state 0" of the result.
    const stateId = e.fp ? 0 : undefined;
    if (e.fp) chains.set(0, await this.chain(e.fp));
    let outcome: SearchOutcome;
    let depth = this.depth;
    switch (e.kind) {
      case 'invariant':
        if (e.toFp) {
          // A state outside the constraints, reached from the event's state (none: initial).
          outcome = { kind: 'invariant', name: e.name!, stateId: stateId ?? -1, toFp: e.toFp };
          depth = stateId === undefined ? 0 : this.depth;
        } else {
          outcome = { kind: 'invariant', name: e.name!, stateId: stateId! };
          depth = this.depth + 1;
        }
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

  /** This worker's new states before `key`, and the states it generated before it. */
  private countBefore(
    key: number,
    parentPos: number,
    initial: boolean,
  ): { newBefore: number; genBefore: number } {
    let newBefore = 0;
    for (const k of this.nextKey) if (k < key) newBefore++;
    let genBefore = 0;
    if (initial) {
      for (let i = 0; i < this.initKeys.length; i++) if (this.initKeys.a[i] < key) genBefore++;
    } else {
      for (let f = 0; f < this.frontierPos.length; f++)
        if (this.frontierPos[f] < parentPos) genBefore += this.frontierGen[f];
    }
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
        this.send(0, {
          t: 'report',
          newCount: this.next.length,
          generated: this.levelGenerated,
          event: this.event,
        });
        const decision = await this.nextControl();
        if (decision.t === 'count') {
          this.send(0, {
            t: 'counted',
            ...this.countBefore(decision.key, decision.parentPos, initial),
          });
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
export function parallelSearch(
  rt: ModelRuntime,
  limits: SearchLimits,
  net: ParallelNet,
): Promise<SearchResult> {
  settled.add(net);
  return new Participant(rt, limits, net).lead();
}

/**
 * A peer's side of the search, until the leader closes it (or a stop). Without a model (the
 * peer could not build it) it only waits for the leader, which fails the same way, to close.
 */
export async function serveParallelSearch(
  rt: ModelRuntime | undefined,
  limits: Partial<SearchLimits>,
  net: ParallelNet,
): Promise<void> {
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
