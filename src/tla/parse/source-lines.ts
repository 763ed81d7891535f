/**
 * Line-level views of a source text for the recovery parser: which lines start outside block
 * comments, offsets ↔ tree-sitter points.
 */
import type { Range as TsRange } from 'web-tree-sitter';

/** Where the first non-blank character of text[from, to) is (comments count: rarely first). */
export function firstTokenPosition(
  text: string,
  from: number,
  to: number,
): { line: number; column: number } {
  let k = from;
  while (k < to && /\s/.test(text[k])) k++;
  let line = 1;
  let lineStart = 0;
  for (let n = text.indexOf('\n'); n >= 0 && n < k; n = text.indexOf('\n', n + 1)) {
    line++;
    lineStart = n + 1;
  }
  return { line, column: k - lineStart + 1 };
}

export interface Line {
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first character in the text. */
  start: number;
  text: string;
}

/**
 * The lines of the text whose start is code, not the inside of a block comment (PlusCal
 * algorithms live there and look like definitions). Block comments nest in TLA+; a `\*` comment
 * or a string ends at its line's end.
 */
export function codeLines(text: string): Line[] {
  const lines: Line[] = [];
  let depth = 0;
  let start = 0;
  let lineNo = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (depth === 0) lines.push({ line: lineNo, start, text: line });
    depth = commentDepthAfter(line, depth);
    start = end + 1;
    lineNo++;
  }
  return lines;
}

function commentDepthAfter(line: string, depth: number): number {
  let inString = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    const next = line[k + 1];
    if (depth > 0) {
      if (c === '(' && next === '*') {
        depth++;
        k++;
      } else if (c === '*' && next === ')') {
        depth--;
        k++;
      }
    } else if (inString) {
      if (c === '\\') k++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '\\' && next === '*') {
      return depth; // line comment: rest of line
    } else if (c === '(' && next === '*') {
      depth++;
      k++;
    }
  }
  return depth;
}

export function rangeBetween(lineStarts: number[], from: number, to: number): TsRange {
  return {
    startIndex: from,
    endIndex: to,
    startPosition: pointAt(lineStarts, from),
    endPosition: pointAt(lineStarts, to),
  };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  return starts;
}

function pointAt(lineStarts: number[], index: number): { row: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: index - lineStarts[lo] };
}
