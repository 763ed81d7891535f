/**
 * `specstage.ping(value)` in the browser console (and in the browser tests): a round trip through
 * the checker worker pool, without running a check. `specstage.showTrace(trace)` opens any
 * `Trace` in the views, as an opened file would (the browser tests time large traces with it).
 * `specstage.check(request)` runs a check through the page's pool, outside the UI and the store
 * (scripts/bench-browser.ts times the engine in Chromium with it).
 */
import type { CheckRequest, CheckResult, Trace } from '../../check/contract/types';
import { showImportedTrace } from '../explore/actions';
import { enginePool } from './runCheck';

declare global {
  interface Window {
    specstage?: {
      ping<T>(value: T): Promise<T>;
      showTrace(trace: Trace): void;
      check(request: CheckRequest): Promise<CheckResult>;
    };
  }
}

export function exposeDebugHandle(): void {
  window.specstage = {
    ping: async (value) => (await enginePool()).ping(value),
    showTrace: showImportedTrace,
    check: async (request) => (await enginePool()).check(request),
  };
}
