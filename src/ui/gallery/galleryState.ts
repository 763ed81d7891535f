/**
 * The gallery's own state, apart from the app store: whether the dialog is open, how many hints
 * the learner has opened, and the last goal check's verdict. None of it is worth persisting; the
 * open example is recognised from the open model (currentExample), so it survives a reload.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useEffect, useState } from 'react';
import { gallery, loadedExample, loadExample, type ExampleMeta } from '../examples';
import { currentExample } from './currentExample';

export { currentExample };
import { appStore, useApp, type AppState } from '../store';
import type { GoalVerdict } from './goal';

export interface GoalCheck {
  exampleId: string;
  /** The files the verdict is about: an edit since makes it stale. */
  files: Record<string, string>;
  checking: boolean;
  verdict?: GoalVerdict;
}

interface GalleryState {
  open: boolean;
  /** The side panel's description is open: after opening an example, not on a fresh start. */
  infoOpen: boolean;
  /** Hints shown so far, per example id. */
  hintsShown: Record<string, number>;
  goalCheck?: GoalCheck;
  /** Why the last example could not be opened (its files did not load, e.g. offline). */
  loadError?: string;
}

export const galleryStore = createStore<GalleryState>()(() => ({
  open: false,
  infoOpen: false,
  hintsShown: {},
}));

export function useGallery<T>(selector: (state: GalleryState) => T): T {
  return useStore(galleryStore, selector);
}

export const openGallery = () => galleryStore.setState({ open: true });
export const closeGallery = () => galleryStore.setState({ open: false, loadError: undefined });

/** currentExample, fetching the files of an example whose names match, to compare contents. */
export function useCurrentExample(): ExampleMeta | undefined {
  const files = useApp((s) => s.files);
  const model = useApp((s) => s.model);
  const [, loadedOne] = useState(0);
  const candidate =
    model.example === undefined
      ? gallery.find((e) => e.mainModule === model.mainModule && e.cfgFile === model.cfgFile)
      : undefined;
  useEffect(() => {
    if (!candidate || loadedExample(candidate.id)) return;
    let live = true;
    loadExample(candidate).then(
      () => live && loadedOne((n) => n + 1),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [candidate]);
  return currentExample({ files, model });
}

/** True when opening another example would lose something: files not as an example shipped them. */
export async function hasOwnChanges(state: Pick<AppState, 'files' | 'model'>): Promise<boolean> {
  const meta = currentExample(state);
  if (!meta) return true;
  const example = await loadExample(meta);
  const names = Object.keys(state.files);
  return (
    names.length !== Object.keys(example.files).length ||
    names.some((name) => state.files[name] !== example.files[name])
  );
}

/** Opens the example, replacing the open files; says so in the gallery if its files do not load. */
export async function openExample(meta: ExampleMeta): Promise<void> {
  let example;
  try {
    example = await loadExample(meta);
  } catch (error) {
    galleryStore.setState({
      open: true,
      loadError: `${meta.title} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  appStore.getState().loadExample(example);
  galleryStore.setState((s) => ({
    open: false,
    infoOpen: true,
    loadError: undefined,
    goalCheck: undefined,
    hintsShown: { ...s.hintsShown, [example.id]: 0 },
  }));
}

export function showNextHint(example: ExampleMeta): void {
  galleryStore.setState((s) => ({
    hintsShown: { ...s.hintsShown, [example.id]: (s.hintsShown[example.id] ?? 0) + 1 },
  }));
}
