/** The trace every view shows: a counterexample, or the trace that reached an evaluation error. */
import type { Trace } from '../../check/types';
import { useApp } from '../store';

export function useTrace(): Trace | undefined {
  return useApp((s) => s.run.result?.trace ?? s.run.result?.error?.trace);
}
