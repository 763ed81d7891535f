import { describe, expect, it } from 'vitest';
import { createJSONStorage } from 'zustand/middleware';
import type { CheckResult, Trace } from '../../check/contract/types';
import { createAppStore, type PersistedState } from '../store/appStore';
import { shownTrace } from './state';

function memory() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}
const storeOver = (m: ReturnType<typeof memory>) =>
  createAppStore(createJSONStorage<PersistedState>(() => m)!);

const trace = (label: string): Trace => ({
  vars: ['x'],
  states: [{ x: { '#bigint': '0' } }],
  steps: [{ action: label, params: [], label }],
});

describe('trace view state', () => {
  it('shows the trace of the chosen source', () => {
    const store = storeOver(memory());
    const result = { trace: trace('checked') } as CheckResult;
    store.getState().runFinished(result);
    expect(shownTrace(store.getState())?.steps[0].label).toBe('checked');
    store.setState({
      traceView: {
        ...store.getState().traceView,
        source: 'explore',
        explore: { path: [0], busy: false, trace: trace('explored') },
      },
    });
    expect(shownTrace(store.getState())?.steps[0].label).toBe('explored');
    // A new check brings its trace back into view.
    store.getState().runStarted();
    expect(store.getState().traceView.source).toBe('check');
  });

  it('keeps the explored path, settings and watches across a reload, not the traces', () => {
    const storage = memory();
    const before = storeOver(storage);
    before.getState().updateModel({ watches: ['big + small'] });
    before.setState({
      traceView: {
        ...before.getState().traceView,
        source: 'explore',
        pinned: ['big'],
        onlyChanged: true,
        explore: { path: [0, 3], busy: true, trace: trace('explored') },
      },
    });
    const after = storeOver(storage).getState();
    expect(after.model.watches).toEqual(['big + small']);
    expect(after.traceView).toMatchObject({
      source: 'explore',
      pinned: ['big'],
      onlyChanged: true,
    });
    expect(after.traceView.explore).toEqual({ path: [0, 3], busy: false });
  });

  it('does not come back from a reload showing an opened trace it did not keep', () => {
    const storage = memory();
    const before = storeOver(storage);
    before.setState({
      traceView: { ...before.getState().traceView, source: 'imported', imported: trace('file') },
    });
    expect(storeOver(storage).getState().traceView.source).toBe('check');
  });
});
