/**
 * The first checker worker, started by the page's first script (src/main.tsx) rather than at the
 * first check: the worker's script, the parser's wasm and the engine then load while the editor
 * does, and the first verdict does not wait for them (issue #23: a workshop opens the link and
 * clicks Run at once). No comlink here, so this stays a few lines of the first load; the pool
 * (browserHost.ts) adopts the worker when it starts its first slot.
 */
import type { CheckRequest, CheckResult, Progress } from '../src/check/contract/types';

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

/** A first check that went to the worker started early before the pool took it. */
export interface EarlyCall {
  /** Settles when the check's answer (or error) has come. */
  settled: Promise<void>;
  /** Ends the check's promise with this error (the pool terminates the worker first). */
  abort(error: Error): void;
}

/** The first check in flight, on the worker started early (`checkEarly` sends only there). */
let calling: EarlyCall | undefined;

/**
 * The worker started early, once: the pool's first slot takes it, with the first check it may
 * be running (`checkEarly`), which then holds that slot until it settles.
 */
export function takeEarlyWorker(): { worker: Worker; busy?: EarlyCall } | undefined {
  const worker = early;
  early = undefined;
  return worker && { worker, busy: calling };
}

/**
 * The plain messages between the page and the worker started early, before the page's comlink
 * has loaded (checker.worker.ts takes them before comlink sees them): the spec the page opens
 * (`prepareEarly`), and the first check with its progress and answer (`checkEarly`).
 */
export type EarlyMessage =
  | { type: 'specstage:prepare'; request: CheckRequest }
  | { type: 'specstage:check'; request: CheckRequest }
  | { type: 'specstage:progress'; progress: Progress }
  | { type: 'specstage:answer'; json?: string; error?: { name: string; message: string } };

/**
 * Sends a one-worker check straight to the worker started early, when the pool (comlink and
 * browserHost.ts, kept out of the first load) has not taken it yet: a Run clicked as the page
 * opens then does not wait for the pool's module to load and evaluate, which on a busy main
 * thread took 200-500 ms (issue #23, time to the first verdict). Undefined when that worker is
 * gone to the pool or busy: the pool checks. The pool adopts the worker with this check in
 * flight, so a cancel reaches it as any check's (CheckerPool.cancel).
 */
export function checkEarly(
  request: CheckRequest,
  onProgress?: (p: Progress) => void,
): Promise<CheckResult> | undefined {
  const worker = early;
  if (!worker || calling || (request.options?.workers ?? 1) !== 1) return undefined;
  return new Promise<CheckResult>((resolve, reject) => {
    let settle!: () => void;
    const settled = new Promise<void>((done) => (settle = done));
    const end = () => {
      worker.removeEventListener('message', listen);
      worker.removeEventListener('error', crashed);
      calling = undefined;
      settle();
    };
    const listen = (event: MessageEvent) => {
      const data = event.data as EarlyMessage | null;
      if (data?.type === 'specstage:progress') onProgress?.(data.progress);
      if (data?.type !== 'specstage:answer') return;
      end();
      if (data.json !== undefined) resolve(JSON.parse(data.json) as CheckResult);
      else reject(Object.assign(new Error(data.error?.message), { name: data.error?.name }));
    };
    // A worker that dies before the pool has it: the pool's own crash handling is not there yet.
    const crashed = (event: ErrorEvent) => {
      end();
      reject(new Error(event.message || 'the checker worker failed to start or crashed'));
    };
    calling = {
      settled,
      abort: (error) => {
        end();
        reject(error);
      },
    };
    worker.addEventListener('message', listen);
    worker.addEventListener('error', crashed);
    const message: EarlyMessage = { type: 'specstage:check', request };
    worker.postMessage(message);
  });
}

/**
 * Tells the worker started early which spec the page opens, so that its warm-up parses that spec
 * (a plain message: the page's comlink is not loaded yet). A worker whose warm-up has begun
 * keeps to it; with no worker started early, nothing happens.
 */
export function prepareEarly(request: CheckRequest): void {
  const message: EarlyMessage = { type: 'specstage:prepare', request };
  first?.postMessage(message);
}
