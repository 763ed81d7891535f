/**
 * Errors in a PlusCal algorithm, marked where the translator says they are: after typing stops,
 * a module holding an algorithm is translated (src/pluscal, in the language worker) and the
 * translator's error, if any, becomes an editor marker (owner `pluscal`) on the token at each
 * `line L, column C` its message gives (columns count a tab as pcal.trans does, up to the next
 * multiple of 8), or on the algorithm's first line when it gives none.
 */
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import { languageWorker } from '../engine/languageWorker';
import { rememberPlusCalLabels } from '../engine/pluscalLabels';
import type { Monaco } from './monacoSetup';

const ALGORITHM = /--(?:fair\s+)?algorithm\b/;
const DELAY_MS = 300;

export interface MarkerRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** The editor column (1-based) of pcal.trans's column `col` on `line` (tabs to multiples of 8). */
function editorColumn(line: string, col: number): number {
  let shown = 0;
  for (let i = 0; i < line.length; i++) {
    if (shown >= col - 1) return i + 1;
    shown = line[i] === '\t' ? shown + 8 - (shown % 8) : shown + 1;
  }
  return line.length + 1;
}

/** Where a translator message points in `text`: each `line L, column C`, on its token. */
export function pluscalErrorRanges(text: string, message: string): MarkerRange[] {
  const lines = text.split(/\r\n|\r|\n/);
  const ranges: MarkerRange[] = [];
  for (const m of message.matchAll(/line (\d+), column (\d+)/g)) {
    const lineNumber = Number(m[1]);
    const line = lines[lineNumber - 1];
    if (line === undefined) continue;
    const start = editorColumn(line, Number(m[2]));
    const token = /^\S*/.exec(line.slice(start - 1))?.[0] ?? '';
    ranges.push({
      startLineNumber: lineNumber,
      startColumn: start,
      endLineNumber: lineNumber,
      endColumn: start + Math.max(1, token.length),
    });
  }
  if (ranges.length === 0) {
    const at = lines.findIndex((l) => ALGORITHM.test(l));
    if (at >= 0)
      ranges.push({
        startLineNumber: at + 1,
        startColumn: 1,
        endLineNumber: at + 1,
        endColumn: lines[at].length + 1,
      });
  }
  return ranges;
}

/** Marks the algorithm errors of a model some time after it changes (newer changes supersede). */
export function pluscalDiagnostics(monaco: Monaco): (model: MonacoEditor.ITextModel) => void {
  const timers = new Map<MonacoEditor.ITextModel, ReturnType<typeof setTimeout>>();
  const mark = async (model: MonacoEditor.ITextModel) => {
    if (model.isDisposed()) return;
    const text = model.getValue();
    if (!ALGORITHM.test(text)) {
      monaco.editor.setModelMarkers(model, 'pluscal', []);
      return;
    }
    // The translator runs in the language worker: 5-80 ms the main thread does not spend.
    const summary = await (await languageWorker()).plusCal(text);
    rememberPlusCalLabels(text, summary);
    if (model.isDisposed() || model.getValue() !== text) return;
    const markers =
      summary.kind !== 'error'
        ? []
        : pluscalErrorRanges(text, summary.message).map((range) => ({
            ...range,
            severity: monaco.MarkerSeverity.Error,
            message: `PlusCal: ${summary.message.replace(/\s*\n\s*/g, ' ')}`,
            source: 'pcal.trans',
          }));
    monaco.editor.setModelMarkers(model, 'pluscal', markers);
  };
  return (model) => {
    if (!model.uri.path.endsWith('.tla')) return;
    const t = timers.get(model);
    if (t) clearTimeout(t);
    timers.set(
      model,
      setTimeout(() => {
        timers.delete(model);
        void mark(model);
      }, DELAY_MS),
    );
  };
}
