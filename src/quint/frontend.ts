/**
 * Quint's own front end (the npm package @informalsystems/quint): parsing, import and name
 * resolution, type, effect and mode checking, then flattening (instances and imports replaced by
 * their definitions) — the pipeline `quint typecheck` and `quint compile` run, without their
 * command-line wrapper. The package is loaded only by `loadQuint()` (a dynamic import), never by a
 * static one, so that it stays out of the page's first load.
 */
import type { Diagnostic, Range } from '../tla/ast/ast';
import type * as ParserFrontend from '@informalsystems/quint/dist/src/parsing/quintParserFrontend';
import type * as Analyzer from '@informalsystems/quint/dist/src/quintAnalyzer';
import type * as FullFlattener from '@informalsystems/quint/dist/src/flattening/fullFlattener';
import type * as IdGenerator from '@informalsystems/quint/dist/src/idGenerator';
import type * as QuintErrors from '@informalsystems/quint/dist/src/quintError';
import type * as TypePrinting from '@informalsystems/quint/dist/src/types/printing';
import type { FlatModule, QuintDef, QuintModule } from '@informalsystems/quint/dist/src/ir/quintIr';
import type { LookupTable } from '@informalsystems/quint/dist/src/names/base';
import type { AnalysisOutput } from '@informalsystems/quint/dist/src/quintAnalyzer';
import type { SourceMap } from '@informalsystems/quint/dist/src/parsing/quintParserFrontend';
import type {
  SourceLookupPath,
  SourceResolver,
} from '@informalsystems/quint/dist/src/parsing/sourceResolver';

interface QuintLib {
  parser: typeof ParserFrontend;
  analyzer: typeof Analyzer;
  flattener: typeof FullFlattener;
  ids: typeof IdGenerator;
  errors: typeof QuintErrors;
  types: typeof TypePrinting;
}

let lib: QuintLib | undefined;
let loading: Promise<QuintLib> | undefined;

/** A CommonJS module as a dynamic import hands it over (the exports, or them as `default`). */
function cjs<T>(m: unknown): T {
  const mod = m as { default?: T };
  return (mod.default ?? m) as T;
}

/** Loads Quint's front end (once). Every other function here needs it loaded. */
export async function loadQuint(): Promise<void> {
  loading ??= (async () => {
    const [parser, analyzer, flattener, ids, errors, types] = await Promise.all([
      import('@informalsystems/quint/dist/src/parsing/quintParserFrontend.js'),
      import('@informalsystems/quint/dist/src/quintAnalyzer.js'),
      import('@informalsystems/quint/dist/src/flattening/fullFlattener.js'),
      import('@informalsystems/quint/dist/src/idGenerator.js'),
      import('@informalsystems/quint/dist/src/quintError.js'),
      import('@informalsystems/quint/dist/src/types/printing.js'),
    ]);
    lib = {
      parser: cjs(parser),
      analyzer: cjs(analyzer),
      flattener: cjs(flattener),
      ids: cjs(ids),
      errors: cjs(errors),
      types: cjs(types),
    };
    return lib;
  })();
  await loading;
}

export function isQuintLoaded(): boolean {
  return lib !== undefined;
}

function quint(): QuintLib {
  if (!lib) throw new Error('The Quint front end is not loaded: call loadQuint() first');
  return lib;
}

/** Source files by name (`spec.qnt`, `lib/util.qnt`), all in memory. */
export type QuintFiles = ReadonlyMap<string, string>;

/** `a/b/../c.qnt` → `a/c.qnt`, `../x.qnt` stays (a name above the main file's folder). */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return (path.startsWith('/') ? '/' : '') + out.join('/');
}

