/**
 * `specstage.ping(value)` in the browser console (and in the browser tests): a round trip through
 * the checker worker pool, without running a check.
 */
import { enginePool } from './runCheck';

declare global {
  interface Window {
    specstage?: { ping<T>(value: T): Promise<T> };
  }
}

export function exposeDebugHandle(): void {
  window.specstage = { ping: async (value) => (await enginePool()).ping(value) };
}
