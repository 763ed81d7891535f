/** A simulation's answer in the shape of a check's, for the results panel and the trace view. */
import type { CheckResult, SimulateResult } from '../../check/contract/types';

/** A simulation's answer in a check's shape: the verdict, the trace, the error, the output. */
export function simulationAsCheckResult(r: SimulateResult): CheckResult {
  return {
    result: r.result,
    // A simulation keeps no seen-set: it does not know how many states are distinct.
    distinctStates: 0,
    generatedStates: r.generatedStates,
    depth: r.trace ? r.trace.states.length : 0,
    durationMs: r.durationMs,
    queueLeft: 0,
    output: r.output,
    ...(r.violated !== undefined ? { violated: r.violated } : {}),
    ...(r.trace ? { trace: r.trace } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.uncheckedProperties ? { uncheckedProperties: r.uncheckedProperties } : {}),
    ...(r.warnings ? { warnings: r.warnings } : {}),
    ...(r.stopped ? { stopped: r.stopped } : {}),
  };
}
