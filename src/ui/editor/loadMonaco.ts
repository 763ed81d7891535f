/** Loads the editor once, on demand, so that the first paint does not wait for Monaco. */
import type { Monaco } from './monacoSetup';

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monacoSetup').then((m) => {
    // A user-timing mark for scripts/bench-first-verdict.ts: Monaco's code has run.
    performance.mark('specstage:monaco-loaded');
    return m.monaco;
  });
  return loading;
}
