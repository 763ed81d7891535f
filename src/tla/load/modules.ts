/**
 * Loading a specification: the main module and, transitively, every module it EXTENDS or
 * INSTANCEs (in nested modules and LET too), from the files given, the other top-level modules of
 * an already-read file, a loader (the library path), or the library modules that ship with
 * specstage (library/). Reports modules that cannot be found and circular dependencies.
 */
import type { Diagnostic, Module, Range } from '../ast/ast';
import { walkUnits } from '../ast/ast-walk';
import { type ParseResult, moduleNameOfFile, parseModuleText } from '../parse/parser';
import { libraryFile, libraryModuleNames } from '../library';

export interface SourceFile {
  fileName: string;
  text: string;
}

/** Finds a module's source by module name (e.g. on a library path); undefined if it has none. */
export type ModuleLoader = (moduleName: string) => SourceFile | undefined;

export interface LoadSpecOptions {
  /** Files given by the user: file name (or path) → text. A module is found by its file's base name. */
  files?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  loader?: ModuleLoader;
  /**
   * Parses to reuse, by file name, kept by the caller between calls (the editor re-analyses on
   * each change; tests analyse many specs sharing modules). An entry is used only if its text is
   * the file's current text.
   */
  parseCache?: Map<string, { text: string; result: ParseResult }>;
}

export interface LoadedSpec {
  mainName: string;
  /** The main module; undefined when no file holds it. */
  main: Module | undefined;
  /** Every top-level module read (the main one, those it uses, and their files' other modules). */
  modules: Map<string, Module>;
  /** The file each module of `modules` (and each module nested in them) comes from. */
  fileOf: Map<string, string>;
  /** Text of each file read, by file name (for hover text and for printing source lines). */
  sources: Map<string, string>;
  /** Modules read from the library that ships with specstage (library/): no file or loader had them. */
  libraryModules: Set<string>;
  /** Modules referred to that no file, loader or library provides. */
  missingModules: Set<string>;
  /** Syntax errors of every file read, missing modules, circular dependencies. */
  diagnostics: Diagnostic[];
}

interface Reference {
  name: string;
  range: Range;
}

export function loadSpec(mainName: string, options: LoadSpecOptions = {}): LoadedSpec {
  const files = indexFiles(options.files);
  const spec: LoadedSpec = {
    mainName,
    main: undefined,
    modules: new Map(),
    fileOf: new Map(),
    sources: new Map(),
    libraryModules: new Set(),
    missingModules: new Set(),
    diagnostics: [],
  };
  const readFiles = new Set<string>();

  /** Reads the file that should hold `name`; true if the module is now known. */
  const read = (name: string, requested?: Range): boolean => {
    if (spec.modules.has(name)) return true;
    let source: SourceFile | undefined = files.has(name)
      ? { fileName: files.get(name)!.fileName, text: files.get(name)!.text }
      : options.loader?.(name);
    if (!source) {
      source = libraryFile(name);
      if (source) spec.libraryModules.add(name);
    }
    if (!source || readFiles.has(source.fileName)) return false;
    readFiles.add(source.fileName);
    spec.sources.set(source.fileName, source.text);
    const cached = options.parseCache?.get(source.fileName);
    const parsed =
      cached && cached.text === source.text
        ? cached.result
        : parseModuleText(source.text, source.fileName);
    options.parseCache?.set(source.fileName, { text: source.text, result: parsed });
    spec.diagnostics.push(...parsed.diagnostics);
    for (const m of parsed.modules) {
      if (!spec.modules.has(m.name)) {
        spec.modules.set(m.name, m);
        for (const name of [m.name, ...nestedModuleNames(m)]) {
          if (!spec.fileOf.has(name)) spec.fileOf.set(name, source.fileName);
        }
      }
    }
    const first = parsed.modules[0];
    if (first && first.name !== name && !spec.modules.has(name)) {
      spec.diagnostics.push({
        severity: 'error',
        code: 'module-name',
        message: `file ${source.fileName} holds module ${first.name}, but TLC looks for module ${name} in it`,
        range: requested ?? headerRange(first, source.text),
      });
      return false;
    }
    return spec.modules.has(name);
  };

  if (!read(mainName)) {
    // A file with no module in it: its syntax errors say why.
    if (files.has(mainName) && spec.fileOf.size === 0) return spec;
    // A file named unlike its module (reported): check the module it holds all the same.
    const mismatched = files.has(mainName) && spec.fileOf.size > 0;
    if (!mismatched) {
      spec.missingModules.add(mainName);
      spec.diagnostics.push({
        severity: 'error',
        code: 'missing-module',
        message: `cannot find module ${mainName}`,
        range: { module: mainName, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      });
      return spec;
    }
    mainName = [...spec.fileOf.keys()][0];
  }
  spec.main = spec.modules.get(mainName);

  const visited = new Set<string>();
  const queue = [mainName];
  const edges = new Map<string, Reference[]>();
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (visited.has(name)) continue;
    visited.add(name);
    const module = spec.modules.get(name);
    if (!module) continue;
    const refs = references(module);
    edges.set(name, refs);
    for (const ref of refs) {
      if (read(ref.name, ref.range)) queue.push(ref.name);
      else {
        spec.missingModules.add(ref.name);
        spec.diagnostics.push({
          severity: 'error',
          code: 'missing-module',
          message: missingModuleMessage(ref.name),
          range: ref.range,
        });
      }
    }
  }
  spec.diagnostics.push(...cycleDiagnostics(mainName, edges));
  return spec;
}

