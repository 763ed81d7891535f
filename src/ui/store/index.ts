/** The app's one store, saved to localStorage, and the hook components read it with. */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createAppStore, type AppStore, type PersistedState } from './appStore';
import { debouncedStorage } from './debouncedStorage';

const storage = debouncedStorage<PersistedState>(localStorage, 300);
addEventListener('pagehide', () => storage.flush());

export const appStore = createAppStore(storage);

export function useApp<T>(selector: (state: AppStore) => T): T {
  return useStore(appStore, selector);
}

/** The open files' names in tab order; re-renders only when they change, not on typing. */
export function useFileNames(): string[] {
  return useStore(
    appStore,
    useShallow((s) => Object.keys(s.files)),
  );
}

export type { AppStore } from './appStore';
export type * from './state';
