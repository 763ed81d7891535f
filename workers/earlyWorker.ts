/**
 * The first checker worker, started by the page's first script (src/main.tsx) rather than at the
 * first check: the worker's script, the parser's wasm and the engine then load while the editor
 * does, and the first verdict does not wait for them (issue #23: a workshop opens the link and
 * clicks Run at once). No comlink here, so this stays a few lines of the first load; the pool
 * (browserHost.ts) adopts the worker when it starts its first slot.
 */
import type { CheckRequest } from '../src/check/contract/types';

let early: Worker | undefined;
/** The first worker, kept after the pool takes it, for `prepareEarly`. */
let first: Worker | undefined;

/** A new checker worker (checker.worker.ts, bundled by Vite into its own chunk). */
export function newCheckerWorker(): Worker {
  return new Worker(new URL('./checker.worker.ts', import.meta.url), {
    type: 'module',
    name: 'specstage-checker',
  });
}

/**
 * The worker the built page's own HTML started (vite.config.ts, earlyWorkerScript): a line of
 * script in the page's head creates it before any module of the app has even downloaded, some
 * 200-300 ms sooner than this module can run (it waits for the app's whole static import graph).
 */
function fromPageHead(): Worker | undefined {
  const slot = globalThis as { __specstageEarlyWorker?: Worker };
  const worker = slot.__specstageEarlyWorker;
  delete slot.__specstageEarlyWorker;
  return worker instanceof Worker ? worker : undefined;
}

/** Starts the first checker worker now, unless the page or the pool has already started one. */
export function startCheckerEarly(): void {
  early ??= fromPageHead() ?? newCheckerWorker();
  first ??= early;
}

/** The worker started early, once: the pool's first slot takes it. */
export function takeEarlyWorker(): Worker | undefined {
  const worker = early;
  early = undefined;
  return worker;
}

/** The page's open spec, for the first worker to parse while the editor loads (checker.worker.ts). */
export interface PrepareMessage {
  type: 'specstage:prepare';
  request: CheckRequest;
}

export function isPrepareMessage(data: unknown): data is PrepareMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'specstage:prepare'
  );
}

/**
 * Tells the worker started early which spec the page opens, so that its warm-up parses that spec
 * (a plain message: the page's comlink is not loaded yet). A worker whose warm-up has begun
 * keeps to it; with no worker started early, nothing happens.
 */
export function prepareEarly(request: CheckRequest): void {
  const message: PrepareMessage = { type: 'specstage:prepare', request };
  first?.postMessage(message);
}
