/**
 * How many errors the editor marks in each open file (live analysis and the last check), so that
 * a tab can show a file has problems while another file is being edited: a .cfg naming an
 * invariant that was just renamed in the module, say. Not persisted: the editor recomputes it.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export const problemsStore = createStore<{ errors: Record<string, number> }>()(() => ({
  errors: {},
}));

export function useFileErrors(name: string): number {
  return useStore(problemsStore, (s) => s.errors[name] ?? 0);
}
