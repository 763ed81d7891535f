import { describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../check/contract/types';
import { examples } from '../examples';
import { createJSONStorage } from 'zustand/middleware';
import { createAppStore, storageKey, type PersistedState } from './appStore';
import { debouncedStorage, type SyncStorage } from './debouncedStorage';

function memoryStorage(): SyncStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (name) => data.get(name) ?? null,
    setItem: (name, value) => void data.set(name, value),
    removeItem: (name) => void data.delete(name),
  };
}

/** The store over a synchronous JSON storage, so a second store sees the first one's writes. */
const storeOver = (memory: SyncStorage) =>
  createAppStore(createJSONStorage<PersistedState>(() => memory)!);

const result: CheckResult = {
  result: 'safety failure',
  distinctStates: 14,
  generatedStates: 73,
  depth: 7,
  durationMs: 12,
  queueLeft: 0,
  violated: 'NotSolved',
  output: [],
  graph: { states: [], edges: [], truncated: false },
};

describe('app store', () => {
  it('starts with the DieHard example and its config', () => {
    const store = storeOver(memoryStorage());
    const state = store.getState();
    expect(Object.keys(state.files)).toEqual(['DieHard.tla', 'DieHard.cfg']);
    expect(state.files['DieHard.tla']).toMatch(/MODULE DieHard/);
    expect(state.files['DieHard.cfg']).toMatch(/INVARIANTS TypeOK NotSolved/);
    expect(state.activeFile).toBe('DieHard.tla');
    expect(state.model).toMatchObject({ mainModule: 'DieHard', cfgFile: 'DieHard.cfg' });
  });

  it('keeps the user’s work across a reload', () => {
    const storage = memoryStorage();
    const before = storeOver(storage);
    before.getState().setFileText('DieHard.tla', '---- MODULE DieHard ----\n====');
    before.getState().addFile('MC.tla', '---- MODULE MC ----\n====');
    before.getState().setTheme('dark');
    before.getState().setPaneSizes({ sidePanelWidth: 420 });
    before.getState().runStarted();
    before.getState().runFinished(result);
    before.getState().selectStep(3);

    const after = storeOver(storage).getState();
    expect(after.files['DieHard.tla']).toBe('---- MODULE DieHard ----\n====');
    expect(after.activeFile).toBe('MC.tla');
    expect(after.view).toMatchObject({ theme: 'dark', sidePanelWidth: 420, activeView: 'trace' });
    expect(after.selectedStep).toBe(3);
    expect(after.run.status).toBe('done');
    expect(after.run.result?.violated).toBe('NotSolved');
    // The graph can be large; it is not worth the storage quota.
    expect(after.run.result?.graph).toBeUndefined();
  });

  it('keeps what a run checked, and a simulation’s figures, across a reload', () => {
    const storage = memoryStorage();
    const before = storeOver(storage);
    before.getState().simulationStarted();
    before
      .getState()
      .simulationFinished(
        { ...result, result: 'success', violated: undefined },
        { seed: 7, behaviours: 1000, steps: 5000, generatedStates: 9000, failures: 0 },
      );
    const after = storeOver(storage).getState();
    // Without its figures, a simulation's success would read as a whole check's.
    expect(after.run.simulation?.summary?.behaviours).toBe(1000);
    expect(after.run.checked?.mainModule).toBe('DieHard');
    expect(after.run.checked?.files['DieHard.tla']).toBe(before.getState().files['DieHard.tla']);
  });

  it('does not come back from a reload in a run whose worker is gone', () => {
    const storage = memoryStorage();
    storeOver(storage).getState().runStarted();
    expect(storeOver(storage).getState().run.status).toBe('cancelled');
  });

  it('fills settings missing from an older save with their defaults', () => {
    const storage = memoryStorage();
    const old = { files: { 'A.tla': 'x' }, activeFile: 'gone.tla', view: { theme: 'light' } };
    storage.setItem(storageKey, JSON.stringify({ state: old, version: 0 }));
    const state = storeOver(storage).getState();
    expect(state.files).toEqual({ 'A.tla': 'x' });
    expect(state.activeFile).toBe('A.tla');
    expect(state.view).toMatchObject({ theme: 'light', activeView: 'trace', editorFraction: 0.62 });
    expect(state.model.deadlock).toBe('cfg');
  });

  it('refuses a file name that is taken and never removes the last file', () => {
    const store = storeOver(memoryStorage());
    expect(store.getState().addFile('DieHard.cfg', '')).toBe(false);
    store.getState().removeFile('DieHard.tla');
    expect(store.getState().activeFile).toBe('DieHard.cfg');
    store.getState().removeFile('DieHard.cfg');
    expect(Object.keys(store.getState().files)).toEqual(['DieHard.cfg']);
  });

  it('keeps the run’s progress samples, ending with the final figures, and does not save them', () => {
    const storage = memoryStorage();
    const store = storeOver(storage);
    store.getState().runStarted();
    const progress = { distinctStates: 5, generatedStates: 20, queueSize: 3, depth: 2 };
    store.getState().runProgress({ ...progress, elapsedMs: 4 });
    store.getState().runProgress({ ...progress, elapsedMs: 8 });
    store.getState().runFinished(result);
    expect(store.getState().run.history?.map((p) => p.elapsedMs)).toEqual([4, 8, 12]);
    expect(store.getState().run.history?.at(-1)).toEqual({
      distinctStates: 14,
      generatedStates: 73,
      queueSize: 0,
      depth: 7,
      elapsedMs: 12,
    });
    expect(storeOver(storage).getState().run.history).toBeUndefined();
  });

  it('shows a run the engine stopped on a cancel as cancelled, with its figures', () => {
    const store = storeOver(memoryStorage());
    store.getState().runStarted();
    store.getState().runFinished({ ...result, result: 'success', stopped: 'cancelled' });
    expect(store.getState().run.status).toBe('cancelled');
    expect(store.getState().run.result?.distinctStates).toBe(14);
  });

  it('checks with one worker per core but one by default', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 4 });
    expect(storeOver(memoryStorage()).getState().model.workers).toBe(3);
    vi.stubGlobal('navigator', { hardwareConcurrency: 1 });
    expect(storeOver(memoryStorage()).getState().model.workers).toBe(1);
    vi.unstubAllGlobals();
  });

  it('loads an example over the current work and clears the last run', () => {
    const store = storeOver(memoryStorage());
    store.getState().setFileText('DieHard.tla', 'edited');
    store.getState().runFinished(result);
    store.getState().loadExample(examples[0]);
    expect(store.getState().files['DieHard.tla']).toMatch(/MODULE DieHard/);
    expect(store.getState().run).toEqual({ status: 'idle' });
  });
});

describe('debounced storage', () => {
  it('writes once per burst, as JSON, and answers reads from what is pending', () => {
    vi.useFakeTimers();
    const target = memoryStorage();
    const setItem = vi.spyOn(target, 'setItem');
    const storage = debouncedStorage<{ n: number }>(target, 100);
    storage.setItem('k', { state: { n: 1 }, version: 1 });
    storage.setItem('k', { state: { n: 2 }, version: 1 });
    expect(storage.getItem('k')).toEqual({ state: { n: 2 }, version: 1 });
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(JSON.parse(target.data.get('k')!)).toEqual({ state: { n: 2 }, version: 1 });
    vi.useRealTimers();
  });

  it('ignores a corrupt save', () => {
    const target = memoryStorage();
    target.setItem('k', '{not json');
    expect(debouncedStorage(target, 0).getItem('k')).toBeNull();
  });

  it('survives a full quota', () => {
    const storage = debouncedStorage<number>(
      {
        getItem: () => null,
        removeItem: () => undefined,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      },
      0,
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    storage.setItem('k', { state: 1 });
    expect(() => storage.flush()).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
