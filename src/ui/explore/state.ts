/**
 * The trace viewer's slice of the app store: which trace the views show, how the state is shown,
 * and explore mode's path. The engine's answers (an explored trace, its choices, watch values)
 * are recomputed from the spec and never saved: a reload replays the path.
 */
import type { Trace } from '../../check/contract/types';
import type { ExploreChoice, WatchCell } from '../../check/explore/explore';
import type { TlcErrorHeadline } from '../../formats/tlc-trace';

/** The last check's counterexample, a path built by hand, or a trace opened from a file. */
export type TraceSource = 'check' | 'explore' | 'imported';

export interface ExploreState {
  /** Choice indexes (src/check/explore/explore.ts): an initial state, then a successor at each step. */
  path: number[];
  /** The engine's replay of `path`. */
  trace?: Trace;
  /** What can happen from state `at` of the trace (-1: the initial states). */
  choices?: { at: number; options: ExploreChoice[] };
  busy: boolean;
  /** Why the spec could not be explored (a parse error, an evaluation error). */
  error?: string;
  /** The path stopped replaying (the spec was edited): at which step, and why. */
  replayError?: { step: number; message: string };
}

export interface WatchRow {
  expr: string;
  /** One cell per state of the trace the rows were evaluated on. */
  cells: WatchCell[];
}

export interface WatchResults {
  /** The trace these values belong to (compared by identity): a stale answer shows nothing. */
  trace: Trace;
  rows: WatchRow[];
  /** Why the watches could not be evaluated on this trace at all. */
  error?: string;
}

/** A log validated against the open spec, shown as the behaviour that explains it. */
export interface ImportedLog {
  file: string;
  /** True when the whole log is a behaviour of the spec. */
  ok: boolean;
  /** The verdict, one paragraph. */
  text: string;
  /** The state (index in the shown trace) closest to the first event no behaviour explains. */
  diverged?: number;
}

export interface TraceViewState {
  source: TraceSource;
  /** Show only the variables (and parts) that changed in the selected step. */
  onlyChanged: boolean;
  /** Variables left out of the state tree, and variables kept at its top. */
  hidden: string[];
  pinned: string[];
  explore: ExploreState;
  imported?: Trace;
  /** What the opened trace is a trace of, when its file says (TLC's `Error:` line). */
  importedHeadline?: TlcErrorHeadline;
  /** When the opened trace is what `validate` found for a log: its verdict (src/ui/validate). */
  importedLog?: ImportedLog;
  watchResults?: WatchResults;
}

export function initialTraceView(): TraceViewState {
  return {
    source: 'check',
    onlyChanged: false,
    hidden: [],
    pinned: [],
    explore: { path: [], busy: false },
  };
}

/** What a reload keeps: settings and the explored path, not traces (a file may be large). */
export function persistedTraceView(view: TraceViewState): TraceViewState {
  return {
    source: view.source === 'imported' ? 'check' : view.source,
    onlyChanged: view.onlyChanged,
    hidden: view.hidden,
    pinned: view.pinned,
    explore: { path: view.explore.path, busy: false },
  };
}

export function mergeTraceView(
  current: TraceViewState,
  saved: Partial<TraceViewState> | undefined,
): TraceViewState {
  const path = saved?.explore?.path;
  return {
    ...current,
    ...saved,
    explore: { path: Array.isArray(path) ? path : [], busy: false },
  };
}

/** The trace every view shows. */
export function shownTrace(state: {
  traceView: TraceViewState;
  run: { result?: { trace?: Trace; error?: { trace?: Trace } } };
}): Trace | undefined {
  const view = state.traceView;
  if (view.source === 'explore') return view.explore.trace;
  if (view.source === 'imported') return view.imported;
  return state.run.result?.trace ?? state.run.result?.error?.trace;
}
