/**
 * One worker's part of the shared search (search.ts): as holder, the successors it generates until
 * their owners' verdicts; the levels it expands, in key order; the events it meets; its figures.
 * As owner it keeps a shard (shard.ts); it talks through a mailbox (mailbox.ts); the leader's and
 * the peers' loops over the levels are in leader.ts and server.ts.
 */
import { EvalError, IncompleteStateError } from '../../../eval/errors';
import { InitSplit } from '../../../eval/init-split';
import type { SearchLimits } from '../bfs/bfs';
import { heapWatch } from '../memory';
import type { ModelRuntime, State } from '../../model/runtime';
import { Mailbox, Outbox, yieldToEvents } from './mailbox';
import type { ParallelNet } from './net';
import {
  ENTRY_WORDS,
  INDEX_SPACE,
  Stop,
  ownerOf,
  type Figures,
  type Joining,
  type LevelEvent,
  firstEvent,
} from './protocol';
import { JOINED_WEIGHT, decodeStates, encodeStates, fingerprintsOf, rebalance } from './rebalance';
import { Column, Shard, f64, u32 } from './shard';
import { GraphPart } from './graph-part';
import { Stats } from './stats';

/** How often a worker lets messages in (and polls for a stop) while it expands its frontier. */
const YIELD_EVERY_MS = 15;
const PROGRESS_EVERY_MS = 250;
/**
 * A worker gives part of what it has yet to expand in a level to a peer that has finished its own
 * part when that would take it at least this long (half goes: the round trip and the states'
 * encoding cost less than that).
 */
const MIN_STEAL_MS = 4;
/**
 * ... and only when a state takes it at least this long: a state taken travels encoded, and it
 * and the states that descend from it cost more to evaluate than those generated where they are
 * (SimpleRegular, about 10 us a state: 0.6 s more CPU in all for some 15,000 states taken, the
 * check 10% slower; braf, MCCheckpointCoordination, EWD998PCal, FastPaxos, 60 us to 7 ms a state,
 * gained 15-25%).
 */
const MIN_STEAL_STATE_MS = 0.05;

/** A duration in ms from the environment variable `name` when it holds one, else `fallback`. */
function envMs(name: string, fallback: number): number {
  const env = typeof process !== 'undefined' ? process.env?.[name] : undefined;
  const ms = env ? Number(env) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : fallback;
}

/** Rough per-state cost of a queued state, for the memory budget (as in bfs.ts). */
const QUEUED_STATE_BYTES = 256;

/**
 * Shares of the enumeration of the initial states per worker (initLevel). Many, so that a leader
 * alone until its peers are ready does little more than its part: the shares left are dealt out
 * so that all end even (protocol.ts, dealShares), and no initial state has to move.
 */
const INIT_SHARES_PER_WORKER = 16;

/** Thrown out of a successor callback to stop expanding that state (its event is noted). */
const STOP_STATE = {};

export class Participant {
  readonly box: Mailbox;
  /** As owner: the fingerprints this worker owns, with their parents. */
  readonly shard: Shard;
  /**
   * The leader's, while it searches alone (its peers still building the model): the fingerprints
   * the peers own, handed over to them when they join (`join`).
   */
  foreign: Shard | undefined;
  /** Where this worker's time goes (stats.ts; off unless a host asks). */
  readonly stats: Stats;
  private readonly outbox: Outbox;
  /** Slots to reject, per holder. */
  private readonly rejects: number[][];

  // As holder: the successors generated in this level, until their owners' verdict (undefined once rejected).
  private held: (State | undefined)[] = [];
  private heldKey = new Column(f64);
  private heldHi = new Column(u32);
  private heldLo = new Column(u32);
  private heldAlive = 0;
  /** The keys of the initial states this worker enumerated (in order), for the figures at an event. */
  private initKeys = new Column(f64);

  /** The new states of the level this worker holds, after the verdicts, in key order. */
  next: State[] = [];
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
  /**
   * For a frontier state whose steps went through `A \cdot B`: the middle states counted up to
   * each of its successors (TLC counts them as generated), for the generated count at an event.
   */
  private composedAt = new Map<number, number[]>();
  /** States in the level being expanded, over all workers. */
  levelSize = 0;
  /** States in the levels before it: a state's id is this plus its position (the sequential search's id). */
  levelBase = 0;
  /** Initial states, over all workers (the first level's size). */
  initialCount = 0;
  /** This worker's part of the behaviour graph, when the liveness checker needs it (graph-part.ts). */
  graph: GraphPart | undefined;

