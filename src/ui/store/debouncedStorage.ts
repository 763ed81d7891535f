/**
 * Persist storage for zustand that batches writes: the persisted state holds whole spec files and
 * the last trace, and serialising it on every keystroke would make typing slow on big specs. The
 * state is stringified only when a batch is written.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';

export type SyncStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DebouncedStorage<S> extends PersistStorage<S> {
  /** Writes what is pending now (before the page goes away). */
  flush(): void;
}

export function debouncedStorage<S>(target: SyncStorage, delayMs: number): DebouncedStorage<S> {
  const pending = new Map<string, StorageValue<S>>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const [name, value] of pending) {
      try {
        target.setItem(name, JSON.stringify(value));
      } catch (error) {
        // A full storage quota must not break the app; the previous save stays.
        console.warn(`specstage: could not save the workspace (${String(error)})`);
      }
    }
    pending.clear();
  };

  return {
    getItem: (name) => {
      const value = pending.get(name);
      if (value) return value;
      const text = target.getItem(name);
      try {
        return text === null ? null : (JSON.parse(text) as StorageValue<S>);
      } catch {
        // A corrupt save is ignored rather than blocking the app at start.
        return null;
      }
    },
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
