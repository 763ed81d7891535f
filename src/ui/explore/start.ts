/**
 * Starts what keeps the trace viewer's state in step with the outside: the URL at once, the engine
 * sync once its chunk has loaded (it is not needed for the first paint).
 */
import { enginePool } from '../engine/runCheck';
import { appStore } from '../store';
import { startUrlSync } from './urlSync';

export function startTraceViewer(): () => void {
  const stopUrl = startUrlSync(appStore);
  let stopSync: (() => void) | undefined;
  let stopped = false;
  void import('./traceSync').then(({ startTraceSync }) => {
    if (stopped) return;
    stopSync = startTraceSync(appStore, async (request) => (await enginePool()).explore(request));
  });
  return () => {
    stopped = true;
    stopUrl();
    stopSync?.();
  };
}
