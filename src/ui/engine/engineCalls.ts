/**
 * The engine's answers that the UI asks for by spec and path, as the worker pool gives them
 * (workers/api.ts); tests pass the engine's own functions (src/check/explore/explore.ts).
 */
import type { ExploreRequest, ExploreResult, PathOfTrace } from '../../check/explore/explore';
import type { CheckRequest, Trace } from '../../check/contract/types';

export type ExploreCall = (request: ExploreRequest) => Promise<ExploreResult>;

export type PathOfTraceCall = (request: CheckRequest, trace: Trace) => Promise<PathOfTrace>;

export interface EngineCalls {
  explore: ExploreCall;
  pathOfTrace: PathOfTraceCall;
}
