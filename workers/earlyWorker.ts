/**
 * The first checker worker, started by the page's first script (src/main.tsx) rather than at the
 * first check: the worker's script, the parser's wasm and the engine then load while the editor
 * does, and the first verdict does not wait for them (issue #23: a workshop opens the link and
 * clicks Run at once). No comlink here, so this stays a few lines of the first load; the pool
 * (browserHost.ts) adopts the worker when it starts its first slot.
 */
let early: Worker | undefined;

/** A new checker worker (checker.worker.ts, bundled by Vite into its own chunk). */
export function newCheckerWorker(): Worker {
  return new Worker(new URL('./checker.worker.ts', import.meta.url), {
    type: 'module',
    name: 'specstage-checker',
  });
}

/** Starts the first checker worker now, unless the pool has already started one. */
export function startCheckerEarly(): void {
  early ??= newCheckerWorker();
}

/** The worker started early, once: the pool's first slot takes it. */
export function takeEarlyWorker(): Worker | undefined {
  const worker = early;
  early = undefined;
  return worker;
}
