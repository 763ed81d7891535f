/**
 * What counts as agreeing with TLC. Pure functions, shared by `npm run conformance` and the fast
 * conformance test.
 *
 * - TLC says success: we must say success with the same distinct-state count and depth, having
 *   checked every PROPERTY (an unchecked property is never a match).
 * - TLC finds a safety violation or a deadlock: same verdict, and a counterexample of the same
 *   length (BFS makes it a shortest one for both). The state counts at the stop depend on the order
 *   states are explored within a level, so they are shown, not compared. Properties we left
 *   unchecked do not matter here: TLC stopped at the same violation before they could.
 * - TLC finds a liveness violation: same verdict. TLC's lasso is not a shortest one, so its length
 *   is shown, not compared.
 */
import type { Verdict } from '../../src/check/contract/types';
import type { DotGraph } from '../../src/formats/dot';
import type { ExpectedModel } from './corpus';

/** What our run said, whether it ran in a child process (conformance) or in-process (fast test). */
export interface Observed {
  result: Verdict;
  distinctStates: number;
  generatedStates: number;
  depth: number;
  durationMs: number;
  traceLength?: number;
  violated?: string;
  uncheckedProperties?: string[];
  error?: string;
}

export type Status =
  | 'match'
  | 'mismatch'
  /** TLC finds a violation, we say success: the worst defect a checker can have. */
  | 'MISSED VIOLATION'
  /** TLC says success, we report a violation. */
  | 'FALSE ALARM'
  /** Both found a violation, of different kinds. */
  | 'WRONG VERDICT'
  | 'error'
  | 'timeout'
  | 'crash';

export interface Comparison {
  status: Status;
  reasons: string[];
}

const isViolation = (v: Verdict): boolean => v !== 'success' && v !== 'error';

export function compareModel(expected: ExpectedModel, ours: Observed): Comparison {
  if (ours.result === 'error')
    return { status: 'error', reasons: [ours.error ?? 'error without message'] };
  const unchecked = ours.uncheckedProperties ?? [];
  const uncheckedReason =
    unchecked.length > 0 ? [`PROPERTIES not checked: ${unchecked.join(', ')}`] : [];
  if (ours.result !== expected.result) {
    const reason = `TLC: ${expected.result}, ours: ${ours.result}${ours.violated ? ` (${ours.violated})` : ''}`;
    if (isViolation(expected.result) && ours.result === 'success') {
      return { status: 'MISSED VIOLATION', reasons: [reason, ...uncheckedReason] };
    }
    if (expected.result === 'success') return { status: 'FALSE ALARM', reasons: [reason] };
    return { status: 'WRONG VERDICT', reasons: [reason] };
  }
  const reasons: string[] = [];
  switch (expected.result) {
    case 'success':
      // Success is a claim about every property: one left unchecked makes it no match.
      reasons.push(...uncheckedReason);
      if (ours.distinctStates !== expected.distinctStates) {
        reasons.push(`distinct states ${ours.distinctStates}, TLC ${expected.distinctStates}`);
      }
      if (ours.depth !== expected.depth) reasons.push(`depth ${ours.depth}, TLC ${expected.depth}`);
      break;
    case 'safety failure':
    case 'deadlock failure':
      if (expected.traceLength === undefined) {
        reasons.push('no TLC trace in the corpus to compare the counterexample length with');
      } else if (ours.traceLength !== expected.traceLength) {
        reasons.push(
          `counterexample of ${ours.traceLength ?? 'no'} states, TLC ${expected.traceLength}`,
        );
      }
      break;
    default:
      break;
  }
  return { status: reasons.length === 0 ? 'match' : 'mismatch', reasons };
}

export interface GraphComparison {
  match: boolean;
  tlcStates: number;
  ourStates: number;
  missingStates: number;
  extraStates: number;
  tlcEdges: number;
  ourEdges: number;
  missingEdges: number;
  extraEdges: number;
  initialStatesMatch: boolean;
}

function difference(a: Set<string>, b: Iterable<string>): number {
  const bs = new Set(b);
  let n = 0;
  for (const x of a) if (!bs.has(x)) n++;
  return n;
}

/** Same states (as values), same initial states, same edges (as pairs of states). */
export function compareGraphs(tlc: DotGraph, ours: DotGraph): GraphComparison {
  const tlcStates = new Set(tlc.states.keys());
  const ourStates = new Set(ours.states.keys());
  const c = {
    tlcStates: tlcStates.size,
    ourStates: ourStates.size,
    missingStates: difference(tlcStates, ourStates),
    extraStates: difference(ourStates, tlcStates),
    tlcEdges: tlc.edges.size,
    ourEdges: ours.edges.size,
    missingEdges: difference(tlc.edges, ours.edges),
    extraEdges: difference(ours.edges, tlc.edges),
    initialStatesMatch:
      difference(tlc.initial, ours.initial) === 0 && difference(ours.initial, tlc.initial) === 0,
  };
  const match =
    c.missingStates === 0 &&
    c.extraStates === 0 &&
    c.missingEdges === 0 &&
    c.extraEdges === 0 &&
    c.initialStatesMatch;
  return { match, ...c };
}

export function describeGraphComparison(c: GraphComparison): string {
  if (c.match) return `${c.tlcStates} states, ${c.tlcEdges} edges`;
  const parts = [`states TLC ${c.tlcStates} ours ${c.ourStates}`];
  if (c.missingStates) parts.push(`${c.missingStates} missing`);
  if (c.extraStates) parts.push(`${c.extraStates} extra`);
  parts.push(`edges TLC ${c.tlcEdges} ours ${c.ourEdges}`);
  if (c.missingEdges) parts.push(`${c.missingEdges} missing`);
  if (c.extraEdges) parts.push(`${c.extraEdges} extra`);
  if (!c.initialStatesMatch) parts.push('initial states differ');
  return parts.join(', ');
}
