/** The app's one store, saved to localStorage, and the hook components read it with. */
import { useStore } from 'zustand';
import { createAppStore, type AppStore, type PersistedState } from './appStore';
import { debouncedStorage } from './debouncedStorage';

const storage = debouncedStorage<PersistedState>(localStorage, 300);
addEventListener('pagehide', () => storage.flush());

export const appStore = createAppStore(storage);

export function useApp<T>(selector: (state: AppStore) => T): T {
  return useStore(appStore, selector);
}

export type { AppStore } from './appStore';
export type * from './state';