  private generated = 0;
  levelGenerated = 0;
  /** Frontier states expanded so far in this level. */
  private expanded = 0;
  depth = 0;
  /** The first event this worker met in the level, if any. */
  event: LevelEvent | undefined;
  /** The smallest event key any worker has announced in this level. */
  private knownEventKey = Infinity;

  /** Whether this worker is expanding its part of the level at `depth` (or parts taken from peers). */
  private expanding = false;
  /** The last level whose expansion this worker has finished. */
  private expandedDepth = -1;
  private levelStartMs = 0;
  /** MIN_STEAL_MS, or SPECSTAGE_PARALLEL_STEAL_MS (0: whenever two states are left; the tests). */
  private readonly minStealMs = envMs('SPECSTAGE_PARALLEL_STEAL_MS', MIN_STEAL_MS);
  /** MIN_STEAL_STATE_MS, or SPECSTAGE_PARALLEL_STEAL_STATE_MS (the tests: 0). */
  private readonly minStealStateMs = envMs('SPECSTAGE_PARALLEL_STEAL_STATE_MS', MIN_STEAL_STATE_MS);
  /**
   * YIELD_EVERY_MS, or SPECSTAGE_PARALLEL_YIELD_MS (the tests, whose workers share one thread: 0,
   * every 4 states). Read per worker, as the other two: a test sets it for some searches only.
   */
  private readonly yieldEveryMs = envMs('SPECSTAGE_PARALLEL_YIELD_MS', YIELD_EVERY_MS);
  /** Peers that asked for work, with the level they asked in, until answered. */
  private readonly stealDepth = new Map<number, number>();
  /** The peers asked for work in this level so far (in turn, from the next worker on). */
  private askNext = 0;
  /** Where the part last taken from a peer begins in the frontier. */
  private takenFrom = 0;

  private readonly fp: [number, number] = [0, 0];
  private readonly heapHigh = heapWatch(3, () => this.shard.bytes + this.outbox.bytes);
  private lastYield = Date.now();
  /** The peers joined the leader at the end of this level: the next is their first. */
  private justJoined = false;
  private lastProgress = 0;
  /** The leader's view of the peers' latest progress. */
  private readonly peerProgress: Figures[];

  constructor(
    readonly rt: ModelRuntime,
    readonly limits: SearchLimits,
    readonly net: ParallelNet,
  ) {
    const { ports } = net;
    this.stats = new Stats(net.index);
    this.rejects = ports.map(() => []);
    this.peerProgress = ports.map(() => ({ distinct: 0, generated: 0, queue: 0 }));
    this.shard = new Shard((holder, slot) => this.reject(holder, slot));
    this.box = new Mailbox(
      net,
      {
        batch: (from, words) => this.judge(from, words),
        reject: (slots) => this.rejected(slots),
        event: (key) => {
          if (key < this.knownEventKey) this.knownEventKey = key;
        },
        progress: (from, figures) => {
          this.peerProgress[from] = figures;
        },
        chain: (from, hi, lo) => this.box.send(from, { t: 'link', ...this.shard.parentOf(hi, lo) }),
        steal: (from, depth) => {
          this.stealDepth.set(from, depth);
          this.giveWork(from);
        },
      },
      () => this.pollStop(),
    );
    this.outbox = new Outbox(net, this.box, this.stats);
  }

  private get leader(): boolean {
    return this.net.index === 0;
  }

  /** The peers that share the search now: none while the leader searches alone. */
  get peers(): number {
    return this.foreign ? 0 : this.net.count - 1;
  }

  /** The leader searches alone from here until its peers are ready (`join`). */
  alone(): void {
    this.foreign = new Shard((holder, slot) => this.reject(holder, slot), true);
    this.box.joined = false;
  }