/** Quint's source resolver over the given files instead of the file system. */
function memoryResolver(files: QuintFiles): SourceResolver {
  return {
    lookupPath: (stem: string, importPath: string): SourceLookupPath => {
      const p = normalizePath(stem ? `${stem}/${importPath}` : importPath);
      return { normalizedPath: p, toSourceName: () => p };
    },
    load: (lookup: SourceLookupPath) => {
      const text = files.get(lookup.normalizedPath);
      // Either from @sweet-monads, built the way Quint's own resolver builds it.
      return text === undefined
        ? leftOf(`file ${lookup.normalizedPath} is not open`)
        : rightOf(text.replace(/\r\n?/g, '\n'));
    },
    stempath: (lookup: SourceLookupPath) => {
      const i = lookup.normalizedPath.lastIndexOf('/');
      return i < 0 ? '' : lookup.normalizedPath.slice(0, i);
    },
  } as SourceResolver;
}

// The Either values the parser reads from a resolver's answer (it calls isLeft and reads value).
function rightOf(value: string): unknown {
  return { value, isLeft: () => false, isRight: () => true };
}
function leftOf(value: string): unknown {
  return { value, isLeft: () => true, isRight: () => false };
}

/** What Quint's front end made of the files: diagnostics, and when there are none, the modules. */
export interface QuintAnalysis {
  /** Parse, name, type, effect and mode errors, each with its range (`range.module` = file name). */
  diagnostics: Diagnostic[];
  /** The modules of every file, in dependency order (the main file's last). */
  modules: { name: string; file: string; range?: Range }[];
  /** The internal state the lowering needs; absent when there are errors. */
  state?: QuintState;
}

export interface QuintState {
  modules: QuintModule[];
  table: LookupTable;
  analysis: AnalysisOutput;
  sourceMap: SourceMap;
  idGen: IdGenerator.IdGenerator;
  files: QuintFiles;
  /**
   * Each module's operator definitions as Quint's name collector has them (imported ones included,
   * `import M as X` ones as `X::name`), in its order: what `quint test` takes tests from.
   */
  definitions: Map<string, { name: string; qualifier: string }[]>;
}

/** 1-based line and column (UTF-16 units) of a character offset in a text. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Our range for a Quint location (0-based, inclusive end, with character offsets). */
export function rangeOfLoc(
  files: QuintFiles,
  loc: { source: string; start: { index: number }; end?: { index: number } },
): Range {
  const text = files.get(loc.source) ?? '';
  const end = loc.end ? loc.end.index + 1 : loc.start.index + 1;
  return {
    module: loc.source,
    start: positionAt(text, loc.start.index),
    end: positionAt(text, end),
  };
}

/** The range of an IR node by its id, or the start of the main file. */
export function rangeOfId(state: QuintState, id: bigint | undefined, fallback: string): Range {
  const loc = id === undefined ? undefined : state.sourceMap.get(id);
  if (loc) return rangeOfLoc(state.files, loc);
  const p = { line: 1, column: 1 };
  return { module: fallback, start: p, end: p };
}

/**
 * Quint's `parse` and `typecheck` over in-memory files: `main` is the file name the others are
 * imported from (relative names, `/` separated).
 */
export function analyzeFiles(files: QuintFiles, main: string): QuintAnalysis {
  // The last answer is kept: a check asks for the diagnostics, the module and the ITF types of the
  // same files in turn, and Quint's analysis takes a second or more.
  const key = JSON.stringify([main, [...files]]);
  if (last?.key === key) return last.analysis;
  const analysis = analyzeUncached(files, main);
  last = { key, analysis };
  return analysis;
}

let last: { key: string; analysis: QuintAnalysis } | undefined;

