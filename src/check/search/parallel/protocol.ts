/**
 * What the workers of the shared search (search.ts) say to each other, and the numbers they agree on.
 *
 * A successor's key is (position of its parent in the level + 1) · INDEX_SPACE + its index among
 * the parent's successors: the order in which the sequential search meets it. A batch carries
 * `ENTRY_WORDS` 32-bit words per successor.
 */
import type { EvalError } from '../../../eval/errors';

/** Successor indices per parent fit in 22 bits; a key is (position + 1) · 2^22 + index < 2^53. */
export const INDEX_SPACE = 4194304;
/** Words of successors buffered for one peer before they are sent. */
export const BATCH_WORDS = 1 << 15;
/** Words per successor in a batch: fingerprint (2), parent position, index, parent's fingerprint (2), slot. */
export const ENTRY_WORDS = 7;

/** The worker that owns a fingerprint: high bits, independent of the seen-set's slot (low bits). */
export function ownerOf(hi: number, lo: number, count: number): number {
  return ((hi >>> 8) ^ (lo >>> 16)) % count;
}

export type StopReason = 'cancelled' | 'memory budget';

export type EventKind = 'invariant' | 'step-property' | 'deadlock' | 'error' | 'init-error';

/** An event that would stop the sequential search, with where that search would meet it. */
export interface LevelEvent {
  key: number;
  kind: EventKind;
  name?: string;
  /** `incomplete`: a successor the next-state relation left without a value for a variable. */
  error?: { message: string; range?: EvalError['range']; incomplete?: boolean };
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

/**
 * Where the search is when a peer joins it: at the end of the level at `depth`, or with
 * `fromShare`, in the initial level, whose enumeration the leader has done up to that share: the
 * workers deal out the rest (`dealShares`).
 */
export interface Joining {
  fromShare?: number;
  depth: number;
  levelBase: number;
  levelSize: number;
  initialCount: number;
}

/** A peer's account of a level to the leader. */
export interface Report {
  t: 'report';
  newCount: number;
  generated: number;
  event?: LevelEvent;
  /** The peer's Print / PrintT lines of the level (SearchLimits.takeOutput). */
  output?: string[];
}

export interface Figures {
  distinct: number;
  generated: number;
  queue: number;
}

/** A peer's part of the behaviour graph, sent to the leader once the search is complete (graph-part.ts). */
export type GraphMessage =
  /** States: encoded, with their ids and fingerprints (hi, lo per state). */
  | {
      t: 'graph-states';
      words: Int32Array;
      strings: string[];
      ids: Int32Array;
      fps: Uint32Array;
      /** The liveness atoms' rows of these states (AtomRows; empty without). */
      atoms: Uint8Array;
    }
  /** Steps: the from-state's id, the to-state's fingerprint (hi, lo per step). */
  | { t: 'graph-edges'; from: Int32Array; to: Uint32Array; atoms: Uint8Array }
  | { t: 'graph-end' };

export type Message =
  /** Successors for their owner, `ENTRY_WORDS` each. */
  | { t: 'batch'; words: Int32Array }
  /** The owner's answer: slots of the sender's held successors that are not new. */
  | { t: 'reject'; slots: Int32Array }
  | { t: 'done' }
  | { t: 'judged' }
  | { t: 'event'; key: number }
  | { t: 'stop'; reason: StopReason }
  | ({ t: 'progress' } & Figures)
  | Report
  | { t: 'continue' }
  | { t: 'keys'; keys: Float64Array }
  /** States handed over to even out the level: encoded states, their positions and fingerprints. */
  | { t: 'move'; words: Int32Array; strings: string[]; pos: Float64Array; fps: Uint32Array }
  /**
   * A worker that has expanded its part of the level at `depth` asks a peer for some of the
   * peer's part that it has not expanded yet (participant.ts, `stealWork`).
   */
  | { t: 'steal'; depth: number }
  /** The answer: the states given (the last of the giver's part; none when it has none to spare). */
  | { t: 'loot'; words: Int32Array; strings: string[]; pos: Float64Array; fps: Uint32Array }
  | { t: 'count'; key: number; parentPos: number }
  | { t: 'counted'; newBefore: number; genBefore: number; newLast: number; output?: string[] }
  | { t: 'chain'; hi: number; lo: number }
  | { t: 'link'; hi: number; lo: number; initial: boolean }
  /** A peer has built the model and can take part (the leader searches alone until then). */
  | { t: 'ready' }
  /**
   * The search begins for a peer; with `graph`, each worker records its part of the behaviour
   * graph. With `join`, the leader has searched alone so far: the peer joins at the end of a level
   * (its figures follow, then its shard of the fingerprints seen: 'shard').
   */
  | { t: 'start'; graph?: boolean; join?: Joining }
  /** The fingerprints a joining peer owns, with their keys (Shard.entries). */
  | { t: 'shard'; words: Uint32Array; keys: Float64Array }
  /** The leader asks for the peers' parts of the graph (the search is complete). */
  | { t: 'gather' }
  | GraphMessage
  | { t: 'close' };

/** Thrown through a worker's search when it is stopped (cancel, memory budget), here or by a peer. */
export class Stop {
  constructor(readonly reason: StopReason) {}
}

/**
 * Who takes each of the `total` shares of the initial states' enumeration when the leader has done
 * the shares before `from` alone: each of the others goes to the worker with the fewest shares so
 * far (the lowest index at a tie), so that the peers catch up with the leader and the shares come
 * out even (no states to move at the level's end). Every worker computes the same.
 */
export function dealShares(total: number, from: number, count: number): Int32Array {
  const owner = new Int32Array(total);
  const have = new Array<number>(count).fill(0);
  have[0] = from;
  for (let s = from; s < total; s++) {
    let w = 0;
    for (let i = 1; i < count; i++) if (have[i] < have[w]) w = i;
    owner[s] = w;
    have[w]++;
  }
  return owner;
}

/**
 * Whether event `a` comes before `b` in the sequential search: the smaller key, and at one key a
 * recorded state's event (its invariants, checked when it is recorded) before the step's action
 * properties, checked after.
 */
export function firstEvent(a: LevelEvent, b: LevelEvent): boolean {
  return a.key < b.key || (a.key === b.key && a.recorded && !b.recorded);
}
