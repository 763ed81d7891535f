/**
 * The state a run stopped at, to mark in the graph: the last state of a safety or deadlock
 * counterexample, or of the trace that reached an evaluation error. (A liveness counterexample's
 * last state is not wrong in itself; its loop is the point, and the trace overlay shows it.)
 */
import type { CheckResult } from '../../../../check/contract/types';
import { canonicalStateKey } from '../../../../trace/keys';

export function errorStateKeys(result: CheckResult): ReadonlySet<string> {
  const bad = result.result === 'safety failure' || result.result === 'deadlock failure';
  const trace = bad ? result.trace : result.error?.trace;
  const last = trace?.states[trace.states.length - 1];
  return new Set(last ? [canonicalStateKey(last)] : []);
}

/** The variables in declaration order, from a trace if there is one, else from a state. */
export function variablesOf(result: CheckResult): string[] {
  const trace = result.trace ?? result.error?.trace;
  if (trace) return trace.vars;
  const first = result.graph?.states[0]?.state;
  return first ? Object.keys(first) : [];
}
