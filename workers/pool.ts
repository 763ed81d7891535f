/**
 * A small pool of checker workers behind one promise-based API, independent of the host: the
 * browser (module Web Workers) and Node (worker_threads) differ only in `spawn`.
 *
 * Workers start on first use. A cancel asks the engine to stop cooperatively, and terminates the
 * worker if it has not answered within a grace period: a search that never yields its thread
 * must still stop promptly. A terminated or crashed worker is replaced on the next call.
 */
import * as Comlink from 'comlink';
import type {
  CheckRequest,
  CheckResult,
  Trace,
  SimulateProgress,
  SimulateRequest,
  SimulateResult,
} from '../src/check/contract/types';
import type { ExploreRequest, ExploreResult } from '../src/check/explore/explore';
import type { LogMapping, ValidateResult } from '../src/validate/types';
import type { TlcBundle } from '../src/formats/tlc-bundle';
import { mergeSimulations } from '../src/check/contract/simulate-merge';
import { channelNets, type ParallelNet } from '../src/check/search/parallel/net';
import { randomSeed } from '../src/check/search/simulate/simulate-random';
import type {
  CheckerApi,
  PathOfTraceResult,
  ProgressListener,
  SimulateProgressListener,
} from './api';

export interface WorkerHandle {
  endpoint: Comlink.Endpoint;
  terminate(): void;
  /** Registers the callback for a worker that dies by itself (an uncaught error, out of memory). */
  onCrash(callback: (error: Error) => void): void;
  /**
   * A call the worker is already running, sent before the pool took it (the browser's first
   * check: earlyWorker.ts `checkEarly`): the slot is busy until it settles, and a cancel or a
   * crash ends it as it would a call of the pool's.
   */
  busy?: { settled: Promise<void>; abort(error: Error): void };
}

export type SpawnWorker = () => WorkerHandle;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export interface PoolOptions {
  /** Workers alive at most at once; calls beyond wait for a free one. */
  size?: number;
  /** How long a cancel waits for the engine's cooperative stop before terminating the worker. */
  cancelGraceMs?: number;
}

interface Slot {
  handle: WorkerHandle;
  remote: Comlink.Remote<CheckerApi>;
  busy: boolean;
  /** Rejects the call in flight; set while busy. */
  abort?: (error: Error) => void;
  /**
   * Resolves when the call in flight has settled. Set from the moment the slot is taken (before
   * its call is sent), so that a cancel in between waits for that call too.
   */
  settled?: Promise<void>;
  settle?: () => void;
}

export class CheckerPool {
  private readonly size: number;
  private readonly cancelGraceMs: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: { resolve: (slot: Slot) => void; reject: (error: Error) => void }[] =
    [];
  private disposed = false;

  constructor(
    private readonly spawn: SpawnWorker,
    options: PoolOptions = {},
  ) {
    this.size = Math.max(1, options.size ?? 1);
    this.cancelGraceMs = options.cancelGraceMs ?? 300;
  }

  /**
   * Starts up to `count` workers now (at most the pool's size) and has each warm up (load the
   * parser, run a small check: CheckerApi.warm), so that the first call finds them ready. The
   * workers are not held: a call sent meanwhile is queued in the worker behind the warm-up.
   */
  warm(count = 1): void {
    if (this.disposed) return;
    while (this.slots.length < Math.min(count, this.size)) {
      void this.startWorker().remote.warm();
    }
  }

  ping<T>(value: T, busyMs = 0): Promise<T> {
    return this.run((api) => api.ping(value, busyMs) as Promise<T>);
  }

  explore(request: ExploreRequest): Promise<ExploreResult> {
    return this.run((api) => api.explore(request));
  }

  pathOfTrace(request: CheckRequest, trace: Trace): Promise<PathOfTraceResult> {
    // comlink's Remote splits a promised union into a union of promises; it is one promise.
    return this.run((api) => api.pathOfTrace(request, trace) as Promise<PathOfTraceResult>);
  }

  /** Trace validation of a log against the model (src/validate/validate.ts) on a worker. */
  validateLog(request: CheckRequest, log: string, mapping?: LogMapping): Promise<ValidateResult> {
    return this.run((api) => api.validateLog(request, log, mapping));
  }

  /**
   * The model as a folder for TLC, gathered by the engine's module loader on a worker (the parser
   * lives there). Like any call, it waits for a free worker when a check holds them all.
   */
  tlcBundle(request: CheckRequest): Promise<TlcBundle> {
    return this.run((api) => api.tlcBundle(request));
  }

  /**
   * Checks a model on up to `request.options.workers` workers (at most the pool's size). With more
   * than one, worker 0 leads a search the others share (src/check/search/parallel/), talking to
   * each directly over a MessageChannel; the answer is the same as with one worker.
   */
  async check(request: CheckRequest, onProgress?: ProgressListener): Promise<CheckResult> {
    const count = Math.max(1, Math.min(request.options?.workers ?? 1, this.size));
    const progress = onProgress && Comlink.proxy(onProgress);
    if (count === 1) return this.run((api) => api.check(request, progress));
    const [first, ...rest] = channelNets(count);
    const peers = rest.map((peer) => this.serveSearch(request, peer));
    const leader = this.run((api) => api.check(request, progress, transferNet(first)));
    // A peer that dies (a crash, out of memory) would leave the others waiting for it: stop them.
    const failed = Promise.all(peers).then(
      () => new Promise<never>(() => {}),
      async (error: unknown) => {
        await this.cancel();
        throw error;
      },
    );
    return Promise.race([leader, failed]);
  }

