/**
 * Which state of the shown trace is the one that fails, and what it fails: the last state of a
 * check's safety or deadlock counterexample, the state where evaluation failed, or the last state
 * of a TLC trace whose header says what it violates. A lasso's failure is the loop, not a state.
 */
import type { Trace } from '../../../check/contract/types';
import type { AppState } from '../../store';

export interface TraceViolation {
  index: number;
  /** Short, for the step list: `NotSolved`, `deadlock`, `error`. */
  label: string;
  /** A sentence for the state's header. */
  text: string;
}

export function traceViolation(
  state: Pick<AppState, 'run' | 'traceView'>,
  trace: Trace | undefined,
): TraceViolation | undefined {
  if (!trace || trace.states.length === 0 || trace.loop !== undefined) return undefined;
  const index = trace.states.length - 1;
  const { source } = state.traceView;
  if (source === 'check') {
    const result = state.run.result;
    if (!result) return undefined;
    if (result.result === 'safety failure' && result.trace === trace && result.violated)
      return { index, label: result.violated, text: `This state violates ${result.violated}.` };
    if (result.result === 'deadlock failure' && result.trace === trace)
      return { index, label: 'deadlock', text: 'Deadlock: no action is enabled in this state.' };
    if (result.result === 'error' && result.error?.trace === trace)
      return { index, label: 'error', text: `Evaluation failed here: ${result.error.message}` };
    return undefined;
  }
  if (source === 'imported') {
    const log = state.traceView.importedLog;
    if (log?.diverged !== undefined && state.traceView.imported === trace)
      return {
        index: Math.min(log.diverged, index),
        label: 'log diverges',
        text: `The log diverges here: ${log.text}`,
      };
    const headline = state.traceView.importedHeadline;
    if (!headline || state.traceView.imported !== trace) return undefined;
    if (headline.result === 'safety failure' && headline.violated)
      return { index, label: headline.violated, text: `TLC: ${headline.text}` };
    if (headline.result === 'deadlock failure')
      return { index, label: 'deadlock', text: `TLC: ${headline.text}` };
  }
  return undefined;
}
