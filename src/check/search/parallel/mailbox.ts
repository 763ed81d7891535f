/**
 * A worker's messaging in the shared search: the ports to its peers, the messages that wait to be
 * read in order (per peer), the counts of the end-of-level signals, the stop that any worker may
 * announce, and the batches of fingerprints on their way to their owners.
 */
import type { ParallelNet, PortLike } from './net';
import type { Stats } from './stats';
import {
  BATCH_WORDS,
  ENTRY_WORDS,
  Stop,
  type Figures,
  type Message,
  type StopReason,
} from './protocol';

/** Words of a peer's first batch (then doubled up to `BATCH_WORDS`): 16 successors. */
const FIRST_BATCH_WORDS = 16 * ENTRY_WORDS;
/** Entries of the sent-fingerprints cache: 2^20 slots, 8 MB. */
const SENT_BITS = 20;
const SENT_SHIFT = 32 - SENT_BITS;

/** Lets queued messages run: setImmediate in Node, a MessageChannel turn in a browser (no 4 ms clamp). */
export const yieldToEvents: () => Promise<void> = (() => {
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
export function listen(port: PortLike, handler: (m: Message) => void): void {
  const node = port as unknown as { on?: (e: string, f: (m: Message) => void) => void };
  if (typeof node.on === 'function') node.on('message', handler);
  else (port as unknown as MessagePort).onmessage = (e: MessageEvent) => handler(e.data as Message);
}

/** What a worker does with the messages it answers at once, whatever it is waiting for. */
export interface Handlers {
  /** A peer's successors to judge. */
  batch(from: number, words: Int32Array): void;
  /** A peer's verdicts on the successors this worker holds. */
  reject(slots: Int32Array): void;
  /** A peer met an event at this key. */
  event(key: number): void;
  progress(from: number, figures: Figures): void;
  /** The leader asks for the parent of a fingerprint this worker owns. */
  chain(from: number, hi: number, lo: number): void;
  /** A peer asks for a part of this worker's share of the level at `depth`. */
  steal(from: number, depth: number): void;
}

export class Mailbox {
  /** Messages read in order, per peer (decisions, keys, moves, reports, links). */
  private readonly inbox: Message[][];
  /** Peers whose 'done' / 'judged' of this level arrived. */
  doneFrom = 0;
  judgedFrom = 0;
  /** Peers ready to take part (the leader's count). */
  readyFrom = 0;
  /** Whether the peers share the search: until then the leader's broadcasts (but 'close') stay here. */
  joined = true;
  private wake: (() => void) | undefined;
  stopReason: StopReason | undefined;
  private stopSent = false;
  private closed = false;
  private closeReceived = false;

  /** `poll` looks for a stop asked of this worker (a cancel does not come as a message). */
  constructor(
    private readonly net: ParallelNet,
    private readonly handlers: Handlers,
    private readonly poll: () => void,
  ) {
    this.inbox = net.ports.map(() => []);
    net.ports.forEach((p, from) => {
      if (p) listen(p, (m) => this.receive(from, m));
    });
  }

  send(to: number, m: Message, transfer?: Transferable[]): void {
    this.net.ports[to]!.postMessage(m, transfer);
  }

  broadcast(m: Message): void {
    if (!this.joined && m.t !== 'close') return;
    this.net.ports.forEach((p, i) => p && this.send(i, m));
  }

  private receive(from: number, m: Message): void {
    const h = this.handlers;
    switch (m.t) {
      case 'batch':
        h.batch(from, m.words);
        break;
      case 'reject':
        h.reject(m.slots);
        break;
      case 'done':
        this.doneFrom++;
        break;
      case 'judged':
        this.judgedFrom++;
        break;
      case 'ready':
        this.readyFrom++;
        break;
      case 'event':
        h.event(m.key);
        break;
      case 'stop':
        this.stopReason ??= m.reason;
        break;
      case 'progress':
        h.progress(from, m);
        break;
      case 'chain':
        h.chain(from, m.hi, m.lo);
        break;
      case 'steal':
        h.steal(from, m.depth);
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

  /** Tells the peers once that this worker stops, when it does. */
  announceStop(): void {
    if (this.stopReason && !this.stopSent) {
      this.stopSent = true;
      this.broadcast({ t: 'stop', reason: this.stopReason });
    }
  }

  /** Waits until `ready()` holds, letting messages in; throws when the search is stopped. */
  async until(ready: () => boolean): Promise<void> {
    for (;;) {
      if (this.stopReason) throw new Stop(this.stopReason);
      if (ready()) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        // A stop asked of this worker (cancel) does not come as a message: look now and then.
        setTimeout(resolve, 50);
      });
      this.poll();
    }
  }

  /** The next message read in order from `from`, which must be a `t`. */
  async nextFrom<T extends Message['t']>(from: number, t: T): Promise<Extract<Message, { t: T }>> {
    const box = this.inbox[from];
    await this.until(() => box.length > 0);
    const m = box.shift()!;
    if (m.t !== t)
      throw new Error(
        `internal error: the parallel search expected '${t}' from worker ${from}, got '${m.t}'`,
      );
    return m as Extract<Message, { t: T }>;
  }

  /** The next message read in order from `from`, whatever it is. */
  async next(from: number): Promise<Message> {
    const box = this.inbox[from];
    await this.until(() => box.length > 0);
    return box.shift()!;
  }

  /** The leader's next word to a peer, whatever it is. */
  nextControl(): Promise<Message> {
    return this.next(0);
  }

  /** A peer waits for the leader's 'close' (it may still ask for a chain), but not forever: it may be gone. */
  async awaitClose(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.closeReceived && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.net.ports) p?.close();
  }
}

/**
 * The fingerprints of successors on their way to their owners, in one batch per peer, and a cache
 * of the fingerprints this worker has sent (most successors are states seen before).
 */
export class Outbox {
  private readonly out: (Int32Array | undefined)[];
  private readonly outLength: number[];
  /**
   * Words at which a peer's batch is sent: small at first, doubled at each batch up to
   * `BATCH_WORDS`. The first batches then leave early (a peer waiting at the start gets work
   * sooner), and the sending path has run before V8 optimizes `add` (a path it has not seen is
   * compiled as a deoptimization, and `add` and its callers compiled again when it is taken).
   */
  private readonly outLimit: number[];
  private readonly sentHi = new Uint32Array(1 << SENT_BITS);
  private readonly sentLo = new Uint32Array(1 << SENT_BITS);
  /** The key each was sent with, and its level (mod 256). */
  private readonly sentKey = new Float64Array(1 << SENT_BITS);
  private readonly sentLevel = new Uint8Array(1 << SENT_BITS);

  constructor(
    net: ParallelNet,
    private readonly box: Mailbox,
    private readonly stats?: Stats,
  ) {
    this.out = net.ports.map((p) => (p ? new Int32Array(BATCH_WORDS + ENTRY_WORDS) : undefined));
    this.outLength = net.ports.map(() => 0);
    this.outLimit = net.ports.map(() => FIRST_BATCH_WORDS);
  }

  get bytes(): number {
    return this.sentHi.byteLength * 2 + this.sentKey.byteLength + this.sentLevel.byteLength;
  }

  /**
   * Whether this worker sent the fingerprint before, so that its owner has it with a key no
   * larger than `key` (then the successor is not new, or not first); remembers it otherwise. A
   * worker's keys do not always grow within a level (it expands parts taken from peers after its
   * own): one sent in this level with a larger key is sent again. One sent in an earlier level is seen (a level mistaken for this one, mod 256, only
   * sends it again).
   */
  sentBefore(hi: number, lo: number, key: number, level: number): boolean {
    const cache = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> SENT_SHIFT;
    const stamp = level & 255;
    if (
      this.sentHi[cache] === hi &&
      this.sentLo[cache] === lo &&
      (hi | lo) !== 0 &&
      (this.sentLevel[cache] !== stamp || this.sentKey[cache] <= key)
    )
      return true;
    this.sentHi[cache] = hi;
    this.sentLo[cache] = lo;
    this.sentKey[cache] = key;
    this.sentLevel[cache] = stamp;
    return false;
  }

  /** Buffers a successor for its owner (see `ENTRY_WORDS`); sends the batch when it is full. */
  add(
    owner: number,
    hi: number,
    lo: number,
    pos: number,
    k: number,
    pHi: number,
    pLo: number,
    slot: number,
  ): void {
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
    if (at + ENTRY_WORDS >= this.outLimit[owner]) {
      this.outLimit[owner] = Math.min(BATCH_WORDS, 2 * this.outLimit[owner]);
      this.flush(owner);
    }
  }

  flush(to: number): void {
    const n = this.outLength[to];
    if (n === 0) return;
    this.stats?.enter('post');
    const words = this.out[to]!.slice(0, n);
    this.outLength[to] = 0;
    this.box.send(to, { t: 'batch', words }, [words.buffer]);
    this.stats?.leave();
  }

  flushAll(): void {
    this.out.forEach((w, to) => w && this.flush(to));
  }
}
