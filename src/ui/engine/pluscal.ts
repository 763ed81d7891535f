/**
 * PlusCal before a run: TLC checks a module's translation, never its algorithm, so an algorithm
 * edited and not translated again would be checked as its old self. Before a check or a
 * simulation, each module the model reads that holds an algorithm is looked at
 * (src/pluscal/stale.ts): a stale translation is replaced by the algorithm's (in the open file,
 * so the editor shows it), and an algorithm that does not translate stops the run with
 * the translator's message (the editor marks it at its place: src/ui/editor/pluscalMarkers.ts).
 * The translator is loaded only when a module holds an algorithm.
 */
import { appStore } from '../store';
import { loadPlusCalLabels, modulesRead } from './pluscalLabels';

const ALGORITHM = /--(?:fair\s+)?algorithm\b/;

export type PlusCalPreparation =
  | { ok: true; /** Modules whose translation was replaced. */ translated: string[] }
  | { ok: false; message: string };

/** Brings the translations of the model's modules up to date, or says why it cannot. */
export async function preparePlusCal(): Promise<PlusCalPreparation> {
  const { files, model } = appStore.getState();
  const candidates = modulesRead(files, model.mainModule).filter((f) => ALGORITHM.test(files[f]));
  if (candidates.length === 0) return { ok: true, translated: [] };
  const [{ translationState }] = await Promise.all([
    import('../../pluscal/stale'),
    loadPlusCalLabels(),
  ]);
  const translated: string[] = [];
  for (const name of candidates) {
    const text = appStore.getState().files[name];
    const state = translationState(text);
    if (state.kind === 'error') {
      const message = state.error.message.replace(/\s*\n\s*/g, ' ');
      return {
        ok: false,
        message: `the PlusCal algorithm of ${name} does not translate: ${message}. Fix it (it is marked in the editor) and run again.`,
      };
    }
    if (state.kind === 'stale') {
      appStore.getState().setFileText(name, state.translation.text);
      translated.push(name);
    }
  }
  return { ok: true, translated };
}
