/** Which gallery example the open files are (pure: no store, no fetch). */
import { gallery, loadedExample, type ExampleMeta } from '../examples';
import type { AppState } from '../store/state';

/**
 * The gallery example the open model is, if any. By provenance: the example these files were
 * opened from (`model.example`), while its module and config are the model, edits and all (an
 * exercise is edited). Failing that, by content: the example's files as shipped, unchanged (a
 * share link of it, its files dropped in). Never by file names alone: a TwoPhase.tla of your own
 * is not the gallery's. Content is compared only with examples whose files are at hand
 * (`useCurrentExample` fetches the one whose names match).
 */
export function currentExample(state: Pick<AppState, 'files' | 'model'>): ExampleMeta | undefined {
  const { files, model } = state;
  const named = (e: ExampleMeta) =>
    e.mainModule === model.mainModule &&
    e.cfgFile === model.cfgFile &&
    `${e.mainModule}.tla` in files &&
    e.cfgFile in files;
  if (model.example !== undefined) {
    const origin = gallery.find((e) => e.id === model.example);
    return origin && named(origin) ? origin : undefined;
  }
  return gallery.find((e) => {
    if (!named(e)) return false;
    const shipped = loadedExample(e.id)?.files;
    return !!shipped && Object.entries(shipped).every(([name, text]) => files[name] === text);
  });
}
