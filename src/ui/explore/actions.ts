/**
 * What the user does in the trace viewer and explore mode, as changes to the app store. They live
 * here rather than in the store's own action list so that the shared store file stays small; they
 * change only the trace view's slice, the selected step and the model's watches.
 */
import { pluscalLabelRange } from '../engine/pluscalLabels';
import type { Trace } from '../../check/contract/types';
import type { TlcErrorHeadline } from '../../formats/tlc-trace';
import { fileOfRange } from '../engine/locations';
import { appStore } from '../store';
import { shownTrace, type ImportedLog, type TraceSource, type TraceViewState } from './state';

const get = () => appStore.getState();

/** Changes the trace view's slice (and the selected step with it, in one update). */
function patch(change: Partial<TraceViewState>, selectedStep?: number): void {
  const traceView = { ...get().traceView, ...change };
  appStore.setState(selectedStep === undefined ? { traceView } : { traceView, selectedStep });
}

function patchPath(path: number[], selectedStep: number, change: Partial<TraceViewState> = {}) {
  patch({ ...change, explore: { ...get().traceView.explore, path } }, Math.max(0, selectedStep));
}

/** The index of the last state of a trace; the selection goes there when a trace opens. */
const lastIndex = (trace: Trace | undefined) => Math.max(0, (trace?.states.length ?? 1) - 1);

export function setTraceSource(source: TraceSource): void {
  if (get().traceView.source === source) return;
  const traceView = { ...get().traceView, source };
  // A counterexample's point is its last state; an explored path continues from its end (known
  // from the path before the engine has replayed it).
  const last =
    source === 'explore'
      ? traceView.explore.path.length - 1
      : lastIndex(shownTrace({ ...get(), traceView }));
  patch({ source }, Math.max(0, last));
}

/** Selects a state of the shown trace, clamped to its length. */
export function selectStep(index: number): void {
  const count = shownTrace(get())?.states.length ?? 0;
  const clamped = Math.max(0, Math.min(index, count - 1));
  if (clamped !== get().selectedStep) get().selectStep(clamped);
}

export function setOnlyChanged(onlyChanged: boolean): void {
  patch({ onlyChanged });
}

export function setHidden(name: string, hidden: boolean): void {
  const rest = get().traceView.hidden.filter((n) => n !== name);
  patch({ hidden: hidden ? [...rest, name] : rest });
}

export function setPinned(name: string, pinned: boolean): void {
  const rest = get().traceView.pinned.filter((n) => n !== name);
  patch({ pinned: pinned ? [...rest, name] : rest });
}

/** Adds a watch expression to the model; false when it is empty or already watched. */
export function addWatch(expr: string): boolean {
  const text = expr.trim();
  const { watches } = get().model;
  if (!text || watches.includes(text)) return false;
  get().updateModel({ watches: [...watches, text] });
  return true;
}

export function removeWatch(expr: string): void {
  get().updateModel({ watches: get().model.watches.filter((w) => w !== expr) });
}

/**
 * Shows a trace from elsewhere (a file, a test): any `Trace` works in the viewer; `headline` says
 * what it is a trace of, when its file did.
 */
export function showImportedTrace(
  trace: Trace,
  headline?: TlcErrorHeadline,
  log?: ImportedLog,
): void {
  patch(
    {
      source: 'imported',
      imported: trace,
      importedHeadline: headline,
      importedLog: log,
      watchResults: undefined,
    },
    0,
  );
}

/**
 * Moves the editor to the definition of the action that made a step, and highlights it; for an
 * action a PlusCal label became, to the label's statements in the algorithm.
 */
export function revealStepAction(trace: Trace, index: number): void {
  const step = trace.steps[index];
  const range = step?.range;
  if (!range) return;
  const file = fileOfRange(range, get().files);
  const shown = pluscalLabelRange(get().files[file], step.action) ?? range;
  get().revealLocation(file, shown.start.line, shown.start.column, {
    end: shown.end,
    focus: false,
  });
}

// Explore mode: the path grows by choosing among the successors of the selected state.

export function startExploring(): void {
  setTraceSource('explore');
}

/**
 * Takes choice `option` from the selected state. Choosing from an earlier state than the last
 * branches: the steps after the selected state are replaced.
 */
export function choose(option: number): void {
  const { path, trace } = get().traceView.explore;
  const states = trace?.states.length ?? 0;
  const keep = states === 0 ? 0 : Math.min(get().selectedStep + 1, path.length);
  const next = [...path.slice(0, keep), option];
  patchPath(next, next.length - 1);
}

/** Drops the last step of the path. */
export function goBack(): void {
  const { path } = get().traceView.explore;
  if (path.length === 0) return;
  const keep = path.slice(0, -1);
  patchPath(keep, keep.length - 1);
}

/** Starts over from the choice of an initial state. */
export function restartExploring(): void {
  patchPath([], 0);
}

/** After an edit that the path no longer replays under: keep the steps that still do. */
export function keepReplayedSteps(): void {
  const { path, replayError } = get().traceView.explore;
  if (!replayError) return;
  const keep = path.slice(0, replayError.step);
  patchPath(keep, keep.length - 1);
}

/** Explores the path of the shown trace (a counterexample) from its selected state on. */
export function exploreFromHere(path: number[]): void {
  const keep = path.slice(0, get().selectedStep + 1);
  patchPath(keep, keep.length - 1, { source: 'explore' });
}