function analyzeUncached(files: QuintFiles, main: string): QuintAnalysis {
  const { parser, analyzer, ids } = quint();
  const text = files.get(main);
  if (text === undefined) throw new Error(`No file ${main}`);
  const idGen = ids.newIdGenerator();
  const p1 = parser.parsePhase1fromText(idGen, text.replace(/\r\n?/g, '\n'), main);
  const resolver = memoryResolver(files);
  const slash = main.lastIndexOf('/');
  const mainPath = resolver.lookupPath(
    slash < 0 ? '' : main.slice(0, slash),
    main.slice(slash + 1),
  );
  const p2 = parser.parsePhase2sourceResolution(idGen, resolver, mainPath, p1);
  const p3 = parser.parsePhase3importAndNameResolution(p2);
  const p4 = parser.parsePhase4toposort(p3);
  const moduleList = (state: { modules: QuintModule[]; sourceMap: SourceMap }) =>
    state.modules.map((m) => {
      const loc = state.sourceMap.get(m.id);
      return {
        name: m.name,
        file: loc?.source ?? main,
        range: loc ? rangeOfLoc(files, loc) : undefined,
      };
    });
  const toDiagnostics = (errors: QuintErrors.QuintError[], code: string): Diagnostic[] =>
    errors.map((e) => {
      const id = e.reference;
      const loc = id === undefined ? undefined : p4.sourceMap.get(id);
      const p = { line: 1, column: 1 };
      return {
        severity: 'error',
        message: `${quint().errors.quintErrorToString(e)}`,
        range: loc ? rangeOfLoc(files, loc) : { module: main, start: p, end: p },
        code: `${code}:${e.code}`,
      };
    });
  if (p4.errors.length)
    return { diagnostics: toDiagnostics(p4.errors, 'quint-parse'), modules: moduleList(p4) };
  const [errors, analysis] = analyzer.analyzeModules(p4.table, p4.modules);
  const diagnostics = toDiagnostics(errors, 'quint-type');
  return {
    diagnostics,
    modules: moduleList(p4),
    state: diagnostics.length
      ? undefined
      : {
          modules: p4.modules,
          table: p4.table,
          analysis,
          sourceMap: p4.sourceMap,
          idGen,
          files,
          definitions: collectedDefinitions(p4),
        },
  };
}

/** The name collector's operator definitions per module (see QuintState.definitions). */
function collectedDefinitions(p: object): QuintState['definitions'] {
  type Def = { kind: string; name: string; qualifier?: string; namespaces?: string[] };
  const byModule = (
    p as {
      resolver?: { collector?: { definitionsByModule?: Map<string, Map<string, Def | Def[]>> } };
    }
  ).resolver?.collector?.definitionsByModule;
  const out: QuintState['definitions'] = new Map();
  for (const [module, defs] of byModule ?? []) {
    const list = [...defs.values()]
      .flat()
      .filter((d) => d.kind === 'def')
      .map((d) => ({
        name: [...(d.namespaces ?? [])].reverse().concat(d.name).join('::'),
        qualifier: d.qualifier ?? 'def',
      }));
    out.set(module, list);
  }
  return out;
}

/**
 * The main module flattened, as `quint compile` makes it: `extra` definitions (e.g.
 * `action q::init = init`) are added to it first, so that what they name is kept.
 */
