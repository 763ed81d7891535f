/**
 * Quint's own diagnostics in the editor (issue #20): some time after a `.qnt` file changes, the
 * language worker runs Quint's front end on the Quint files (parse, names, types, effects; the
 * package loads there the first time, never in the page) and its problems become markers (owner
 * `quint`) at their ranges in every open Quint file.
 */
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import { languageWorker } from '../engine/languageWorker';
import type { FilesSource } from './languageFeatures';
import type { Monaco } from './monacoSetup';
import { quintLanguageId } from './quintLanguage';

const DELAY_MS = 300;

export function quintDiagnostics(
  monaco: Monaco,
  files: FilesSource,
): (model: MonacoEditor.ITextModel) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const fileOf = (m: MonacoEditor.ITextModel) => m.uri.path.replace(/^.*\//, '');
  const analyze = async (main: string, mine: number) => {
    const { diagnostics } = await (await languageWorker()).quint(files(), main);
    if (mine !== generation) return;
    for (const m of monaco.editor.getModels()) {
      if (m.getLanguageId() !== quintLanguageId) continue;
      const markers = diagnostics
        .filter((d) => d.range.module === fileOf(m))
        .map((d) => ({
          severity:
            d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: d.message,
          source: 'quint',
          startLineNumber: d.range.start.line,
          startColumn: d.range.start.column,
          endLineNumber: d.range.end.line,
          endColumn: d.range.end.column,
        }));
      monaco.editor.setModelMarkers(m, 'quint', markers);
    }
  };
  return (model) => {
    if (model.getLanguageId() !== quintLanguageId) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const mine = ++generation;
      void analyze(fileOf(model), mine).catch(() => undefined);
    }, DELAY_MS);
  };
}
