/**
 * Localising syntax errors. tree-sitter's error recovery sometimes gives up on a whole module
 * (one missing `)` and the module becomes a single ERROR node, with no outline and a message at
 * the header). When the file has errors we parse each module again one top-level unit at a time:
 * units start at column 0 in practice (`Name ==`, `VARIABLE`, `THEOREM`, …), so a unit with an
 * error spoils only itself, the others still convert, and the error is reported where it is.
 *
 * Each piece is parsed in place with tree-sitter's `includedRanges` (the module header, the
 * piece, and a `====` appended after the text), so positions are those of the file. A nested
 * module is read the same way, as a piece of its own.
 */
import type { Parser, Range as TsRange } from 'web-tree-sitter';
import type { Diagnostic, Module } from '../ast/ast';
import type { ConvertContext } from './cst-context';
import { appendModuleContent, newConvertContext } from './cst-to-ast';
import { textInput } from './parse-input';
import { attachExtras, newModuleExtras } from '../ast/module-extras';
import { syntaxDiagnostics } from './syntax-errors';
import { explainBrokenUnit } from './syntax-hints';
import {
  type Line,
  codeLines,
  firstTokenPosition,
  lineStartsOf,
  rangeBetween,
} from './source-lines';

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

/** Undefined when the text has no module header to cut after. */
export function parseByUnits(parser: Parser, text: string): Recovered | undefined {
  const reader = new PieceReader(parser, text);
  const modules: Module[] = [];
  for (let i = 0; i < reader.lines.length; i++) {
    if (!HEADER.test(reader.lines[i].text)) continue;
    const read = reader.readModule(i);
    modules.push(read.module);
    i = read.footer;
  }
  return modules.length > 0 ? { modules, diagnostics: reader.diagnostics } : undefined;
}

class PieceReader {
  readonly lines: Line[];
  readonly diagnostics: Diagnostic[] = [];
  private readonly padded: string;
  private readonly lineStarts: number[];
  private readonly footerRange: TsRange;

  constructor(
    private readonly parser: Parser,
    private readonly text: string,
  ) {
    this.lines = codeLines(text);
    this.padded = text + SYNTHETIC_FOOTER;
    this.lineStarts = lineStartsOf(this.padded);
    this.footerRange = rangeBetween(this.lineStarts, text.length, this.padded.length);
  }

  /**
   * The module whose header is line `header`, piece by piece: pieces start at unit starts; a
   * nested module is read the same way and becomes a Submodule unit. `footer` is the index of
   * its `====` line (the last line when it has none).
   */
  readModule(header: number): { module: Module; footer: number } {
    const { lines, text } = this;
    const name = HEADER.exec(lines[header].text)![1];
    const extras = newModuleExtras();
    const ctx = newConvertContext(name, { text, diagnostics: this.diagnostics }, extras);
    const module: Module = {
      name,
      range: this.lineRange(name, header, header),
      extends: [],
      units: [],
    };
    attachExtras(module, extras);
    const headerLine = lines[header];
    const headerRange = rangeBetween(
      this.lineStarts,
      headerLine.start,
      headerLine.start + headerLine.text.length,
    );
    let k = header + 1;
    while (k < lines.length && !FOOTER.test(lines[k].text)) {
      if (HEADER.test(lines[k].text)) {
        const nested = this.readModule(k);
        module.units.push({ kind: 'Submodule', module: nested.module, range: nested.module.range });
        k = nested.footer + 1;
        continue;
      }
      let next = k + 1;
      while (
        next < lines.length &&
        !FOOTER.test(lines[next].text) &&
        !HEADER.test(lines[next].text) &&
        !UNIT_START.test(lines[next].text)
      )
        next++;
      const to = next < lines.length ? lines[next].start : text.length;
      this.readPiece(ctx, module, headerRange, lines[k], to);
      k = next;
    }
    const footer = Math.min(k, lines.length - 1);
    module.range = this.lineRange(name, header, footer);
    if (k >= lines.length) {
      const last = lines[lines.length - 1];
      const at = { line: last.line, column: last.text.length + 1 };
      const message = `expected \`====\` at the end of module ${name}`;
      this.diagnostics.push({
        severity: 'error',
        code: 'syntax',
        message,
        range: { module: name, start: at, end: at },
      });
    }
    return { module, footer };
  }

  /** Parses text from `first` to `to` as the only content of the module, and keeps its units. */
  private readPiece(
    ctx: ConvertContext,
    module: Module,
    headerRange: TsRange,
    first: Line,
    to: number,
  ): void {
    const from = first.start;
    if (to <= from) return;
    const tree = this.parser.parse(textInput(this.padded), null, {
      includedRanges: [headerRange, rangeBetween(this.lineStarts, from, to), this.footerRange],
    });
    if (!tree) return;
    try {
      const found = syntaxDiagnostics(tree.rootNode, module.name);
      // An error at or before the piece's first token means tree-sitter gave up on all of it.
      const firstToken = firstTokenPosition(this.text, from, to);
      const gaveUp = found.some(
        (d) =>
          d.range.start.line < first.line ||
          (d.range.start.line === firstToken.line && d.range.start.column === firstToken.column),
      );
      this.diagnostics.push(
        ...(gaveUp ? explainBrokenUnit(this.text, from, to, module.name) : found),
      );
      const moduleNode = tree.rootNode.namedChildren.find((c) => c?.type === 'module');
      if (moduleNode) appendModuleContent(moduleNode, module, ctx);
    } finally {
      tree.delete();
    }
  }

  private lineRange(name: string, first: number, last: number): Module['range'] {
    const end = this.lines[last];
    return {
      module: name,
      start: { line: this.lines[first].line, column: 1 },
      end: { line: end.line, column: end.text.length + 1 },
    };
  }
}
