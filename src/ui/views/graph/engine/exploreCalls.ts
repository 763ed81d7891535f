/**
 * The graph view's questions to the engine, through the worker pool's `explore`: the open spec as
 * a request, and a trace replayed to get its steps' full labels (`Send(p1, m2)`), which the
 * recorded graph does not keep.
 */
import type { ExploreRequest, ExploreResult } from '../../../../check/explore/explore';
import type { CheckRequest, Trace } from '../../../../check/contract/types';
import { buildCheckRequest } from '../../../engine/checkRequest';
import type { EngineCalls, ExploreCall } from '../../../engine/engineCalls';
import { enginePool, poolCalls } from '../../../engine/runCheck';
import { appStore } from '../../../store';

export const explore: ExploreCall = async (request: ExploreRequest): Promise<ExploreResult> =>
  (await enginePool()).explore(request);

/** The open spec and model, without the check's options. */
export function specRequest(): CheckRequest {
  const { options: _options, ...request } = buildCheckRequest(appStore.getState());
  return request;
}

/** The trace as the engine replays it under the open spec, or undefined when it does not replay. */
export async function replayTrace(
  trace: Trace,
  calls: EngineCalls = poolCalls,
): Promise<Trace | undefined> {
  const request = specRequest();
  const found = await calls.pathOfTrace(request, trace);
  if (!('path' in found)) return undefined;
  const answer = await calls.explore({ ...request, path: found.path, watches: [] });
  return answer.error || answer.replayError ? undefined : answer.trace;
}
