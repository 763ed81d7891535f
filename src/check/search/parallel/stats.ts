/**
 * Where a worker of the shared search spends its time, for measuring how it scales: CPU time per
 * phase (expanding = evaluation, judging peers' successors = the owner's seen-set, posting batches,
 * checking new states, the level's end: keys and rebalancing) and the time it waits at the level's
 * barriers. Off unless a host installs a sink (the CLI does under `SPECSTAGE_PARALLEL_STATS=1`,
 * with a clock of this thread's CPU time, so that a loaded machine does not distort the split).
 */

export type Phase = 'expand' | 'judge' | 'post' | 'barrier' | 'check' | 'advance' | 'rebalance';

export interface WorkerStats {
  index: number;
  /** CPU ms per phase (nested phases are not counted in the enclosing one). */
  cpu: Record<Phase, number>;
  /** Wall ms spent waiting for peers (barriers, keys, moves), and CPU ms the waits took. */
  waitWall: number;
  /** Wall ms this thread was ready to run but had no core (from the clock, when it knows). */
  runQueueMs?: number;
  /** CPU ms of the thread from its start to the search's start (loading, parsing, compiling). */
  setupCpu?: number;
  /** CPU ms of the thread from its start to the search's end. */
  totalCpu?: number;
  levels: number;
  /** CPU ms of each level (expanding to the level's end, and the step to the next): with every worker's, the balance. */
  levelCpu: number[];
  /** Successors generated, routed to a peer (after the sender's filter), filtered by it, judged for peers. */
  generated: number;
  sent: number;
  filtered: number;
  judged: number;
  batches: number;
  /** States handed over (rebalance) and received. */
  movedOut: number;
  movedIn: number;
  /** States given to peers that asked for work in a level, taken from peers, and times asked in vain. */
  given: number;
  taken: number;
  refused: number;
  /** Wall ms since the process started, at the search's steps (a timeline, when the clock knows). */
  marks?: [string, number][];
}

export interface StatsClock {
  /** This thread's CPU time in ms (or wall time, when the host has no thread clock). */
  cpu(): number;
  /** This thread's time waiting for a core in ms, when known. */
  runQueue?(): number;
  /** Wall time in ms since the process started, when known. */
  wall?(): number;
}

export type StatsSink = (s: WorkerStats) => void;

let sink: StatsSink | undefined;
let clock: StatsClock = { cpu: () => performance.now() };

/** Installs where the workers' figures go (and the clock they use); undefined turns stats off. */
export function setParallelStats(s: StatsSink | undefined, c?: StatsClock): void {
  sink = s;
  if (c) clock = c;
}

/** A worker's accumulator: a stack of phases, each charged its own CPU time only. */
export class Stats {
  readonly on = sink !== undefined;
  readonly s: WorkerStats;
  private readonly stack: { phase: Phase; nested: number; start: number }[] = [];
  private readonly startCpu: number;
  private readonly startQueue: number;
  private levelMark = 0;

  constructor(index: number) {
    this.s = {
      index,
      cpu: { expand: 0, judge: 0, post: 0, barrier: 0, check: 0, advance: 0, rebalance: 0 },
      waitWall: 0,
      levels: 0,
      levelCpu: [],
      generated: 0,
      sent: 0,
      filtered: 0,
      judged: 0,
      batches: 0,
      movedOut: 0,
      movedIn: 0,
      given: 0,
      taken: 0,
      refused: 0,
    };
    this.startCpu = this.on ? clock.cpu() : 0;
    this.startQueue = this.on ? (clock.runQueue?.() ?? 0) : 0;
    if (this.on) this.s.setupCpu = this.startCpu;
    this.levelMark = this.startCpu;
    this.mark('start');
  }

  /** Notes the wall time of a step of the search (timeline). */
  mark(label: string): void {
    if (!this.on || !clock.wall) return;
    (this.s.marks ??= []).push([label, Math.round(clock.wall())]);
  }

  /** A level ends (its new states checked): its CPU time since the last. */
  levelEnd(): void {
    this.s.levels++;
    if (!this.on) return;
    const now = clock.cpu();
    this.s.levelCpu.push(Math.round((now - this.levelMark) * 100) / 100);
    this.levelMark = now;
    this.mark(`level ${this.s.levels - 1}`);
  }

  enter(phase: Phase): void {
    if (!this.on) return;
    this.stack.push({ phase, nested: 0, start: clock.cpu() });
  }

  leave(): void {
    if (!this.on) return;
    const top = this.stack.pop()!;
    const spent = clock.cpu() - top.start;
    this.s.cpu[top.phase] += spent - top.nested;
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.nested += spent;
  }

  /** Wall time of a wait for peers (`await`ed), which also counts towards the current phase's CPU. */
  async wait<T>(p: Promise<T>): Promise<T> {
    if (!this.on) return p;
    const t = performance.now();
    try {
      return await p;
    } finally {
      this.s.waitWall += performance.now() - t;
    }
  }

  /** Sends the figures to the sink. */
  finish(): void {
    if (!sink) return;
    this.s.totalCpu = clock.cpu();
    this.mark('end');
    if (clock.runQueue) this.s.runQueueMs = clock.runQueue() - this.startQueue;
    sink(this.s);
  }
}
