/**
 * Where a PlusCal label's statements are in the algorithm, for a trace step made by the action
 * the label became (`a(self)` comes from `a:`): clicking the step shows the algorithm rather than
 * its translation. Synchronous for the trace view: it answers from the labels the language worker
 * gave for that text (workers/languageApi.ts: a run of a model with an algorithm asks for them,
 * engine/pluscal.ts, as do the editor's PlusCal markers), and asks for a text it has not seen.
 * Also: which open modules a model reads (`modulesRead`), whose translations a run brings up to
 * date.
 */
import type { PlusCalSummary } from '../../../workers/languageApi';
import type { Position } from '../../tla/ast/ast';
import { languageWorker } from './languageWorker';

interface Span {
  start: Position;
  end: Position;
}

const ALGORITHM = /--(?:fair\s+)?algorithm\b/;
/** Labels of the last few texts summarised (the text before a run's translation and after). */
const known = new Map<string, Map<string, Span>>();
const KEEP = 4;

/** The editor column (1-based) of a tab-expanded 0-based column `col` on `line`. */
function editorColumn(line: string, col: number): number {
  let shown = 0;
  for (let i = 0; i < line.length; i++) {
    if (shown >= col) return i + 1;
    shown = line[i] === '\t' ? shown + 8 - (shown % 8) : shown + 1;
  }
  return line.length + 1;
}

/** Keeps the labels of a summary of `text` (and of its translated text, where the labels are too). */
export function rememberPlusCalLabels(text: string, summary: PlusCalSummary): void {
  if (summary.kind !== 'current' && summary.kind !== 'stale') return;
  for (const t of new Set([text, summary.text])) {
    const lines = t.split(/\r\n|\r|\n/);
    const labels = new Map<string, Span>();
    for (const { label, region } of summary.labels) {
      const { begin, end } = region;
      labels.set(label, {
        start: { line: begin.line + 1, column: editorColumn(lines[begin.line] ?? '', begin.col) },
        end: { line: end.line + 1, column: editorColumn(lines[end.line] ?? '', end.col) },
      });
    }
    known.delete(t);
    known.set(t, labels);
  }
  while (known.size > KEEP) known.delete(known.keys().next().value!);
}

/** The range of label `label`'s statements in the algorithm of `text`, if it has that label. */
export function pluscalLabelRange(text: string | undefined, label: string): Span | undefined {
  if (text === undefined || !ALGORITHM.test(text)) return undefined;
  const labels = known.get(text);
  if (!labels) {
    // Asked for next time (the worker answers in milliseconds); the translation's range till then.
    void languageWorker()
      // comlink's Remote splits a promised union into a union of promises; it is one promise.
      .then((api) => api.plusCal(text) as Promise<PlusCalSummary>)
      .then((summary) => rememberPlusCalLabels(text, summary))
      .catch(() => undefined);
    return undefined;
  }
  return labels.get(label);
}

/** The modules `main` reads (EXTENDS and INSTANCE, transitively) among the open `.tla` files. */
export function modulesRead(files: Record<string, string>, main: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const file = `${name}.tla`;
    if (seen.has(file) || !(file in files)) return;
    seen.add(file);
    const text = files[file];
    for (const m of text.matchAll(/\bEXTENDS\s+(\w+(?:\s*,\s*\w+)*)/g))
      for (const n of m[1].split(',')) visit(n.trim());
    for (const m of text.matchAll(/\bINSTANCE\s+(\w+)/g)) visit(m[1]);
  };
  visit(main);
  return [...seen];
}
