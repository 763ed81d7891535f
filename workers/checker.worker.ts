/**
 * Browser entry of the checker worker: a module Web Worker that Vite builds into its own chunks.
 * It is small on purpose: it sets the parser's two wasm files (5 MB) downloading first, then
 * loads the engine (checkerMain.ts, most of the worker's code), so that the two downloads and
 * compilations overlap instead of following each other (issue #23, time to the first verdict).
 * Requests that arrive meanwhile are held and handed over in order.
 */
import type { CheckRequest } from '../src/check/contract/types';
import { browserParserAssets } from '../src/tla/parse/parser-assets-browser';
import type { CheckerApi } from './api';
import type { EarlyMessage } from './earlyWorker';

// User-timing marks of the worker's first steps, read by scripts/bench-first-verdict.ts.
performance.mark('specstage:worker-started');

/**
 * The spec the page has open, sent as it starts (earlyWorker.ts `prepareEarly`), before the
 * page's comlink is even loaded: the warm-up parses it (checkerMain.ts). Not comlink's message,
 * so it stops here.
 */
let opened: CheckRequest | undefined;
/** The engine's API once it has loaded; first checks sent before wait for it. */
let engine: CheckerApi | undefined;
const firstChecks: CheckRequest[] = [];
self.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as EarlyMessage | null;
  if (data?.type === 'specstage:prepare') {
    opened = data.request;
    event.stopImmediatePropagation();
  } else if (data?.type === 'specstage:check') {
    event.stopImmediatePropagation();
    if (engine) checkFirst(engine, data.request);
    else firstChecks.push(data.request);
  }
});

/**
 * A check the page sent before its pool (and comlink) loaded (earlyWorker.ts `checkEarly`): the
 * engine's own check, its progress and its answer as plain messages, the result as JSON text as
 * the pool's are (resultTransfer.ts). A stop comes through the pool, which adopts this worker
 * with the check in flight and asks the same engine to stop.
 */
function checkFirst(api: CheckerApi, request: CheckRequest): void {
  const post = (message: EarlyMessage) => self.postMessage(message);
  api
    .check(request, (progress) => post({ type: 'specstage:progress', progress }))
    .then(
      (result) => post({ type: 'specstage:answer', json: JSON.stringify(result) }),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        post({ type: 'specstage:answer', error: { name: e.name, message: e.message } });
      },
    );
}

const held: MessageEvent[] = [];
const hold = (event: MessageEvent) => held.push(event);
self.addEventListener('message', hold);

/**
 * An asset's URL made absolute. The first worker runs from a blob the page's head wrote
 * (vite.config.ts, earlyWorkerScript), and a blob URL is no base for `/assets/x.wasm`; the
 * page's origin is (Vite gives root-relative asset URLs).
 */
const absolute = (url: string) =>
  new URL(url, self.location.protocol === 'blob:' ? self.location.origin : self.location.href).href;

// In Node the engine finds the parser's wasm files itself; here they are assets Vite emitted.
const assets = browserParserAssets();

/**
 * Downloads a wasm file now and gives it as a blob URL, which the parser then fetches at once;
 * on a failure, the file's own (absolute) URL, so that the parser's load fails (or retries) and
 * says so.
 */
function prefetched(asset: string): Promise<string> {
  const url = absolute(asset);
  return fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status}`);
      return response.blob();
    })
    .then(
      (blob) => URL.createObjectURL(new Blob([blob], { type: 'application/wasm' })),
      () => url,
    );
}

const parserFiles = Promise.all([
  assets.runtimeWasm ? prefetched(assets.runtimeWasm) : undefined,
  prefetched(assets.grammarWasm as string),
]).then(([runtimeWasm, grammarWasm]) => ({ runtimeWasm, grammarWasm }));

import('./checkerMain').then(
  ({ startChecker }) => {
    performance.mark('specstage:worker-engine');
    engine = startChecker(parserFiles, () => opened);
    for (const request of firstChecks.splice(0)) checkFirst(engine, request);
    self.removeEventListener('message', hold);
    for (const event of held.splice(0)) {
      self.dispatchEvent(
        new MessageEvent('message', { data: event.data, ports: [...event.ports] }),
      );
    }
  },
  (error: unknown) => {
    // Thrown from a task, it reaches the page as the worker's error event: the pool discards it.
    setTimeout(() => {
      throw error;
    });
  },
);
