/**
 * Browser entry of the checker worker: a module Web Worker that Vite builds into its own chunks.
 * It is small on purpose: it sets the parser's two wasm files (5 MB) downloading first, then
 * loads the engine (checkerMain.ts, most of the worker's code), so that the two downloads and
 * compilations overlap instead of following each other (issue #23, time to the first verdict).
 * Requests that arrive meanwhile are held and handed over in order.
 */
import type { CheckRequest } from '../src/check/contract/types';
import { browserParserAssets } from '../src/tla/parse/parser-assets-browser';
import { isPrepareMessage } from './earlyWorker';

/**
 * The spec the page has open, sent as it starts (earlyWorker.ts `prepareEarly`), before the
 * page's comlink is even loaded: the warm-up parses it (checkerMain.ts). Not comlink's message,
 * so it stops here.
 */
let opened: CheckRequest | undefined;
self.addEventListener('message', (event: MessageEvent) => {
  if (isPrepareMessage(event.data)) {
    opened = event.data.request;
    event.stopImmediatePropagation();
  }
});

const held: MessageEvent[] = [];
const hold = (event: MessageEvent) => held.push(event);
self.addEventListener('message', hold);

// In Node the engine finds the parser's wasm files itself; here they are assets Vite emitted.
const assets = browserParserAssets();

/**
 * Downloads a wasm file now and gives it as a blob URL, which the parser then fetches at once;
 * on a failure, the file's own URL, so that the parser's load fails (or retries) and says so.
 */
function prefetched(url: string): Promise<string> {
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
    startChecker(parserFiles, () => opened);
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
