/** The trace every view shows: a counterexample, a path explored by hand, or an opened trace. */
import { useDeferredValue } from 'react';
import type { Trace } from '../../check/contract/types';
import { shownTrace } from '../explore/state';
import { useApp } from '../store';

/**
 * Deferred: a new trace is drawn in a render of its own, after the one that shows the verdict and
 * figures, and one that React may interrupt for a click or a keystroke. A run's answer then shows
 * its verdict at once instead of after every view has laid out the trace (issue #23, time to the
 * first verdict); the views clamp the selected step to the trace they draw.
 */
export function useTrace(): Trace | undefined {
  return useDeferredValue(useApp(shownTrace));
}
