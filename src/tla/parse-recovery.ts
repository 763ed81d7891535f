/**
 * Localising syntax errors. tree-sitter's error recovery sometimes gives up on a whole module
 * (one missing `)` and the module becomes a single ERROR node, with no outline and a message at
 * the header). When the file has errors we parse each module again one top-level unit at a time:
 * units start at column 0 in practice (`Name ==`, `VARIABLE`, `THEOREM`, …), so a unit with an
 * error spoils only itself, the others still convert, and the error is reported where it is.
 *
 * Each piece is parsed in place with tree-sitter's `includedRanges` (the module header, the
 * piece, and a `====` appended after the text), so positions are those of the file.
 */
import type { Parser, Range as TsRange } from 'web-tree-sitter';
import type { Diagnostic, Module } from './ast';
import type { ConvertContext } from './cst-context';
import { appendModuleContent } from './cst-to-ast';
import { textInput } from './parse-input';
import { attachExtras, newModuleExtras } from './module-extras';
import { syntaxDiagnostics } from './syntax-errors';
import { explainBrokenUnit } from './syntax-hints';

const HEADER = /^-{4,}\s*MODULE\s+([A-Za-z0-9_]+)\s*-{4,}/;
const FOOTER = /^={4,}/;
const UNIT_START = new RegExp(
  '^(?:' +
    [
      '(?:VARIABLES?|CONSTANTS?|RECURSIVE|ASSUME|ASSUMPTION|AXIOM|THEOREM|LEMMA|PROPOSITION|COROLLARY|LOCAL|INSTANCE|USE|HIDE|EXTENDS)\\b',
      '-{4,}',
      '[A-Za-z0-9_]+\\s*(?:\\(|\\[|==|≜)', // Op(..) ==, f[..] ==, Op ==
      '[A-Za-z0-9_]+\\s+[^\\sA-Za-z0-9_]\\S{0,10}\\s+[A-Za-z0-9_]+\\s*(?:==|≜)', // a ++ b ==
      '[^\\sA-Za-z0-9_(]\\S{0,3}\\s*[A-Za-z0-9_]+\\s*(?:==|≜)', // -. a ==
    ].join('|') +
    ')',
);
const SYNTHETIC_FOOTER = '\n====\n';

export interface Recovered {
  modules: Module[];
  diagnostics: Diagnostic[];
}

/** Undefined when the file's layout is too unusual to cut (no header, nested modules). */
export function parseByUnits(parser: Parser, text: string): Recovered | undefined {
  const lines = codeLines(text);
  const padded = text + SYNTHETIC_FOOTER;
  const lineStarts = lineStartsOf(padded);
  const footerRange = rangeBetween(lineStarts, text.length, padded.length);
  const modules: Module[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = HEADER.exec(lines[i].text);
    if (!header) {
      i++;
      continue;
    }
    const name = header[1];
    const headerLine = lines[i];
    let end = i + 1;
    while (end < lines.length && !FOOTER.test(lines[end].text)) {
      if (HEADER.test(lines[end].text)) return undefined; // nested module: leave it to the full parse
      end++;
    }
    const extras = newModuleExtras();
    const ctx: ConvertContext = { moduleName: name, text, diagnostics, extras };
    const lastLine = lines[Math.min(end, lines.length - 1)];
    const module: Module = {
      name,
      range: {
        module: name,
        start: { line: headerLine.line, column: 1 },
        end: { line: lastLine.line, column: lastLine.text.length + 1 },
      },
      extends: [],
      units: [],
    };
    attachExtras(module, extras);
    const headerRange = rangeBetween(
      lineStarts,
      headerLine.start,
      headerLine.start + headerLine.text.length,
    );
    const starts = i + 1 < end ? [i + 1] : [];
    for (let k = i + 2; k < end; k++) if (UNIT_START.test(lines[k].text)) starts.push(k);
    for (let s = 0; s < starts.length; s++) {
      const from = lines[starts[s]]?.start ?? text.length;
      const to =
        s + 1 < starts.length
          ? lines[starts[s + 1]].start
          : end < lines.length
            ? lines[end].start
            : text.length;
      if (to <= from) continue;
      const tree = parser.parse(textInput(padded), null, {
        includedRanges: [headerRange, rangeBetween(lineStarts, from, to), footerRange],
      });
      if (!tree) return undefined;
      try {
        const found = syntaxDiagnostics(tree.rootNode, name);
        // An error placed at or before the header means tree-sitter gave up on the whole piece.
        const firstLine = lines[starts[s]].line;
        const firstToken = firstTokenPosition(text, from, to);
        const gaveUp = found.some(
          (d) =>
            d.range.start.line < firstLine ||
            (d.range.start.line === firstToken.line && d.range.start.column === firstToken.column),
        );
        diagnostics.push(...(gaveUp ? explainBrokenUnit(text, from, to, name) : found));
        const moduleNode = tree.rootNode.namedChildren.find((c) => c?.type === 'module');
        if (moduleNode) appendModuleContent(moduleNode, module, ctx);
      } finally {
        tree.delete();
      }
    }
    if (end >= lines.length) {
      const at = { line: lastLine.line, column: lastLine.text.length + 1 };
      diagnostics.push({
        severity: 'error',
        code: 'syntax',
        message: `expected \`====\` at the end of module ${name}`,
        range: { module: name, start: at, end: at },
      });
    }
    modules.push(module);
    i = end + 1;
  }
  return modules.length > 0 ? { modules, diagnostics } : undefined;
}

/** Where the first non-blank character of text[from, to) is (comments count: rarely first). */
function firstTokenPosition(
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

interface Line {
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
function codeLines(text: string): Line[] {
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

function rangeBetween(lineStarts: number[], from: number, to: number): TsRange {
  return {
    startIndex: from,
    endIndex: to,
    startPosition: pointAt(lineStarts, from),
    endPosition: pointAt(lineStarts, to),
  };
}

function lineStartsOf(text: string): number[] {
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
