/**
 * Where a PlusCal label's statements are in the algorithm, for a trace step made by the action
 * the label became (`a(self)` comes from `a:`): clicking the step shows the algorithm rather than
 * its translation. Synchronous for the trace view: it answers once the translator is loaded (a
 * run of a model with an algorithm loads it: engine/pluscal.ts), and keeps the labels of the last
 * text it read. Also: which open modules a model reads (`modulesRead`), whose translations a run
 * brings up to date.
 */
import type { Position } from '../../tla/ast/ast';

interface Span {
  start: Position;
  end: Position;
}

type Translate = typeof import('../../pluscal/translate').translateModule;

const ALGORITHM = /--(?:fair\s+)?algorithm\b/;
let translate: Translate | undefined;
let loading: Promise<void> | undefined;
let cached: { text: string; labels: Map<string, Span> } | undefined;

/** Loads the translator for the labels (a run of a model with an algorithm does it). */
export function loadPlusCalLabels(): Promise<void> {
  loading ??= import('../../pluscal/translate').then((m) => {
    translate = m.translateModule;
  });
  return loading;
}

/** The editor column (1-based) of a tab-expanded 0-based column `col` on `line`. */
function editorColumn(line: string, col: number): number {
  let shown = 0;
  for (let i = 0; i < line.length; i++) {
    if (shown >= col) return i + 1;
    shown = line[i] === '\t' ? shown + 8 - (shown % 8) : shown + 1;
  }
  return line.length + 1;
}

/** The range of label `label`'s statements in the algorithm of `text`, if it has that label. */
export function pluscalLabelRange(text: string | undefined, label: string): Span | undefined {
  if (text === undefined || !ALGORITHM.test(text)) return undefined;
  if (!translate) {
    void loadPlusCalLabels();
    return undefined;
  }
  if (cached?.text !== text) {
    const r = translate(text);
    const lines = text.split(/\r\n|\r|\n/);
    const labels = new Map<string, Span>();
    if (r.ok)
      for (const { label: name, region } of r.labels) {
        const { begin, end } = region;
        labels.set(name, {
          start: { line: begin.line + 1, column: editorColumn(lines[begin.line] ?? '', begin.col) },
          end: { line: end.line + 1, column: editorColumn(lines[end.line] ?? '', end.col) },
        });
      }
    cached = { text, labels };
  }
  return cached.labels.get(label);
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
