/**
 * The checker worker's side of the boundary, shared by both hosts: it runs `checkModel` and lets a
 * cooperative stop reach it between batches.
 */
import * as Comlink from 'comlink';
import { checkModel, ensureParser, prepareCheck, serveSearch } from '../src/check/check';
import type { ParallelNet } from '../src/check/search/parallel/search';
import { simulateModel } from '../src/check/search/simulate/simulate';
import { exploreModel, pathOfTrace, type ExploreRequest } from '../src/check/explore/explore';
import type { CheckRequest, Trace, SimulateRequest } from '../src/check/contract/types';
import { tlcBundle } from '../src/formats/tlc-bundle';
import { LogError, readLogText } from '../src/validate/log';
import type { LogMapping } from '../src/validate/types';
import { validateEvents } from '../src/validate/validate';
import type { CheckerApi, ProgressListener, SimulateProgressListener } from './api';
import { warmUpRequest } from './warmUp';

/** `prepare` runs before each check: a host loads what the engine cannot find by itself there. */
export function createCheckerApi(
  load: () => Promise<void> = async () => {},
  /** The spec the page has open, if it said (checker.worker.ts): parsed during the warm-up. */
  opened: () => CheckRequest | undefined = () => undefined,
): CheckerApi {
  let stopRequested = false;
  let warming: Promise<void> | undefined;
  /** A real request has come: the warm-up's small check is then only in its way. */
  let asked = false;
  /** User-timing marks of the worker's first check (scripts/bench-first-verdict.ts reads them). */
  let marking = true;
  const mark = (name: string) => {
    if (marking) performance.mark(`specstage:worker-${name}`);
  };
  // A request that arrives while the warm-up runs waits for it: the engine runs one check at a time.
  const prepare = async () => {
    asked = true;
    await warming;
    await load();
  };
  return {
    warm() {
      warming ??= (async () => {
        await load();
        mark('parser');
        // The page's open spec first: its check, when asked for, starts at the search.
        const open = opened();
        if (open) await prepareCheck(open);
        mark('prepared');
        // A request that came while the spec was prepared waits as a message until the thread
        // is free: let it in first, so that the warm-up's check does not delay it.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!asked) await checkModel(warmUpRequest);
        mark('warm');
      })().catch(() => undefined); // the request that needs what failed to load reports it
      return warming;
    },
    ping(value, busyMs = 0) {
      const until = Date.now() + busyMs;
      while (Date.now() < until) {
        // A deliberate busy wait: it stands for a search that never yields the thread.
      }
      return value;
    },
    async check(request: CheckRequest, onProgress?: ProgressListener, net?: ParallelNet) {
      stopRequested = false;
      mark('asked');
      try {
        await prepare();
        mark('checking');
        return await checkModel(request, {
          // Progress is fire-and-forget: the engine must not wait on the UI thread.
          onProgress: onProgress ? (p) => void onProgress(p) : undefined,
          shouldStop: () => stopRequested,
          parallel: net,
        });
      } finally {
        mark('checked');
        marking = false;
        // Closes the callback's message port now rather than when a GC finalizer gets to it;
        // an open port would keep a Node process alive.
        const remote = onProgress as Partial<Comlink.Remote<ProgressListener>> | undefined;
        remote?.[Comlink.releaseProxy]?.();
      }
    },
    async serveSearch(request: CheckRequest, net: ParallelNet) {
      stopRequested = false;
      await prepare();
      await serveSearch(request, net, { shouldStop: () => stopRequested });
    },
    async simulate(request: SimulateRequest, onProgress?: SimulateProgressListener) {
      stopRequested = false;
      try {
        await prepare();
        return await simulateModel(request, {
          onProgress: onProgress ? (p) => void onProgress(p) : undefined,
          shouldStop: () => stopRequested,
        });
      } finally {
        // As for check: release the progress port now so that it does not keep Node alive.
        const remote = onProgress as Partial<Comlink.Remote<SimulateProgressListener>> | undefined;
        remote?.[Comlink.releaseProxy]?.();
      }
    },
    async explore(request: ExploreRequest) {
      await prepare();
      return exploreModel(request);
    },
    async pathOfTrace(request: CheckRequest, trace: Trace) {
      await prepare();
      try {
        return await pathOfTrace(request, trace);
      } catch (e) {
        // A spec that does not load replays nothing: say so as the answer, not as a crash.
        const message =
          (e as { error?: { message?: string } }).error?.message ??
          (e instanceof Error ? e.message : String(e));
        return { step: 0, message };
      }
    },
    async validateLog(request: CheckRequest, log: string, mapping: LogMapping = {}) {
      stopRequested = false;
      await prepare();
      try {
        return await validateEvents(request, (v) => readLogText(log, v.vars, mapping), mapping, {
          shouldStop: () => stopRequested,
        });
      } catch (e) {
        if (!(e instanceof LogError)) throw e;
        return {
          result: 'error',
          events: 0,
          maxCandidates: 0,
          durationMs: 0,
          error: { message: e.message },
        };
      }
    },
    async tlcBundle(request: CheckRequest) {
      await prepare();
      // checkModel loads the parser itself; the bundle's module loader needs it loaded first.
      await ensureParser();
      return tlcBundle(request);
    },
    requestStop() {
      stopRequested = true;
    },
  };
}
