/** The trace every view shows: a counterexample, a path explored by hand, or an opened trace. */
import type { Trace } from '../../check/contract/types';
import { shownTrace } from '../explore/state';
import { useApp } from '../store';

export function useTrace(): Trace | undefined {
  return useApp(shownTrace);
}
