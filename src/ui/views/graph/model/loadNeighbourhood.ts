/**
 * The engine calls behind neighbourhood mode, given an `explore` function (the worker pool's in
 * the app, `exploreModel` in tests): the states of a trace with the successors of each, the initial
 * states with theirs when there is no trace, and one more state's successors on request.
 */
import type { ExploreResult } from '../../../../check/explore/explore';
import type { CheckRequest, Trace } from '../../../../check/contract/types';
import type { EngineCalls, ExploreCall } from '../../../engine/engineCalls';
import { addChoices, type Neighbourhood } from './neighbourhood';
import { canonicalStateKey } from '../../../../trace/keys';

/** Initial states whose successors are shown before the user expands anything. */
const INITIAL_EXPANDED = 4;

/** Beyond this many initial states, a trace's neighbourhood shows only the one it starts from. */
const INITIAL_SHOWN = 8;

function addAnswer(
  nb: Neighbourhood,
  path: number[],
  answer: ExploreResult,
  only?: ReadonlySet<number>,
): Neighbourhood {
  const last = answer.trace.states[answer.trace.states.length - 1];
  const from = last && path.length > 0 ? canonicalStateKey(last) : undefined;
  return addChoices(nb, path, from, answer.choices, only);
}

export interface Loaded {
  nb: Neighbourhood;
  /** Why the trace could not be followed (the spec changed since), if it could not. */
  problem?: string;
}

/** Adds the trace's states and the successors of each; without a trace, the initial states'. */
export async function loadAround(
  calls: EngineCalls,
  request: CheckRequest,
  nb: Neighbourhood,
  trace: Trace | undefined,
): Promise<Loaded> {
  const { explore } = calls;
  if (trace && trace.states.length > 0) {
    const found = await calls.pathOfTrace(request, trace);
    // The states that replay, each with its successors (the first: the initial states); when the
    // trace stops replaying, also the choices offered where it stopped.
    const path = 'path' in found ? found.path : (found.replayed ?? []);
    const upTo = 'path' in found ? path.length : path.length + 1;
    for (let n = 0; n < upTo; n++) {
      const answer = await explore({ ...request, path: path.slice(0, n), watches: [] });
      if (answer.error || answer.replayError) continue;
      // Specs with many initial states (any token position, any activity) would bury the trace.
      const crowded = n === 0 && 'path' in found && answer.choices.length > INITIAL_SHOWN;
      nb = addAnswer(nb, path.slice(0, n), answer, crowded ? new Set([path[0]]) : undefined);
    }
    if ('path' in found) {
      const answer = await explore({ ...request, path, watches: [] });
      if (!answer.error) nb = addAnswer(nb, path, answer);
      return { nb };
    }
    return { nb, problem: `state ${found.step + 1} of the trace: ${found.message}` };
  }
  const initial = await explore({ ...request, path: [], watches: [] });
  if (initial.error) return { nb, problem: initial.error.message };
  nb = addAnswer(nb, [], initial);
  for (let k = 0; k < Math.min(INITIAL_EXPANDED, initial.choices.length); k++) {
    const answer = await explore({ ...request, path: [k], watches: [] });
    if (!answer.error) nb = addAnswer(nb, [k], answer);
  }
  return { nb };
}

/** Adds the successors of `node`; also answers the trace that reaches it. */
export async function expandNode(
  explore: ExploreCall,
  request: CheckRequest,
  nb: Neighbourhood,
  node: number,
): Promise<{ nb: Neighbourhood; trace?: Trace; problem?: string }> {
  const path = nb.paths[node];
  const answer = await explore({ ...request, path, watches: [] });
  if (answer.error) return { nb, problem: answer.error.message };
  if (answer.replayError) return { nb, problem: answer.replayError.message };
  return { nb: addAnswer(nb, path, answer), trace: answer.trace };
}