  /**
   * The leader's peers join at the end of a level (in place of 'continue'): each gets where the
   * search is and the fingerprints it owns, then they advance to the next level together.
   */
  join(graph: boolean, fromShare?: number): void {
    const { count } = this.net;
    const parts = this.foreign!.entries(count, (hi, lo) => ownerOf(hi, lo, count));
    this.foreign = undefined;
    this.box.joined = true;
    // Peers that join at a level's end have expanded nothing yet (cold code); in the initial level
    // they have already enumerated their shares of it (MCBakery: a half share for its second and
    // last level, 3 s, had the leader work 1.4 s alone at its end).
    this.justJoined = fromShare === undefined;
    this.stats.mark('join');
    const join: Joining = {
      ...(fromShare !== undefined ? { fromShare } : {}),
      depth: this.depth,
      levelBase: this.levelBase,
      levelSize: this.levelSize,
      initialCount: this.initialCount,
    };
    for (let p = 1; p < count; p++) {
      this.box.send(p, { t: 'start', graph, join });
      const { words, keys } = parts[p];
      this.box.send(p, { t: 'shard', words, keys }, [words.buffer, keys.buffer]);
    }
  }

  /**
   * A peer joins the search where the leader says, with the fingerprints it owns (`join`); in the
   * initial level, those of the leader's initial states, which the leader holds.
   */
  joined(join: Joining, words: Uint32Array, keys: Float64Array): void {
    this.depth = join.depth;
    this.levelBase = join.levelBase;
    this.levelSize = join.levelSize;
    this.initialCount = join.initialCount;
    this.shard.adopt(words, keys, join.fromShare !== undefined ? 0 : undefined);
    this.justJoined = join.fromShare === undefined; // as the leader's (join)
    this.stats.mark('joined');
  }

  /** Looks for a stop asked of this worker (cancel, memory budget), and tells the peers of one. */
  pollStop(): void {
    const box = this.box;
    if (!box.stopReason && this.limits.shouldStop?.()) box.stopReason = 'cancelled';
    if (!box.stopReason && this.limits.memoryBudgetBytes !== undefined) {
      if (this.bytes() > this.limits.memoryBudgetBytes / (this.peers + 1))
        box.stopReason = 'memory budget';
    }
    if (!box.stopReason && this.heapHigh()) box.stopReason = 'memory budget';
    box.announceStop();
  }

  bytes(): number {
    return (
      this.shard.bytes +
      (this.foreign?.bytes ?? 0) +
      this.outbox.bytes +
      (this.graph?.bytes ?? 0) +
      this.heldKey.a.byteLength * 2 +
      (this.frontier.length - this.expanded + this.heldAlive + this.next.length) *
        QUEUED_STATE_BYTES
    );
  }

