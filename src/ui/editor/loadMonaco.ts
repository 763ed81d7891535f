/**
 * Loads the editor once, on demand, so that the first paint does not wait for Monaco.
 *
 * Monaco's code is one long main-thread task when it runs (0.3-0.7 s on a busy two-core machine).
 * A Run clicked before the editor has loaded comes first (issue #23: a workshop opens the link and
 * clicks Run at once): the chunk downloads at once (a modulepreload of its file, whose name the
 * build writes in: vite.config.ts), but runs only once that first check has answered, or after
 * `FIRST_RUN_WAIT_MS`, so that the verdict does not wait behind it.
 */
import { appStore } from '../store';
import type { Monaco } from './monacoSetup';

/** Monaco's chunk as the build names it (vite.config.ts's monacoChunkName); not one in dev. */
const MONACO_CHUNK = '__specstage_monaco_chunk__';
/** The longest a first run holds the editor back. */
const FIRST_RUN_WAIT_MS = 3000;

let loading: Promise<Monaco> | undefined;

/** Resolves when the chunk has downloaded (or at once where its name is not known). */
function preloadChunk(): Promise<void> {
  if (!MONACO_CHUNK.endsWith('.js')) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = MONACO_CHUNK;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.appendChild(link);
  });
}

/** Resolves when no run is going on, or after `ms`. */
function afterRun(ms: number): Promise<void> {
  if (appStore.getState().run.status !== 'running') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = appStore.subscribe((s) => {
      if (s.run.status !== 'running') done();
    });
  });
}

export function loadMonaco(): Promise<Monaco> {
  const started = performance.now();
  loading ??= preloadChunk()
    .then(() => afterRun(Math.max(0, FIRST_RUN_WAIT_MS - (performance.now() - started))))
    .then(() => import('./monacoSetup'))
    .then((m) => {
      // A user-timing mark for scripts/bench-first-verdict.ts: Monaco's code has run.
      performance.mark('specstage:monaco-loaded');
      return m.monaco;
    });
  return loading;
}
