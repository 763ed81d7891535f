import { describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../check/types';
import { examples } from '../examples';
import { createAppStore, storageKey } from './appStore';
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
    const store = createAppStore(memoryStorage());
    const state = store.getState();
    expect(Object.keys(state.files)).toEqual(['DieHard.tla', 'DieHard.cfg']);
    expect(state.files['DieHard.tla']).toMatch(/MODULE DieHard/);
    expect(state.files['DieHard.cfg']).toMatch(/INVARIANTS TypeOK NotSolved/);
    expect(state.activeFile).toBe('DieHard.tla');
    expect(state.model).toMatchObject({ mainModule: 'DieHard', cfgFile: 'DieHard.cfg' });
  });

  it('keeps the user’s work across a reload', () => {
    const storage = memoryStorage();
    const before = createAppStore(storage);
    before.getState().setFileText('DieHard.tla', '---- MODULE DieHard ----\n====');
    before.getState().addFile('MC.tla', '---- MODULE MC ----\n====');
    before.getState().setTheme('dark');
    before.getState().setPaneSizes({ sidePanelWidth: 420 });
    before.getState().runStarted();
    before.getState().runFinished(result);
    before.getState().selectStep(3);

    const after = createAppStore(storage).getState();
    expect(after.files['DieHard.tla']).toBe('---- MODULE DieHard ----\n====');
    expect(after.activeFile).toBe('MC.tla');
    expect(after.view).toMatchObject({ theme: 'dark', sidePanelWidth: 420, activeView: 'trace' });
    expect(after.selectedStep).toBe(3);
    expect(after.run.status).toBe('done');
    expect(after.run.result?.violated).toBe('NotSolved');
    // The graph can be large; it is not worth the storage quota.
    expect(after.run.result?.graph).toBeUndefined();
  });

  it('does not come back from a reload in a run whose worker is gone', () => {
    const storage = memoryStorage();
    createAppStore(storage).getState().runStarted();
    expect(createAppStore(storage).getState().run.status).toBe('cancelled');
  });

  it('fills settings missing from an older save with their defaults', () => {
    const storage = memoryStorage();
    const old = { files: { 'A.tla': 'x' }, activeFile: 'gone.tla', view: { theme: 'light' } };
    storage.setItem(storageKey, JSON.stringify({ state: old, version: 0 }));
    const state = createAppStore(storage).getState();
    expect(state.files).toEqual({ 'A.tla': 'x' });
    expect(state.activeFile).toBe('A.tla');
    expect(state.view).toMatchObject({ theme: 'light', activeView: 'trace', editorFraction: 0.62 });
    expect(state.model.deadlock).toBe('cfg');
  });

  it('refuses a file name that is taken and never removes the last file', () => {
    const store = createAppStore(memoryStorage());
    expect(store.getState().addFile('DieHard.cfg', '')).toBe(false);
    store.getState().removeFile('DieHard.tla');
    expect(store.getState().activeFile).toBe('DieHard.cfg');
    store.getState().removeFile('DieHard.cfg');
    expect(Object.keys(store.getState().files)).toEqual(['DieHard.cfg']);
  });

  it('loads an example over the current work and clears the last run', () => {
    const store = createAppStore(memoryStorage());
    store.getState().setFileText('DieHard.tla', 'edited');
    store.getState().runFinished(result);
    store.getState().loadExample(examples[0]);
    expect(store.getState().files['DieHard.tla']).toMatch(/MODULE DieHard/);
    expect(store.getState().run).toEqual({ status: 'idle' });
  });
});

describe('debounced storage', () => {
  it('writes once per burst and answers reads from what is pending', () => {
    vi.useFakeTimers();
    const target = memoryStorage();
    const setItem = vi.spyOn(target, 'setItem');
    const storage = debouncedStorage(target, 100);
    storage.setItem('k', '1');
    storage.setItem('k', '2');
    expect(storage.getItem('k')).toBe('2');
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(target.data.get('k')).toBe('2');
    vi.useRealTimers();
  });

  it('survives a full quota', () => {
    const storage = debouncedStorage(
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
    storage.setItem('k', 'v');
    expect(() => storage.flush()).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
