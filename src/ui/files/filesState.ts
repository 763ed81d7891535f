/**
 * What the page shows of your files (the projects' list, where they are kept, a notice), apart from
 * the code that keeps them (sync.ts, with IndexedDB), which loads after the first paint.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ProjectBackend } from './backend';
import type { ProjectSummary } from './projects';

export interface FilesNotice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export interface FilesState {
  ready: boolean;
  backend?: ProjectBackend['kind'];
  /** Why projects are in localStorage rather than IndexedDB. */
  fallbackReason?: string;
  projects: ProjectSummary[];
  currentId?: string;
  notice?: FilesNotice;
}

export const filesStore = createStore<FilesState>()(() => ({ ready: false, projects: [] }));

export function useFiles<T>(selector: (state: FilesState) => T): T {
  return useStore(filesStore, selector);
}

export function showFilesNotice(notice: FilesNotice | undefined): void {
  filesStore.setState({ notice });
}
