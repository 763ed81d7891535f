/**
 * The last syntax tree of each recently parsed file, so that parsing the file again after an edit
 * is incremental: tree-sitter reuses the untouched parts of the old tree. The editor re-analyses
 * on every change, and a full parse of a 1,000-line spec costs 50–150 ms where a small edit costs
 * a few. The edit is found by comparing old and new text (common prefix and suffix).
 */
import { Edit, type Tree } from 'web-tree-sitter';

const MAX_TREES = 16;

export class TreeCache {
  /** In least- to most-recently used order (a Map iterates in insertion order). */
  private readonly entries = new Map<string, { text: string; tree: Tree }>();

  /** The file's previous tree, edited to line up with `text`; null if there is none. */
  previousTree(fileName: string, text: string): Tree | null {
    const entry = this.entries.get(fileName);
    if (!entry) return null;
    if (entry.text !== text) {
      entry.tree.edit(editBetween(entry.text, text));
      entry.text = text;
    }
    return entry.tree;
  }

  /** Keeps `tree` as the file's tree (the cache owns it now) and frees the one it replaces. */
  store(fileName: string, text: string, tree: Tree): void {
    const old = this.entries.get(fileName);
    this.entries.delete(fileName);
    if (old && old.tree !== tree) old.tree.delete();
    this.entries.set(fileName, { text, tree });
    while (this.entries.size > MAX_TREES) {
      const [oldest, entry] = this.entries.entries().next().value!;
      entry.tree.delete(); // trees live in WebAssembly memory, not the JS heap
      this.entries.delete(oldest);
    }
  }

  /** Forgets the file's tree (e.g. when the parse of the new text was abandoned). */
  forget(fileName: string): void {
    this.entries.get(fileName)?.tree.delete();
    this.entries.delete(fileName);
  }
}

/** The single edit turning `before` into `after`: the span between their common prefix and suffix. */
export function editBetween(before: string, after: string): Edit {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (
    oldEnd > start &&
    newEnd > start &&
    before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)
  ) {
    oldEnd--;
    newEnd--;
  }
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  });
}

function pointAt(text: string, index: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < index; k = text.indexOf('\n', k + 1)) {
    row++;
    lineStart = k + 1;
  }
  return { row, column: index - lineStart };
}