  /**
   * A peer's part of a search that another thread leads (`check` above; the CLI leads from its own
   * thread): it ends when the leader closes the search.
   */
  serveSearch(request: CheckRequest, net: ParallelNet): Promise<void> {
    return this.run((api) => api.serveSearch(request, transferNet(net)));
  }

  /**
   * Random behaviours, shared out over up to `workers` workers (at most the pool's size): each takes
   * every `count`-th behaviour. A behaviour's choices depend only on the seed and its index, and the
   * merge reports the lowest-index failure, so the worker count changes the speed, not the answer.
   */
  async simulate(
    request: SimulateRequest,
    onProgress?: SimulateProgressListener,
    workers = this.size,
  ): Promise<SimulateResult> {
    const o = request.options;
    const count = o.shard ? 1 : Math.max(1, Math.min(workers, this.size, o.behaviours));
    if (count === 1) {
      return this.run((api) => api.simulate(request, onProgress && Comlink.proxy(onProgress)));
    }
    // One seed for all shards: each worker choosing its own would make them different runs.
    const seed = o.seed ?? randomSeed();
    const latest: (SimulateProgress | undefined)[] = [];
    const shardProgress = (index: number) =>
      onProgress &&
      Comlink.proxy((p: SimulateProgress) => {
        latest[index] = p;
        const all = latest.filter((x): x is SimulateProgress => !!x);
        onProgress({
          behaviours: all.reduce((n, x) => n + x.behaviours, 0),
          steps: all.reduce((n, x) => n + x.steps, 0),
          generatedStates: all.reduce((n, x) => n + x.generatedStates, 0),
          elapsedMs: Math.max(...all.map((x) => x.elapsedMs)),
        });
      });
    const results = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        this.run((api) =>
          api.simulate(
            { ...request, options: { ...o, seed, shard: { index, count } } },
            shardProgress(index),
          ),
        ),
      ),
    );
    return mergeSimulations(results);
  }

  /**
   * Stops every call in flight: each ends either with the engine's own answer (a result with
   * `stopped: 'cancelled'`) or, after the grace period, with a `CancelledError`.
   */
  async cancel(): Promise<void> {
    const busy = this.slots.filter((s) => s.busy);
    await Promise.all(
      busy.map(async (slot) => {
        void slot.remote.requestStop().catch(() => undefined);
        const stoppedInTime = await Promise.race([
          slot.settled!.then(() => true),
          delay(this.cancelGraceMs).then(() => false),
        ]);
        if (!stoppedInTime) this.discard(slot, new CancelledError());
      }),
    );
  }

  /** Terminates all workers; the pool answers no more calls. */
  dispose(): void {
    this.disposed = true;
    const error = new Error('the checker pool was disposed');
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    for (const slot of [...this.slots]) this.discard(slot, error);
  }

  private async run<T>(call: (api: Comlink.Remote<CheckerApi>) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    const settle = slot.settle!;
    try {
      return await new Promise<T>((resolve, reject) => {
        slot.abort = reject;
        call(slot.remote).then(resolve, reject);
      });
    } finally {
      settle();
      this.release(slot);
    }
  }

  private acquire(): Promise<Slot> {
    if (this.disposed) return Promise.reject(new Error('the checker pool was disposed'));
    let slot = this.slots.find((s) => !s.busy);
    // A new worker may come with a call of its own in flight (WorkerHandle.busy): not this one.
    while (!slot && this.slots.length < this.size) {
      const started = this.startWorker();
      if (!started.busy) slot = started;
    }
    if (slot) {
      occupy(slot);
      return Promise.resolve(slot);
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(slot: Slot): void {
    slot.busy = false;
    slot.abort = undefined;
    slot.settled = undefined;
    slot.settle = undefined;
    const next = this.waiting.shift();
    if (!next) return;
    // A discarded worker's turn goes to a fresh one.
    const free = this.slots.includes(slot) ? slot : this.startWorker();
    occupy(free);
    next.resolve(free);
  }

  private startWorker(): Slot {
    const handle = this.spawn();
    const slot: Slot = { handle, remote: Comlink.wrap<CheckerApi>(handle.endpoint), busy: false };
    handle.onCrash((error) => this.discard(slot, error));
    this.slots.push(slot);
    const call = handle.busy;
    if (call) {
      slot.busy = true;
      slot.settled = call.settled;
      slot.abort = (error) => call.abort(error);
      void call.settled.then(() => this.release(slot));
    }
    return slot;
  }

  private discard(slot: Slot, reason: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.handle.terminate();
    slot.abort?.(reason);
  }
}

/** Marks a slot taken by a call of the pool's, which settles `settled` when it ends (run). */
function occupy(slot: Slot): void {
  slot.busy = true;
  slot.settled = new Promise((resolve) => (slot.settle = resolve));
}

/** A net sent to a worker: its ports are transferred, not copied. */
function transferNet(net: ParallelNet): ParallelNet {
  return Comlink.transfer(
    net,
    net.ports.filter((p): p is MessagePort => !!p),
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