/**
 * Why a module was not found, with what is known: the closest library module names first (a typo,
 * or the case: `SequenceExt`, `functions`), then every module the library has.
 */
export function missingModuleMessage(name: string): string {
  const known = libraryModuleNames().sort();
  const close = known.filter(
    (m) =>
      m.toLowerCase() === name.toLowerCase() ||
      editDistance(m.toLowerCase(), name.toLowerCase()) <= 2,
  );
  const hint = close.length ? `; did you mean ${close.join(' or ')}?` : '';
  return `cannot find module ${name} (no ${name}.tla beside the spec or on the library path${hint}); the library that ships with specstage has ${known.join(', ')}`;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The line `---- MODULE Name ----` of a module. */
function headerRange(module: Module, text: string): Range {
  const line = text.split('\n')[module.range.start.line - 1] ?? '';
  const end = { line: module.range.start.line, column: line.trimEnd().length + 1 };
  return { module: module.name, start: module.range.start, end };
}

function nestedModuleNames(m: Module): string[] {
  return m.units.flatMap((u) =>
    u.kind === 'Submodule' ? [u.module.name, ...nestedModuleNames(u.module)] : [],
  );
}

/** File names keyed by module name (their base name without `.tla`). */
function indexFiles(files: LoadSpecOptions['files']): Map<string, SourceFile> {
  const index = new Map<string, SourceFile>();
  const entries = files instanceof Map ? [...files.entries()] : Object.entries(files ?? {});
  for (const [fileName, text] of entries) index.set(moduleNameOfFile(fileName), { fileName, text });
  return index;
}

/**
 * The modules `module` depends on: EXTENDS and INSTANCE names, in its nested modules and LETs
 * too, except modules nested in it (those are not files).
 */
export function references(module: Module): Reference[] {
  const nested = new Set<string>();
  const refs: Reference[] = [];
  const visit = (m: Module): void => {
    for (const e of m.extends) refs.push({ name: e.name, range: e.range });
    walkUnits(m.units, (u) => {
      if (u.kind === 'Instance') refs.push({ name: u.module, range: u.moduleRange });
      if (u.kind === 'Submodule') {
        nested.add(u.module.name);
        visit(u.module);
      }
    });
  };
  visit(module);
  return refs.filter((r) => !nested.has(r.name));
}

/** One diagnostic per EXTENDS/INSTANCE reference that closes a cycle. */
function cycleDiagnostics(mainName: string, edges: Map<string, Reference[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const path: string[] = [];
  const dfs = (name: string): void => {
    state.set(name, 'active');
    path.push(name);
    for (const ref of edges.get(name) ?? []) {
      const s = state.get(ref.name);
      if (s === 'active') {
        const cycle = [...path.slice(path.indexOf(ref.name)), ref.name].join(' → ');
        out.push({
          severity: 'error',
          code: 'module-cycle',
          message: `circular module dependency: ${cycle}`,
          range: ref.range,
        });
      } else if (s === undefined && edges.has(ref.name)) {
        dfs(ref.name);
      }
    }
    path.pop();
    state.set(name, 'done');
  };
  dfs(mainName);
  return out;
}
