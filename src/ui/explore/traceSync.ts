/**
 * Keeps the engine's answers in the store in step with what the user asked for: the explored
 * path's states and choices, and the watch expressions' values on whatever trace is shown. Views
 * only read the store; this module is the one place that asks the worker pool on their behalf.
 *
 * Answers can arrive out of order (the user keeps stepping, keeps typing): each request carries a
 * sequence number, and an answer to a superseded request is dropped.
 */
import type { ExploreRequest, ExploreResult } from '../../check/explore/explore';
import type { CheckRequest, Trace } from '../../check/contract/types';
import { buildCheckRequest } from '../engine/checkRequest';
import type { EngineCalls } from '../engine/engineCalls';
import type { AppStore } from '../store';
import { shownTrace, type ExploreState, type TraceViewState } from './state';

type Store = {
  getState(): AppStore;
  setState(partial: Partial<AppStore>): void;
  subscribe(listener: (state: AppStore, previous: AppStore) => void): () => void;
};

/** Typing in the editor re-explores after a pause, not at every key. */
const EDIT_PAUSE_MS = 300;
/** Stepping through an explored path asks for the selected state's choices after a short pause. */
const STEP_PAUSE_MS = 60;

export function startTraceSync(store: Store, calls: EngineCalls): () => void {
  const { explore } = calls;
  let exploreSeq = 0;
  let choiceSeq = 0;
  let watchSeq = 0;
  const timers = new Map<() => Promise<void>, ReturnType<typeof setTimeout>>();
  /** The last full answer for the explored path: its last state's choices serve for free. */
  let lastAnswer: { path: number[]; result: ExploreResult } | undefined;
  /** The paths found for shown traces, per trace and spec (the search is slow). */
  const paths = new WeakMap<Trace, { spec: string; path: number[] | string }>();

  const patch = (change: Partial<TraceViewState>) =>
    store.setState({ traceView: { ...store.getState().traceView, ...change } });
  const patchExplore = (change: Partial<ExploreState>) =>
    patch({ explore: { ...store.getState().traceView.explore, ...change } });

  function requestOf(state: AppStore): CheckRequest {
    const { options: _options, ...request } = buildCheckRequest(state);
    return request;
  }

  /** Runs `job` after `delayMs`; a job scheduled again before then runs once. */
  function schedule(job: () => Promise<void>, delayMs: number): void {
    clearTimeout(timers.get(job));
    timers.set(
      job,
      setTimeout(() => void job(), delayMs),
    );
  }

  async function refreshExplore(): Promise<void> {
    const seq = ++exploreSeq;
    const state = store.getState();
    const { path } = state.traceView.explore;
    let request: ExploreRequest;
    try {
      request = { ...requestOf(state), path, watches: state.model.watches };
    } catch (error) {
      patchExplore({ busy: false, error: String((error as Error).message ?? error) });
      return;
    }
    patchExplore({ busy: true });
    try {
      const result = await explore(request);
      if (seq !== exploreSeq) return;
      lastAnswer = { path, result };
      const trace = result.trace;
      patch({
        explore: {
          ...store.getState().traceView.explore,
          trace,
          busy: false,
          error: result.error?.message,
          replayError: result.replayError,
          choices: { at: trace.states.length - 1, options: result.choices },
        },
        watchResults: { trace, rows: result.watches },
      });
      await refreshChoices(request);
    } catch (error) {
      if (seq === exploreSeq) patchExplore({ busy: false, error: (error as Error).message });
    }
  }

  /** The choices from the selected state, when it is not the last one (that answer is cached). */
  async function refreshChoices(base?: ExploreRequest): Promise<void> {
    const seq = ++choiceSeq;
    const state = store.getState();
    const { trace, path } = state.traceView.explore;
    if (!trace || !lastAnswer || lastAnswer.path !== path) return;
    const last = trace.states.length - 1;
    const at = Math.min(state.selectedStep, last);
    if (at === state.traceView.explore.choices?.at) return;
    if (at === last) {
      patchExplore({ choices: { at, options: lastAnswer.result.choices } });
      return;
    }
    const request = base ?? { ...requestOf(state), path, watches: [] };
    patchExplore({ busy: true });
    try {
      const result = await explore({ ...request, path: path.slice(0, at + 1), watches: [] });
      if (seq !== choiceSeq || store.getState().traceView.explore.path !== path) return;
      patchExplore({ busy: false, choices: { at, options: result.choices } });
    } catch (error) {
      if (seq === choiceSeq) patchExplore({ busy: false, error: (error as Error).message });
    }
  }

  /** Watch values for a trace the engine did not build by exploring: found by replaying it. */
  async function refreshWatches(): Promise<void> {
    const seq = ++watchSeq;
    const state = store.getState();
    const trace = shownTrace(state);
    const watches = state.model.watches;
    if (!trace || trace.states.length === 0 || watches.length === 0) {
      if (state.traceView.watchResults) patch({ watchResults: undefined });
      return;
    }
    let request: CheckRequest;
    try {
      request = requestOf(state);
    } catch (error) {
      patch({ watchResults: { trace, rows: [], error: (error as Error).message } });
      return;
    }
    try {
      const spec = JSON.stringify(request);
      let found = paths.get(trace);
      if (found?.spec !== spec) {
        const answer = await calls.pathOfTrace(request, trace);
        found = {
          spec,
          path:
            'path' in answer
              ? answer.path
              : `Watches are evaluated on the trace replayed under the open spec, and state ${answer.step + 1} does not replay: ${answer.message}.`,
        };
        paths.set(trace, found);
      }
      if (seq !== watchSeq) return;
      if (typeof found.path === 'string') {
        patch({ watchResults: { trace, rows: [], error: found.path } });
        return;
      }
      const result = await explore({ ...request, path: found.path, watches });
      if (seq !== watchSeq) return;
      patch({
        watchResults: result.error
          ? { trace, rows: [], error: result.error.message }
          : { trace, rows: result.watches },
      });
    } catch (error) {
      if (seq === watchSeq)
        patch({ watchResults: { trace, rows: [], error: (error as Error).message } });
    }
  }

  const refreshSelectedChoices = () => refreshChoices();

  function onChange(state: AppStore, previous: AppStore): void {
    const edited = state.files !== previous.files;
    const modelChanged = edited || state.model !== previous.model;
    const view = state.traceView;
    if (view.source === 'explore') {
      const restart =
        modelChanged ||
        view.source !== previous.traceView.source ||
        view.explore.path !== previous.traceView.explore.path;
      if (restart) schedule(refreshExplore, edited ? EDIT_PAUSE_MS : 0);
      else if (state.selectedStep !== previous.selectedStep) {
        schedule(refreshSelectedChoices, STEP_PAUSE_MS);
      }
    } else if (modelChanged || shownTrace(state) !== shownTrace(previous)) {
      schedule(refreshWatches, edited ? EDIT_PAUSE_MS : 0);
    }
  }

  const unsubscribe = store.subscribe(onChange);
  // What a reload brought back (an explored path, watches on a kept counterexample).
  schedule(store.getState().traceView.source === 'explore' ? refreshExplore : refreshWatches, 0);
  return () => {
    for (const timer of timers.values()) clearTimeout(timer);
    unsubscribe();
  };
}