  /** The successor `holder` keeps in `slot` is not new. */
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
    this.stats.enter('judge');
    for (let i = 0; i < slots.length; i++) this.drop(slots[i]);
    this.stats.leave();
  }

  /** Judges a batch of a peer's successors, and answers with the rejected ones. */
  private judge(from: number, words: Int32Array): void {
    const stats = this.stats;
    stats.enter('judge');
    stats.s.batches++;
    stats.s.judged += words.length / ENTRY_WORDS;
    for (let p = 0; p < words.length; p += ENTRY_WORDS) {
      const pos = words[p + 2];
      const slot = words[p + 6];
      const key =
        pos < 0 ? (-1 - pos) * 2 ** 31 + words[p + 3] : (pos + 1) * INDEX_SPACE + words[p + 3];
      if (
        !this.shard.admit(
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
    stats.leave();
  }

  private sendRejects(): void {
    this.rejects.forEach((r, to) => {
      if (r.length === 0 || to === this.net.index) return;
      const slots = Int32Array.from(r);
      r.length = 0;
      this.box.send(to, { t: 'reject', slots }, [slots.buffer]);
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
    return {
      ...base,
      kind: 'error',
      error: {
        message: e.message,
        range: e.range,
        ...(e instanceof IncompleteStateError ? { incomplete: true } : {}),
      },
    };
  }

  /** Shares of the initial states' enumeration: more than workers, for a leader alone at first. */
  get initShares(): number {
    return INIT_SHARES_PER_WORKER * this.net.count;
  }

  /**
   * Initial states: the workers deal the enumeration out (init-split.ts) in `initShares` shares;
   * each fingerprints and constrains the shares it `takes` (by default those of its index), holding
   * the states and asking their owners as it does successors. Returns whether the enumeration was
   * dealt out (else every share ran the whole enumeration).
   */
  initLevel(takes = (share: number) => share % this.net.count === this.net.index): boolean {
    const { rt } = this;
    const shares = this.initShares;
    const split = new InitSplit(shares, 0, 64 * shares, takes);
    const fp = this.fp;
    let key = 0;
    let inEmit = false;
    try {
      // TLCGet("level") is 0 in the initial predicate, 1 at an initial state (as bfs.ts).
      rt.level = 0;
      rt.initStates((s, k) => {
        key = k;
        this.initKeys.push(k);
        inEmit = true;
        rt.level = 1;
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
          rt.level = 0;
          return;
        }
        rt.fingerprint(s, fp);
        rt.level = 0;
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
    return split.dealt;
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
    if (owner === index || this.foreign) {
      const shard = owner === index ? this.shard : this.foreign!;
      if (shard.admit(hi, lo, key, pHi, pLo, pos < 0, index, this.held.length))
        this.hold(t, key, hi, lo);
      return;
    }
    if (this.outbox.sentBefore(hi, lo, key, this.depth)) {
      this.stats.s.filtered++;
      return;
    }
    this.stats.s.sent++;
    const slot = this.hold(t, key, hi, lo);
    this.outbox.add(owner, hi, lo, pos, k, pHi, pLo, slot);
  }

  private noteEvent(e: LevelEvent): void {
    if (this.event && !firstEvent(e, this.event)) return;
    this.event = e;
    if (e.key < this.knownEventKey) {
      this.knownEventKey = e.key;
      this.box.broadcast({ t: 'event', key: e.key });
    }
  }

  /**
   * Expands the frontier in key order, sending each successor's fingerprint to its owner; then,
   * while peers are still expanding theirs, parts of theirs (`stealWork`).
   */
  private async expand(): Promise<void> {
    this.stats.enter('expand');
    this.generated += this.levelGenerated;
    this.levelGenerated = 0;
    this.expanding = true;
    this.askNext = 0;
    this.levelStartMs = performance.now();
    // Peers that asked before this worker began the level.
    this.answerSteals();
    await this.expandFrom(0);
    while (this.peers > 0 && (await this.stealWork())) await this.expandFrom(this.takenFrom);
    this.expanding = false;
    this.expandedDepth = this.depth;
    this.answerSteals();
    this.frontier = [];
    this.expanded = 0;
    this.stats.s.generated += this.levelGenerated;
    this.stats.leave();
  }

  /**
   * Expands the frontier from `start` to its end (which a peer's `steal` may bring nearer), in key
   * order: the states from `start` on are in key order (this worker's part, or a part taken).
   */
  private async expandFrom(start: number): Promise<void> {
    const { rt, limits } = this;
    const fp = this.fp;
    const frontier = this.frontier;
    const graph = this.graph;
    for (let f = start; f < frontier.length; f++) {
      const pos = this.frontierPos[f];
      if ((pos + 1) * INDEX_SPACE > this.knownEventKey) break;
      const s = frontier[f];
      frontier[f] = undefined as unknown as State;
      this.expanded = f + 1;
      const sHi = this.frontierHi[f];
      const sLo = this.frontierLo[f];
      let idx = 0;
      /** Middle states of `A \cdot B` counted so far for this state (TLC counts them as generated). */
      let composed = 0;
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
            const mids = rt.takeComposed();
            composed += mids;
            this.levelGenerated += 1 + mids;
            if (composed > 0) this.noteComposed(f, k, composed);
            const inModel = rt.inModel(s, t);
            const key = (pos + 1) * INDEX_SPACE + k;
            // A step's action properties are checked whatever the constraints say (as TLC), after
            // a successor inside them is recorded: it goes to its owner, which counts it if new and
            // checks its invariants first (a tie of keys goes to the recorded state's event).
            const bad = limits.propertyStep?.(s, t);
            // The new state's invariants and VIEW see it at its level (as TLC and bfs.ts).
            rt.level = this.depth + 1;
            // Outside the constraints: not explored, but its invariants are checked (as TLC).
            const outside =
              inModel || bad
                ? undefined
                : (rt.violatedInvariant(t)?.name ?? limits.propertyState?.(t, false));
            if (!inModel && !bad && !outside) {
              rt.level = this.depth;
              inEmit = false;
              return;
            }
            rt.fingerprint(t, fp);
            rt.level = this.depth;
            inEmit = false;
            // A violated action property, or an invariant of a state outside the constraints.
            const stopAt = outside || bad;
            if (stopAt && inModel) {
              graph?.edge(this.levelBase + pos, fp[0], fp[1], s, t);
              this.route(t, fp[0], fp[1], pos, k, sHi, sLo);
            }
            if (stopAt) {
              this.noteEvent({
                key,
                kind: outside ? 'invariant' : 'step-property',
                name: stopAt,
                fp: [sHi, sLo],
                toFp: [fp[0], fp[1]],
                parentPos: pos,
                genPart: 1,
                recorded: false,
              });
              throw STOP_STATE;
            }
            graph?.edge(this.levelBase + pos, fp[0], fp[1], s, t);
            this.route(t, fp[0], fp[1], pos, k, sHi, sLo);
          },
          false,
        );
      } catch (e) {
        if (e !== STOP_STATE) {
          const mids = rt.takeComposed();
          composed += mids;
          this.levelGenerated += mids;
          const at = inEmit ? idx - 1 : idx;
          if (composed > 0) this.noteComposed(f, at, composed);
          const key = (pos + 1) * INDEX_SPACE + at;
          this.noteEvent(
            this.errorEvent(e, {
              key,
              fp: [sHi, sLo],
              parentPos: pos,
              // TLC counts the successor it then reports as incomplete.
              genPart: inEmit || e instanceof IncompleteStateError ? 1 : 0,
              recorded: false,
            }),
          );
        }
      }
      {
        const mids = rt.takeComposed();
        composed += mids;
        this.levelGenerated += mids;
      }
      this.frontierGen[f] = idx + composed;
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
      if ((f & 3) === 0 && Date.now() - this.lastYield >= this.yieldEveryMs) {
        await this.breathe();
      }
    }
  }

  private answerSteals(): void {
    for (const from of [...this.stealDepth.keys()]) this.giveWork(from);
  }

  /**
   * A peer asks for work in the level at `depth`: the last half of the states this worker has yet
   * to expand there, when expanding them would take a while (else none). A peer that asks before
   * this worker began that level waits for it.
   */
  private giveWork(from: number): void {
    const depth = this.stealDepth.get(from);
    if (depth === undefined) return;
    if (depth > this.expandedDepth && !(this.expanding && this.depth === depth)) return; // later
    this.stealDepth.delete(from);
    const states = this.frontier;
    const now = this.expanding && this.depth === depth;
    let end = states.length;
    if (now && this.knownEventKey < Infinity) {
      // The states past the level's first event known so far are expanded by nobody (the search
      // ends with this level): they are not given (they would go back and forth).
      while (
        end > this.expanded &&
        (this.frontierPos[end - 1] + 1) * INDEX_SPACE > this.knownEventKey
      )
        end--;
      states.length = end;
    }
    const left = now ? end - this.expanded : 0;
    const perState =
      this.expanded > 0 ? (performance.now() - this.levelStartMs) / this.expanded : 0;
    const give =
      left >= 2 && perState >= this.minStealStateMs && left * perState >= this.minStealMs
        ? left >> 1
        : 0;
    const start = end - give;
    const { words, strings } = encodeStates(states, start, end);
    const pos = this.frontierPos.slice(start, end);
    const fps = fingerprintsOf({ hi: this.frontierHi, lo: this.frontierLo }, start, end);
    states.length = start;
    this.stats.s.given += give;
    this.box.send(from, { t: 'loot', words, strings, pos, fps }, [
      words.buffer,
      pos.buffer,
      fps.buffer,
    ]);
  }

  /**
   * Asks the peers in turn for a part of theirs; appends the first part given to the frontier
   * (from `takenFrom`) and says whether there was one. A peer that gives none has none to spare
   * in this level: it is not asked again.
   */
  private async stealWork(): Promise<boolean> {
    const { count, index } = this.net;
    while (this.askNext < count - 1) {
      const victim = (index + 1 + this.askNext) % count;
      this.stats.enter('barrier');
      this.box.send(victim, { t: 'steal', depth: this.depth });
      const loot = await this.stats.wait(this.box.nextFrom(victim, 'loot'));
      this.stats.leave();
      const n = loot.pos.length;
      if (n === 0) {
        this.stats.s.refused++;
        this.askNext++;
        continue;
      }
      this.stats.s.taken += n;
      const got = decodeStates(loot.words, loot.strings, n, this.rt.vars.length);
      const at = this.frontier.length;
      this.takenFrom = at;
      for (const s of got) this.frontier.push(s);
      this.frontierPos = grow(this.frontierPos, at, n);
      this.frontierHi = grow(this.frontierHi, at, n);
      this.frontierLo = grow(this.frontierLo, at, n);
      this.frontierGen = grow(this.frontierGen, at, n);
      this.frontierPos.set(loot.pos, at);
      for (let i = 0; i < n; i++) {
        this.frontierHi[at + i] = loot.fps[2 * i];
        this.frontierLo[at + i] = loot.fps[2 * i + 1];
      }
      return true;
    }
    return false;
  }

  /**
   * One level: expand the frontier (the initial states are already out), wait for every verdict,
   * then check the new states in key order. Levels can be short (one state each): poll and report
   * at their ends too, not only while expanding.
   */
  async level(initial: boolean): Promise<void> {
    if (!initial) await this.expand();
    this.stats.mark('expanded');
    this.pollStop();
    if (this.box.stopReason) throw new Stop(this.box.stopReason);
    this.progress();
    await this.barrier();
    this.stats.mark('barrier');
    this.stats.enter('check');
    this.collect();
    this.checkNewStates(initial);
    this.stats.leave();
    this.stats.levelEnd();
  }

  /** Lets messages in, polls for a stop, sends progress. */
  private async breathe(): Promise<void> {
    await yieldToEvents();
    this.lastYield = Date.now();
    this.pollStop();
    if (this.box.stopReason) throw new Stop(this.box.stopReason);
    this.progress();
  }

  /**
   * This worker's figures so far: states it owns, successors it generated, and states queued: those
   * of the level it has yet to expand, and those it admitted as new in this level (as owner: a held
   * successor its owner has not judged yet is not counted, so the queue never exceeds the distinct).
   */
  private figures(): { distinct: number; generated: number; queue: number } {
    const f = this.foreign;
    return {
      distinct: this.shard.count + (f ? f.count : 0),
      generated: this.generated + this.levelGenerated,
      queue:
        this.frontier.length -
        this.expanded +
        this.shard.count -
        this.shard.levelStart +
        (f ? f.count - f.levelStart : 0),
    };
  }

  /** The leader's view of everyone's figures: its own and the peers' latest. */
  overall(): { distinct: number; generated: number; queue: number } {
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
      this.box.send(0, { t: 'progress', ...this.figures() });
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
    const peers = this.peers;
    if (peers === 0) return;
    const box = this.box;
    const stats = this.stats;
    stats.enter('barrier');
    this.outbox.flushAll();
    box.broadcast({ t: 'done' });
    await stats.wait(box.until(() => box.doneFrom >= peers));
    box.doneFrom -= peers;
    this.sendRejects();
    box.broadcast({ t: 'judged' });
    await stats.wait(box.until(() => box.judgedFrom >= peers));
    box.judgedFrom -= peers;
    stats.leave();
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
      // At the key of an event the state itself may be that event's successor (a violated action
      // property): its invariants come first, as in the sequential search.
      if (key > this.knownEventKey) break;
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
   * workers even out their shares (rebalance.ts).
   */
  async advance(): Promise<void> {
    const mine = this.nextKey;
    const stats = this.stats;
    stats.enter('advance');
    this.shard.startLevel();
    this.foreign?.startLevel();
    // The initial level's keys are no longer needed (the figures at an event use the frontier's).
    this.initKeys = new Column(f64);
    this.event = undefined;
    this.knownEventKey = Infinity;
    this.box.broadcast({ t: 'keys', keys: mine });
    const { count, index } = this.net;
    const sizes = new Array<number>(count).fill(0);
    sizes[index] = mine.length;
    // Its own keys are distinct: a state's rank among them is its index.
    const pos = new Float64Array(mine.length);
    addRanks(mine, mine, pos);
    for (let p = 0; p < count; p++) {
      if (p === index || this.foreign) continue;
      const theirs = (await stats.wait(this.box.nextFrom(p, 'keys'))).keys;
      sizes[p] = theirs.length;
      addRanks(mine, theirs, pos);
    }
    this.levelBase += this.levelSize;
    this.levelSize = sizes.reduce((a, b) => a + b, 0);
    if (this.levelBase === 0) this.initialCount = this.levelSize;
    const part = { states: this.next, pos, hi: this.nextHi, lo: this.nextLo };
    this.next = [];
    this.nextKey = new Float64Array(0);
    stats.enter('rebalance');
    // In the peers' first level after joining the leader, a smaller share for them (cold code).
    const weights = this.justJoined
      ? sizes.map((_, w) => (w === 0 ? 1 : JOINED_WEIGHT))
      : undefined;
    this.justJoined = false;
    const balanced = this.foreign
      ? part
      : await rebalance(part, sizes, this.levelSize, index, this.rt.vars.length, this.box, weights);
    stats.leave();
    const moved = balanced.states.length - part.states.length;
    if (moved > 0) stats.s.movedIn += moved;
    else stats.s.movedOut -= moved;
    this.frontier = balanced.states;
    this.frontierPos = balanced.pos;
    this.frontierHi = balanced.hi;
    this.frontierLo = balanced.lo;
    this.frontierGen = new Int32Array(this.frontier.length);
    this.composedAt.clear();
    const graph = this.graph;
    if (graph) {
      for (let f = 0; f < this.frontier.length; f++)
        graph.state(
          this.levelBase + balanced.pos[f],
          this.frontier[f],
          balanced.hi[f],
          balanced.lo[f],
        );
    }
    stats.mark('advanced');
    stats.leave();
  }

  /** This worker's new states before `key`, and the states it generated before it. */
  countBefore(
    key: number,
    parentPos: number,
    initial: boolean,
  ): { newBefore: number; genBefore: number; newLast: number } {
    let newBefore = 0;
    // The new states first reached by the step of key `key - 1` (a violating step's own successor).
    let newLast = 0;
    for (const k of this.nextKey) {
      if (k < key) newBefore++;
      if (k === key - 1) newLast++;
    }
    let genBefore = 0;
    if (initial) {
      for (let i = 0; i < this.initKeys.length; i++) if (this.initKeys.a[i] < key) genBefore++;
    } else {
      for (let f = 0; f < this.frontierPos.length; f++) {
        if (this.frontierPos[f] < parentPos) genBefore += this.frontierGen[f];
        // The event's own state, if this worker expanded it: its middle states so far.
        else if (this.frontierPos[f] === parentPos)
          genBefore += this.composedAt.get(f)?.[key % INDEX_SPACE] ?? 0;
      }
    }
    return { newBefore, genBefore, newLast };
  }

  /** Middle states of `A \cdot B` counted for frontier state f up to its successor k. */
  private noteComposed(f: number, k: number, composed: number): void {
    let at = this.composedAt.get(f);
    if (!at) this.composedAt.set(f, (at = []));
    at[k] = composed;
  }
}

/**
 * Adds to each `pos[i]` the number of keys of `theirs` (sorted) below `mine[i]` (sorted): with
 * every worker's keys, a state's position in the level. Kept out of the async `advance`, which V8
 * would otherwise compile whole (and again at every level) for this loop.
 */
function addRanks(mine: Float64Array, theirs: Float64Array, pos: Float64Array): void {
  let j = 0;
  for (let i = 0; i < mine.length; i++) {
    while (j < theirs.length && theirs[j] < mine[i]) j++;
    pos[i] += j;
  }
}

/** `a` with room for `n` more after its first `used` elements. */
function grow<T extends Float64Array | Uint32Array | Int32Array>(a: T, used: number, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(used + n);
  b.set(a.subarray(0, used));
  return b;
}
