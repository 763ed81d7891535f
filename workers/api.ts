/**
 * What the checker worker answers, as the pool and its callers see it. The same object is exposed
 * by the browser worker and the Node worker_threads worker (checkerApi.ts), so both hosts run the
 * same code and differ only in how messages travel.
 */
import type {
  CheckRequest,
  CheckResult,
  Progress,
  Trace,
  SimulateProgress,
  SimulateRequest,
  SimulateResult,
} from '../src/check/contract/types';
import type { ExploreRequest, ExploreResult, PathOfTrace } from '../src/check/explore/explore';
import type { ParallelNet } from '../src/check/search/parallel/search';
import type { TlcBundle } from '../src/formats/tlc-bundle';
import type { LogMapping, ValidateResult } from '../src/validate/types';

export type PathOfTraceResult = PathOfTrace;

export type ProgressListener = (p: Progress) => void;
export type SimulateProgressListener = (p: SimulateProgress) => void;

export interface CheckerApi {
  /**
   * Echoes `value` back. `busyMs` keeps the worker's thread blocked first, as a long search does,
   * so that tests can prove a cancel does not wait for the engine to yield.
   */
  ping<T>(value: T, busyMs?: number): T;
  /**
   * Loads the parser, parses the spec the page has open (if it sent it: checker.worker.ts) and,
   * unless a real request has come meanwhile, runs a small check (warmUp.ts) once, so that the
   * first real request does not pay for the engine's cold start; requests wait for it.
   */
  warm(): Promise<void>;
  /**
   * Checks the model. With `net`, this worker leads a search shared with the workers at the other
   * ends of its ports, each running `serveSearch` (src/check/search/parallel/).
   */
  check(
    request: CheckRequest,
    onProgress?: ProgressListener,
    net?: ParallelNet,
  ): Promise<CheckResult>;
  /** A peer's part of a shared search led by the worker that runs `check` with the other ends. */
  serveSearch(request: CheckRequest, net: ParallelNet): Promise<void>;
  /** Random behaviours (src/check/search/simulate/simulate.ts); `request.options.shard` gives this worker's share. */
  simulate(
    request: SimulateRequest,
    onProgress?: SimulateProgressListener,
  ): Promise<SimulateResult>;
  /** Replays a path of choices and lists what can happen next (explore mode, watches, share links). */
  explore(request: ExploreRequest): Promise<ExploreResult>;
  /**
   * The choice path that replays `trace` under the model (share links, watches on a
   * counterexample), or the step where the trace stops being a behaviour of the model.
   */
  pathOfTrace(request: CheckRequest, trace: Trace): Promise<PathOfTraceResult>;
  /**
   * Is the log (NDJSON text) a behaviour of the model? (src/validate/validate.ts.) Front-end and
   * log errors come back as `result: 'error'`; `requestStop` cancels it.
   */
  validateLog(request: CheckRequest, log: string, mapping?: LogMapping): Promise<ValidateResult>;
  /**
   * The model as a folder TLC runs unchanged (src/formats/tlc-bundle.ts): its files, the .cfg with
   * `request.options.checkDeadlock` written in, a README of the commands. The app zips it.
   */
  tlcBundle(request: CheckRequest): Promise<TlcBundle>;
  /** Asks the running check to stop at its next `shouldStop` poll (the engine then answers `stopped`). */
  requestStop(): void;
}
