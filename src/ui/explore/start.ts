/**
 * Starts what keeps the trace viewer's state in step with the outside: the URL at once, the engine
 * sync once its chunk has loaded (it is not needed for the first paint).
 */
import { poolCalls } from '../engine/runCheck';
import { appStore } from '../store';
import { startUrlSync } from './urlSync';

export function startTraceViewer(): () => void {
  const stopUrl = startUrlSync(appStore);
  let stopSync: (() => void) | undefined;
  let stopped = false;
  void import('./traceSync').then(({ startTraceSync }) => {
    if (stopped) return;
    stopSync = startTraceSync(appStore, poolCalls);
  });
  return () => {
    stopped = true;
    stopUrl();
    stopSync?.();
  };
}