export function flatten(
  state: QuintState,
  mainModule: string,
  extra: string[],
):
  | { module: FlatModule; analysis: AnalysisOutput; table: LookupTable }
  | { error: string; range?: Range } {
  const { parser, analyzer, flattener } = quint();
  const modules = structuredCloneModules(dependencies(state.modules, mainModule));
  const main = modules.find((m) => m.name === mainModule);
  if (!main) return { error: `There is no module ${mainModule}` };
  let extraDefs: QuintDef[];
  try {
    extraDefs = extra.map((d) => parser.parseDefOrThrow(d, state.idGen, new Map()));
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  main.declarations.push(...extraDefs);
  const resolved = parser.parsePhase3importAndNameResolution({
    modules,
    sourceMap: state.sourceMap,
    errors: [],
  } as unknown as Parameters<typeof parser.parsePhase3importAndNameResolution>[0]);
  if (resolved.errors.length)
    return { error: resolved.errors.map((e) => quint().errors.quintErrorToString(e)).join('; ') };
  const [typeErrors, analysis] = analyzer.analyzeInc(state.analysis, resolved.table, extraDefs);
  if (typeErrors.length)
    return { error: typeErrors.map((e) => quint().errors.quintErrorToString(e)).join('; ') };
  let flat: ReturnType<typeof flattener.flattenModules>;
  // On an internal error Quint's flattener prints every module to stdout before it throws
  // (fullFlattener.ts resolveNamesOrThrow): its message, below, is what we report.
  const log = console.log;
  console.log = () => {};
  try {
    flat = flattener.flattenModules(
      modules,
      resolved.table,
      state.idGen,
      state.sourceMap,
      analysis,
    );
  } catch (e) {
    // Quint's own flattener fails on some specs (e.g. quint issue #1299): its message, first line,
    // at the instance it names (`M::I::x not found`: the main module's instance of I), else the
    // main module's first instance (where it fails, as a rule), else the main module.
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    const named = new RegExp(`Name '${mainModule}::([^:']+)::`).exec(message)?.[1];
    const instances = main.declarations.filter((d) => d.kind === 'instance');
    const at = instances.find((d) => d.protoName === named) ?? instances[0];
    return {
      error: `Quint's flattener failed: ${message.slice(0, 300)}`,
      range: rangeOfId(state, at?.id ?? main.id, mainModule),
    };
  } finally {
    console.log = log;
  }
  const module = flat.flattenedModules.find((m) => m.name === mainModule);
  if (!module) return { error: `There is no module ${mainModule}` };
  return { module, analysis: flat.flattenedAnalysis, table: flat.flattenedTable };
}

/**
 * The main module and the modules it imports, instantiates or exports (through each other), in
 * their order: what flattening the main module needs. A module that only imports the main one
 * (a test module next to the spec) is left out, so that a failure of Quint's flattener there
 * (two_phase_commit_modules.qnt's tests, which `quint compile` fails on too) is not the main's.
 */
function dependencies(modules: QuintModule[], mainModule: string): QuintModule[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const needed = new Set<string>();
  const visit = (name: string): void => {
    const m = byName.get(name);
    if (!m || needed.has(name)) return;
    needed.add(name);
    for (const d of m.declarations)
      if (d.kind === 'import' || d.kind === 'instance' || d.kind === 'export') visit(d.protoName);
  };
  visit(mainModule);
  return modules.filter((m) => needed.has(m.name));
}

/** Flattening rewrites modules in place; a run must not change the analysed ones. */
function structuredCloneModules(modules: QuintModule[]): QuintModule[] {
  return structuredClone(modules);
}

/** The innermost IR node of `file` whose source range holds the 1-based position. */
function nodeAt(state: QuintState, file: string, line: number, column: number): bigint | undefined {
  const text = state.files.get(file);
  if (text === undefined) return undefined;
  // The offset of the position, then the smallest location around it.
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  offset += column - 1;
  let best: { id: bigint; size: number } | undefined;
  for (const [id, loc] of state.sourceMap) {
    if (loc.source !== file) continue;
    const end = loc.end ? loc.end.index : loc.start.index;
    if (loc.start.index <= offset && offset <= end) {
      const size = end - loc.start.index;
      if (!best || size < best.size) best = { id, size };
    }
  }
  return best?.id;
}

/** Where the name at a position is defined (go to definition), or undefined. */
export function definitionAt(
  state: QuintState,
  file: string,
  line: number,
  column: number,
): Range | undefined {
  const id = nodeAt(state, file, line, column);
  if (id === undefined) return undefined;
  const def = state.table.get(id);
  if (!def || def.id === undefined) return undefined;
  const loc = state.sourceMap.get(def.id);
  return loc ? rangeOfLoc(state.files, loc) : undefined;
}

/** The Quint type of the expression or definition at a position (hover), or undefined. */
export function typeAt(
  state: QuintState,
  file: string,
  line: number,
  column: number,
): { range: Range; type: string } | undefined {
  const id = nodeAt(state, file, line, column);
  if (id === undefined) return undefined;
  const scheme =
    state.analysis.types.get(id) ?? state.analysis.types.get(state.table.get(id)?.id ?? -1n);
  const loc = state.sourceMap.get(id);
  if (!scheme || !loc) return undefined;
  return { range: rangeOfLoc(state.files, loc), type: quint().types.typeSchemeToString(scheme) };
}
