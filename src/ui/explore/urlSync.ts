/**
 * Keeps the URL's hash and the store in step for the trace viewer's keys (urlState.ts): a link or
 * a reload opens at the same step of the same explored path. Writes replace the history entry
 * (stepping is not navigation) and wait for a pause, since browsers throttle rapid URL updates.
 */
import type { AppStore } from '../store';
import { shownTrace } from './state';
import { readTraceUrl, writeTraceUrl } from './urlState';

type Store = {
  getState(): AppStore;
  setState(partial: Partial<AppStore>): void;
  subscribe(listener: (state: AppStore, previous: AppStore) => void): () => void;
};

const WRITE_PAUSE_MS = 150;

export function startUrlSync(store: Store): () => void {
  const apply = () => {
    const url = readTraceUrl(location.hash);
    const state = store.getState();
    const change: Partial<AppStore> = {};
    const view = state.traceView;
    if (
      url.explore &&
      (view.source !== 'explore' || url.explore.join('.') !== view.explore.path.join('.'))
    ) {
      change.traceView = {
        ...view,
        source: 'explore',
        explore: { ...view.explore, path: url.explore },
      };
    }
    if (url.step !== undefined && url.step !== state.selectedStep) change.selectedStep = url.step;
    if (Object.keys(change).length > 0) store.setState(change);
  };

  const write = () => {
    const state = store.getState();
    const exploring = state.traceView.source === 'explore';
    const hash = writeTraceUrl(location.hash, {
      step: exploring || shownTrace(state) ? state.selectedStep : undefined,
      explore: exploring ? state.traceView.explore.path : undefined,
    });
    if (hash !== location.hash) {
      history.replaceState(history.state, '', hash || location.pathname + location.search);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((state, previous) => {
    const moved =
      state.selectedStep !== previous.selectedStep ||
      state.traceView.source !== previous.traceView.source ||
      state.traceView.explore.path !== previous.traceView.explore.path ||
      shownTrace(state) !== shownTrace(previous);
    if (!moved) return;
    clearTimeout(timer);
    timer = setTimeout(write, WRITE_PAUSE_MS);
  });

  apply();
  addEventListener('hashchange', apply);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    removeEventListener('hashchange', apply);
  };
}
