/**
 * What a run's answer means, in words and in one tone, for every place that shows it (the results
 * panel, the trace view, review mode, a share link's claim). One function, so that no view can
 * paint green what was not earned: on a shared screen a wrong "No error found" is the worst thing
 * the page can show.
 *
 * - `pass`: the search finished and found no error in anything it was asked to check;
 * - `fail`: an invariant, property, assumption or deadlock was violated (a real answer);
 * - `error`: the spec or the engine failed (no answer);
 * - `stopped`: cancelled or stopped at the memory budget: no verdict, whatever was explored;
 * - `partial`: no error found, but not all was checked (a simulation samples behaviours; some
 *   properties could not be checked).
 */
import type { CheckResult, Verdict } from '../../check/contract/types';
import { formatCount } from './numbers';

export type VerdictTone = 'pass' | 'fail' | 'error' | 'stopped' | 'partial';

export interface ShownVerdict {
  tone: VerdictTone;
  /** The verdict's line: `Invariant violated`, `Stopped: cancelled`, `No error found`. */
  headline: string;
  /** What was violated, set beside the headline in code type. */
  violated?: string;
  /** A short form for one-line bars (review mode): `NotSolved violated`, `Stopped`. */
  short: string;
  /** Sentences under the headline: what the answer does not cover. */
  caveats: string[];
}

/** A verdict in words, as the results panel and review mode show it. */
export const verdictText: Record<Verdict, string> = {
  success: 'No error found',
  'safety failure': 'Invariant violated',
  'deadlock failure': 'Deadlock reached',
  'liveness failure': 'Temporal property violated',
  'assumption failure': 'Assumption violated',
  error: 'Error',
};

const stopReason: Record<NonNullable<CheckResult['stopped']>, string> = {
  cancelled: 'cancelled',
  'memory budget': 'memory budget reached',
};

export interface VerdictContext {
  /** The run was a random simulation (behaviours sampled, not every state). */
  simulation?: { behaviours: number };
}

export function shownVerdict(result: CheckResult, context: VerdictContext = {}): ShownVerdict {
  const failed = result.result !== 'success' && result.result !== 'error';
  if (failed) {
    const headline = verdictText[result.result] ?? result.result;
    const short =
      result.violated && result.result !== 'deadlock failure'
        ? `${result.violated} violated`
        : headline;
    return { tone: 'fail', headline, violated: result.violated, short, caveats: [] };
  }
  if (result.result === 'error') {
    return { tone: 'error', headline: 'Error', short: 'Error', caveats: [] };
  }
  // A success that did not finish is no success: its own colour and words.
  if (result.stopped) {
    const depth = formatCount(result.depth);
    const left = result.queueLeft;
    const unexplored =
      left > 0
        ? `${formatCount(left)} ${left === 1 ? 'state found was' : 'states found were'} left unexplored, and nothing beyond depth ${depth} was searched.`
        : `Nothing beyond depth ${depth} was searched.`;
    return {
      tone: 'stopped',
      headline: `Not finished: ${stopReason[result.stopped]}`,
      short: 'Not finished',
      caveats: [
        `No verdict. No error in the ${formatCount(result.distinctStates)} states explored before the stop; ${unexplored}`,
      ],
    };
  }
  const unchecked = result.uncheckedProperties ?? [];
  if (context.simulation) {
    const n = formatCount(context.simulation.behaviours);
    return {
      tone: 'partial',
      headline: `No error in ${n} random behaviours`,
      short: 'No error in simulation',
      caveats: [
        'A simulation samples behaviours: it is no proof that no error is reachable. Run a check to search every state.',
      ],
    };
  }
  if (unchecked.length > 0) {
    // The panel lists what was not checked, and why, under the headline.
    return {
      tone: 'partial',
      headline: 'No error found in what was checked',
      short: 'Partly checked',
      caveats: [],
    };
  }
  return { tone: 'pass', headline: verdictText.success, short: verdictText.success, caveats: [] };
}
