/** Loads the editor once, on demand, so that the first paint does not wait for Monaco. */
import type { Monaco } from './monacoSetup';

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monacoSetup').then((m) => m.monaco);
  return loading;
}
