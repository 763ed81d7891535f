/**
 * The TLA+ parser: tree-sitter-tlaplus running in web-tree-sitter (WebAssembly), so the same code
 * parses in the browser, in Web Workers, in Node worker_threads and in the CLI. Load it once with
 * `initParser` (assets from parser-assets-node.ts or parser-assets-browser.ts), then parse
 * synchronously with `parseModuleText`.
 */
import { Language, Parser } from 'web-tree-sitter';
import type { Diagnostic, Module, Position } from '../ast/ast';
import { convertSourceFile } from './cst-to-ast';
import { textInput } from './parse-input';
import { parseByUnits } from './parse-recovery';
import { plusCalAsComment } from './pluscal-comment';
import { syntaxDiagnostics } from './syntax-errors';
import { TreeCache } from './tree-cache';

export interface ParserAssets {
  /** URL or path of web-tree-sitter's runtime (`web-tree-sitter.wasm`); omitted: its default. */
  runtimeWasm?: string;
  /** The TLA+ grammar (`tree-sitter-tlaplus.wasm`): URL, path or bytes. */
  grammarWasm: string | Uint8Array;
}

let loading: Promise<void> | undefined;
let parser: Parser | undefined;
/** Recent trees by file name: parsing a file again after an edit is incremental. */
const trees = new TreeCache();

/** Loads the parser; later calls return the same promise (the assets of the first call win). */
export function initParser(assets: ParserAssets): Promise<void> {
  loading ??= load(assets).catch((e: unknown) => {
    loading = undefined; // let a later call retry, e.g. after a network hiccup
    throw e;
  });
  return loading;
}

async function load(assets: ParserAssets): Promise<void> {
  const runtime = assets.runtimeWasm;
  await Parser.init(runtime ? { locateFile: () => runtime } : undefined);
  const language = await Language.load(assets.grammarWasm);
  const p = new Parser();
  p.setLanguage(language);
  parser = p;
}

export function isParserReady(): boolean {
  return parser !== undefined;
}

export interface ParseResult {
  fileName: string;
  /** The file's first module (the one named like the file, normally); undefined if none. */
  module: Module | undefined;
  /** Every top-level module of the file, in order: SANY lets a file hold several. */
  modules: Module[];
  /** Syntax errors and forms the front end does not support, with exact ranges. */
  diagnostics: Diagnostic[];
}

/** Parsing gives up after this long (tree-sitter's error recovery can be slow on garbage). */
let PARSE_TIME_LIMIT_MS = 5000;

/**
 * Another limit for this process: batch tools (the differential harness) whose modules are large
 * and whose machine may be busy set a longer one, so that the result does not depend on the load.
 */
export function setParseTimeLimit(ms: number): void {
  PARSE_TIME_LIMIT_MS = ms;
}

/** Parses one .tla file. Never throws once the parser is loaded; problems come as diagnostics. */
export function parseModuleText(text: string, fileName: string): ParseResult {
  if (!parser) throw new Error('parseModuleText: call initParser first');
  const fallbackName = moduleNameOfFile(fileName);
  const deadline = performance.now() + PARSE_TIME_LIMIT_MS;
  const previous = trees.previousTree(fileName, text);
  const tree = parser.parse(textInput(text), previous, {
    progressCallback: () => performance.now() > deadline,
  });
  if (!tree) {
    parser.reset();
    trees.forget(fileName);
    const at = { line: 1, column: 1 };
    const diagnostic: Diagnostic = {
      severity: 'error',
      code: 'syntax',
      message: 'the parser gave up on this file (too slow to recover from its syntax errors)',
      range: { module: fallbackName, start: at, end: at },
    };
    return { fileName, module: undefined, modules: [], diagnostics: [diagnostic] };
  }
  trees.store(fileName, text, tree); // the cache frees it when it is no longer needed
  const diagnostics = syntaxDiagnostics(tree.rootNode, fallbackName);
  if (diagnostics.length > 0) {
    // SANY reads a PlusCal algorithm as the comment it is: parse it that way when the module,
    // algorithm and all, does not parse (offsets are unchanged, so are the diagnostics' places).
    const plain = plusCalAsComment(text);
    if (plain !== undefined) return parseModuleText(plain, fileName);
  }
  if (diagnostics.length > 0) {
    const recovered = parseByUnits(parser, text);
    // Errors found piece by piece are better placed; if the pieces all parse (a cut in the
    // wrong place can hide an error), the whole-file errors stand.
    if (recovered) {
      const found = recovered.diagnostics.some((d) => d.code === 'syntax');
      const all = found ? recovered.diagnostics : [...diagnostics, ...recovered.diagnostics];
      return {
        fileName,
        module: recovered.modules[0],
        modules: recovered.modules,
        diagnostics: insideText(all, text),
      };
    }
  }
  const modules = convertSourceFile(tree.rootNode, { text, diagnostics }, fallbackName);
  if (modules.length === 0) {
    // Nothing that looks like a module (an empty file, a mistyped header): say that, not what
    // tree-sitter's recovery made of it.
    const at = { line: 1, column: 1 };
    const message = 'expected a module header `---- MODULE Name ----`';
    const range = { module: fallbackName, start: at, end: at };
    return {
      fileName,
      module: undefined,
      modules,
      diagnostics: [{ severity: 'error', code: 'syntax', message, range }],
    };
  }
  return { fileName, module: modules[0], modules, diagnostics: insideText(diagnostics, text) };
}

/**
 * The diagnostics with their ranges kept inside the text: the recovery parser reads a module
 * without its `====` as if it had one, past the last line, and an error may be placed there.
 */
function insideText(diagnostics: Diagnostic[], text: string): Diagnostic[] {
  const lines = text.split('\n');
  const last = { line: lines.length, column: lines[lines.length - 1].length + 1 };
  const clamp = (p: Position): Position => {
    if (p.line > last.line) return last;
    const end = lines[p.line - 1].length + 1;
    return p.column > end ? { line: p.line, column: end } : p;
  };
  const outside = (p: Position) => p.line > last.line || p.column > lines[p.line - 1].length + 1;
  return diagnostics.map((d) =>
    outside(d.range.start) || outside(d.range.end)
      ? { ...d, range: { ...d.range, start: clamp(d.range.start), end: clamp(d.range.end) } }
      : d,
  );
}

/** `specs/Foo.tla` → `Foo`. */
export function moduleNameOfFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.tla$/i, '');
}
