/**
 * What the share feature tells the user, outside the persisted app store: a banner after opening
 * a link (what opened, or why it did not) and the work a link replaced, kept so it can come back.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface ShareNotice {
  tone: 'info' | 'warning' | 'error';
  title: string;
  detail?: string;
  /** A link replaced the user's files: offer them back. */
  canRestore?: boolean;
}

export const shareStore = createStore<{ notice?: ShareNotice }>()(() => ({}));

export function useShareNotice(): ShareNotice | undefined {
  return useStore(shareStore, (s) => s.notice);
}

export function showNotice(notice: ShareNotice | undefined): void {
  shareStore.setState({ notice });
}
