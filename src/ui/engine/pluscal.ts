/**
 * PlusCal before a run: TLC checks a module's translation, never its algorithm, so an algorithm
 * edited and not translated again would be checked as its old self. Before a check or a
 * simulation, each module the model reads that holds an algorithm is looked at
 * (src/pluscal/stale.ts, in the language worker: the translator takes 5-80 ms, which the main
 * thread must not spend): a stale translation is replaced by the algorithm's (in the open file,
 * so the editor shows it), and an algorithm that does not translate stops the run with the
 * translator's message (the editor marks it at its place: src/ui/editor/pluscalMarkers.ts).
 */
import { appStore } from '../store';
import { languageWorker } from './languageWorker';
import { modulesRead, rememberPlusCalLabels } from './pluscalLabels';

const ALGORITHM = /--(?:fair\s+)?algorithm\b/;

export type PlusCalPreparation =
  | { ok: true; /** Modules whose translation was replaced. */ translated: string[] }
  | { ok: false; message: string };

/** Brings the translations of the model's modules up to date, or says why it cannot. */
export async function preparePlusCal(): Promise<PlusCalPreparation> {
  const { files, model } = appStore.getState();
  const candidates = modulesRead(files, model.mainModule).filter((f) => ALGORITHM.test(files[f]));
  if (candidates.length === 0) return { ok: true, translated: [] };
  const api = await languageWorker();
  const translated: string[] = [];
  for (const name of candidates) {
    const text = appStore.getState().files[name];
    const state = await api.plusCal(text);
    rememberPlusCalLabels(text, state);
    if (state.kind === 'error') {
      const message = state.message.replace(/\s*\n\s*/g, ' ');
      return {
        ok: false,
        message: `the PlusCal algorithm of ${name} does not translate: ${message}. Fix it (it is marked in the editor) and run again.`,
      };
    }
    // Edited meanwhile: the run goes with the text as it is now, and looks at it again next time.
    if (state.kind === 'stale' && appStore.getState().files[name] === text) {
      appStore.getState().setFileText(name, state.text);
      translated.push(name);
    }
  }
  return { ok: true, translated };
}
