/**
 * The engine's entry point: check a model as TLC does. Implementation in progress (issue 4);
 * this signature is the contract the pool (workers/), the CLI and the UI code against.
 */
import type { CheckRequest, CheckResult, Progress } from './types';

export interface CheckHooks {
  /** Called at least twice a second during a search. */
  onProgress?: (p: Progress) => void;
  /** Polled between batches; returning true stops the search with `stopped: 'cancelled'`. */
  shouldStop?: () => boolean;
}

export async function checkModel(req: CheckRequest, hooks: CheckHooks = {}): Promise<CheckResult> {
  void req;
  void hooks;
  throw new Error('checkModel is not implemented yet');
}
