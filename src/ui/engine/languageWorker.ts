/**
 * The language worker (workers/languageApi.ts), one for the page: the editor's diagnostics,
 * hover, definitions and outline, and the PlusCal translator (before a run, the editor's PlusCal
 * markers, a trace step's label), so that none of that work runs on the main thread. Started on
 * first use; comlink is loaded with it, not in the first load.
 */
import type { Remote } from 'comlink';
import type { LanguageApi } from '../../../workers/languageApi';

let api: Promise<Remote<LanguageApi>> | undefined;

export function languageWorker(): Promise<Remote<LanguageApi>> {
  api ??= import('comlink').then((Comlink) =>
    Comlink.wrap<LanguageApi>(
      new Worker(new URL('../../../workers/language.worker.ts', import.meta.url), {
        type: 'module',
        name: 'specstage-language',
      }),
    ),
  );
  return api;
}
