/**
 * Batches writes to a synchronous storage. The persisted state holds whole spec files and the last
 * trace; serialising it on every keystroke would make typing slow on big specs.
 */
import type { StateStorage } from 'zustand/middleware';

export interface DebouncedStorage extends StateStorage {
  /** Writes what is pending now (before the page goes away). */
  flush(): void;
}

export type SyncStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function debouncedStorage(target: SyncStorage, delayMs: number): DebouncedStorage {
  const pending = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const [name, value] of pending) {
      try {
        target.setItem(name, value);
      } catch (error) {
        // A full storage quota must not break the app; the previous save stays.
        console.warn(`specstage: could not save the workspace (${String(error)})`);
      }
    }
    pending.clear();
  };

  return {
    getItem: (name) => pending.get(name) ?? target.getItem(name),
    setItem: (name, value) => {
      pending.set(name, value);
      timer ??= setTimeout(flush, delayMs);
    },
    removeItem: (name) => {
      pending.delete(name);
      target.removeItem(name);
    },
    flush,
  };
}
