/**
 * What clicking a state does to the shown trace, through the trace viewer's own actions (the
 * store is where the views agree): a state of the shown trace becomes the selected step; another
 * state's trace (the shortest one, in the whole graph) becomes the shown trace, selected at its end.
 */
import type { Trace } from '../../../check/contract/types';
import { selectStep, showImportedTrace } from '../../explore/actions';
import { shownTrace } from '../../explore/state';
import { appStore } from '../../store';
import { replayTrace } from './engine/exploreCalls';

export function showTraceAtEnd(trace: Trace): void {
  showImportedTrace(trace);
  selectStep(trace.states.length - 1);
}

/**
 * Shows a trace built from the recorded graph at once, then the same trace replayed by the engine,
 * whose steps carry their parameters (`RMPrepare(r1)`, which the sequence diagram reads), unless
 * the user has moved on to another trace meanwhile.
 */
export async function showGraphTrace(trace: Trace): Promise<void> {
  showTraceAtEnd(trace);
  const replayed = await replayTrace(trace).catch(() => undefined);
  if (!replayed || shownTrace(appStore.getState()) !== trace) return;
  const step = appStore.getState().selectedStep;
  showImportedTrace(replayed);
  selectStep(step);
}
