/**
 * The choice path (src/check/explore.ts) that replays a trace under the open spec: what watch
 * expressions and "explore from here" need for a counterexample or an opened trace. The engine has
 * `pathOfTrace`, but the worker pool does not expose it yet; this finds the same path with one
 * `explore` call per step, matching each state among the choices offered. Each call replays the
 * prefix, so a trace of n steps costs O(n²) successor enumerations: fine for the counterexamples
 * people read, and the reason for `maxSteps`.
 */
import type { ExploreRequest, ExploreResult } from '../../check/explore';
import type { CheckRequest, Trace } from '../../check/types';
import { canonicalStateKey } from '../../trace/keys';

export type ExploreCall = (request: ExploreRequest) => Promise<ExploreResult>;

export type PathOfTrace = { path: number[] } | { step: number; message: string };

export async function pathOfTrace(
  explore: ExploreCall,
  request: CheckRequest,
  trace: Trace,
  maxSteps = 250,
): Promise<PathOfTrace> {
  if (trace.states.length > maxSteps) {
    return {
      step: maxSteps,
      message: `the trace has ${trace.states.length} states; replaying more than ${maxSteps} in the browser is too slow`,
    };
  }
  const path: number[] = [];
  for (let i = 0; i < trace.states.length; i++) {
    const answer = await explore({ ...request, path, watches: [] });
    if (answer.error) return { step: i, message: answer.error.message };
    if (answer.replayError) return answer.replayError;
    const want = canonicalStateKey(trace.states[i]);
    const action = i === 0 ? '' : (trace.steps[i]?.action ?? '');
    const same = answer.choices
      .map((c, k) => ({ k, match: canonicalStateKey(c.state) === want, action: c.action }))
      .filter((c) => c.match);
    // The same state may be reached by two actions: prefer the one the trace names.
    const k = (same.find((c) => !action || c.action === action) ?? same[0])?.k;
    if (k === undefined) {
      return {
        step: i,
        message: `state ${i + 1} is not ${i === 0 ? 'an initial state' : 'a successor of state ' + i} of the open spec`,
      };
    }
    path.push(k);
  }
  return { path };
}
