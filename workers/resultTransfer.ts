/**
 * Check results cross from the browser's checker worker to the page as JSON text, not as a
 * structured clone. A result with its recorded state graph (2,000 states of nested values, ~2 MB as
 * JSON) took ~190 ms to clone and ~30 ms to `JSON.parse` in Chromium on a loaded two-core machine:
 * the clone was one main-thread task over the 50 ms a check may block the page (issue 5).
 * A result is plain JSON (values in the ITF-like `TraceValue` form), so nothing is lost.
 *
 * Imported for its effect by both ends in the browser (checker.worker.ts, browserHost.ts): a
 * handler registered on one side only would leave the other unable to read the message.
 */
import * as Comlink from 'comlink';
import type { CheckResult } from '../src/check/contract/types';

function isCheckResult(value: unknown): value is CheckResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<CheckResult>;
  return (
    typeof r.result === 'string' &&
    typeof r.distinctStates === 'number' &&
    typeof r.queueLeft === 'number' &&
    Array.isArray(r.output)
  );
}

Comlink.transferHandlers.set('specstage-check-result', {
  canHandle: isCheckResult,
  serialize: (result: CheckResult) => [JSON.stringify(result), []],
  deserialize: (json: string) => JSON.parse(json) as CheckResult,
} satisfies Comlink.TransferHandler<CheckResult, string>);
