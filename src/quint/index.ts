/**
 * Quint, the second language: Quint's own front end (@informalsystems/quint: parser, names, types,
 * effects) and the lowering of its IR into our TLA+ AST, so that the engine checks, simulates and
 * shows a Quint spec exactly as a TLA+ one.
 *
 * The API (stable; the app and the CLI use only this file):
 *
 * - `await loadQuint()` loads Quint's front end (a dynamic import, ~MB: never in the first load).
 *   Everything below needs it loaded; `checkModel`, `simulate` and `explore` load it themselves
 *   when the request is a Quint one.
 * - `analyzeQuint(files, mainFile)` → `{ diagnostics, modules }`: Quint's own parse, name, type and
 *   effect errors with ranges (`range.module` is the file name, lines and columns 1-based, end
 *   exclusive, as everywhere), and the modules of the files (for a choice of `--main`).
 * - `quintRequest(files, mainModule, run, options?)` → a `CheckRequest` for `checkModel` /
 *   `simulate` / `explore`: the `.qnt` files (the main file first) and a .cfg naming the init and
 *   step actions (default `init` and `step`), the invariants (`val`s) and temporal properties.
 *   Quint's tools do not report deadlocks, so neither does a Quint request unless asked.
 * - `lowerQuintFiles(files, mainModule, run)` → the lowered module and what ITF output needs
 *   (variables with their Quint types); `quintModules(req)` is what the engine's module loader
 *   calls for a Quint request.
 * - `quintDefinitionAt(files, mainFile, {file, line, column})` → the range of the definition of the
 *   name there (go to definition); `quintTypeAt(…)` → its Quint type and range (hover).
 * - `isQuintFile(name)`: a `.qnt` file.
 *
 * Quint semantics and what is not supported yet: see lower.ts.
 */
import type { Diagnostic, Module } from '../tla/ast/ast';
import { registerModuleStrings } from '../core/string-order';
import {
  analyzeFiles,
  definitionAt,
  flatten,
  isQuintLoaded,
  loadQuint,
  typeAt,
  type QuintFiles,
  type QuintState,
} from './frontend';
import type { Range } from '../tla/ast/ast';
import { lowerQuint, type LoweredQuint, type Unsupported } from './lower';

export { loadQuint, isQuintLoaded };
export type { LoweredQuint, Unsupported };

/** A source file (as check/types.ts's SourceFile; this layer is below check/). */
export interface SourceFile {
  name: string;
  text: string;
}

/** The fields of check/types.ts's CheckRequest that a Quint run reads and makes. */
export interface CheckRequest<O = object> {
  files: SourceFile[];
  mainModule: string;
  cfg: string;
  cfgName?: string;
  options?: O;
}

export function isQuintFile(name: string): boolean {
  return name.endsWith('.qnt');
}

/** A request whose main file is a Quint file. */
export function isQuintRequest(req: Pick<CheckRequest, 'files'>): boolean {
  return req.files.length > 0 && isQuintFile(req.files[0].name);
}

/** What to check: Quint's `--init`, `--step`, `--invariant`, `--temporal`. */
export interface QuintRun {
  init?: string;
  step?: string;
  invariants?: string[];
  temporal?: string[];
  /** Report a state where the step is disabled (Quint's tools do not). */
  checkDeadlock?: boolean;
}

function fileMap(files: readonly SourceFile[]): QuintFiles {
  return new Map(files.map((f) => [f.name, f.text]));
}

export interface QuintAnalysisResult {
  diagnostics: Diagnostic[];
  modules: { name: string; file: string }[];
}

/** Quint's own diagnostics for the files (the main one and what it imports). */
export function analyzeQuint(files: readonly SourceFile[], mainFile: string): QuintAnalysisResult {
  const a = analyzeFiles(fileMap(files), mainFile);
  return {
    diagnostics: a.diagnostics,
    modules: a.modules.map(({ name, file }) => ({ name, file })),
  };
}

/**
 * Editor services at a 1-based position of `file` (one of `files`, imported by `mainFile`): where
 * the name there is defined, and the Quint type of what is there. Undefined where Quint's
 * front end rejects the files or there is nothing to say.
 */
export function quintDefinitionAt(
  files: readonly SourceFile[],
  mainFile: string,
  at: { file: string; line: number; column: number },
): Range | undefined {
  const state = analyzeFiles(fileMap(files), mainFile).state;
  return state && definitionAt(state, at.file, at.line, at.column);
}

export function quintTypeAt(
  files: readonly SourceFile[],
  mainFile: string,
  at: { file: string; line: number; column: number },
): { range: Range; type: string } | undefined {
  const state = analyzeFiles(fileMap(files), mainFile).state;
  return state && typeAt(state, at.file, at.line, at.column);
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The .cfg that asks the engine for a Quint run (names must be the main module's definitions). */
export function quintCfg(run: QuintRun): string {
  const names = [
    run.init ?? 'init',
    run.step ?? 'step',
    ...(run.invariants ?? []),
    ...(run.temporal ?? []),
  ];
  for (const n of names)
    if (!IDENT.test(n))
      throw new Error(`${n} is not the name of a definition of the main module (give its name)`);
  return [
    `INIT ${run.init ?? 'init'}`,
    `NEXT ${run.step ?? 'step'}`,
    ...(run.invariants ?? []).map((n) => `INVARIANT ${n}`),
    ...(run.temporal ?? []).map((n) => `PROPERTY ${n}`),
    `CHECK_DEADLOCK ${run.checkDeadlock ? 'TRUE' : 'FALSE'}`,
    '',
  ].join('\n');
}

/** A request for checkModel / simulate / explore: `files[0]` is the main Quint file. */
export function quintRequest<O = object>(
  files: SourceFile[],
  mainModule: string,
  run: QuintRun,
  options?: O,
): CheckRequest<O> {
  return {
    files,
    mainModule,
    cfg: quintCfg(run),
    cfgName: `${mainModule}.cfg`,
    ...(options ? { options } : {}),
  };
}

export type QuintLoad =
  | { ok: true; lowered: LoweredQuint; modules: Map<string, Module> }
  | { ok: false; message: string; diagnostics: Diagnostic[] };

/**
 * Quint's front end on `files` (`files[0]` the main file), and a check that `mainModule` is one of
 * its modules: what both the lowering and the test runner (check/quint-tests) start from.
 */
export function analyzeMainModule(
  files: readonly SourceFile[],
  mainModule: string,
):
  | { ok: true; state: QuintState; modules: { name: string; file: string }[] }
  | { ok: false; message: string; diagnostics: Diagnostic[] } {
  const analysis = analyzeFiles(fileMap(files), files[0]?.name ?? '');
  if (!analysis.state) {
    const d = analysis.diagnostics[0];
    return {
      ok: false,
      message: d
        ? `${d.range.module}:${d.range.start.line}:${d.range.start.column}: ${d.message}`
        : 'Quint could not read the spec',
      diagnostics: analysis.diagnostics,
    };
  }
  const names = new Set(analysis.modules.map((m) => m.name));
  if (!names.has(mainModule))
    return {
      ok: false,
      message: `There is no Quint module ${mainModule} (the modules are ${[...names].join(', ')})`,
      diagnostics: [],
    };
  return { ok: true, state: analysis.state, modules: analysis.modules };
}

/** Quint's front end, flattening and the lowering: the module the engine checks. */
export function lowerQuintFiles(
  files: SourceFile[],
  mainModule: string,
  run: { init: string; step: string; invariants?: string[]; temporal?: string[] },
): QuintLoad {
  const analysis = analyzeMainModule(files, mainModule);
  if (!analysis.ok) return analysis;
  // As `quint compile`: a `q::` definition for each name the run gives keeps what it uses when
  // flattening (imported definitions are kept only when used).
  const named = [
    { name: run.init, q: 'q::init', qualifier: 'action' },
    { name: run.step, q: 'q::step', qualifier: 'action' },
    ...(run.invariants ?? []).map((name, i) => ({ name, q: `q::inv${i}`, qualifier: 'val' })),
    ...(run.temporal ?? []).map((name, i) => ({
      name,
      q: `q::temporal${i}`,
      qualifier: 'temporal',
    })),
  ];
  const flat = flatten(
    analysis.state,
    mainModule,
    named.map((n) => `${n.qualifier} ${n.q} = ${n.name}`),
  );
  if ('error' in flat) {
    const r = flat.range;
    if (!r) return { ok: false, message: flat.error, diagnostics: [] };
    return {
      ok: false,
      message: `${r.module}:${r.start.line}:${r.start.column}: ${flat.error}`,
      diagnostics: [{ severity: 'error', message: flat.error, range: r, code: 'quint-flatten' }],
    };
  }
  const lowered = lowerQuint(analysis.state, flat, { init: run.init, step: run.step, named });
  registerModuleStrings([], [...files.map((f) => f.text)]);
  return { ok: true, lowered, modules: new Map([[lowered.module.name, lowered.module]]) };
}

/** The init, step, invariants and temporal properties a Quint request's .cfg names (quintCfg). */
function runOf(cfg: string): {
  init: string;
  step: string;
  invariants: string[];
  temporal: string[];
} {
  const names = (key: string): string[] =>
    [...cfg.matchAll(new RegExp(`^\\s*${key}\\s+([A-Za-z_][A-Za-z0-9_]*)`, 'gm'))].map((m) => m[1]);
  return {
    init: names('INIT')[0] ?? 'init',
    step: names('NEXT')[0] ?? 'step',
    invariants: names('INVARIANT'),
    temporal: names('PROPERTY'),
  };
}

/** The engine's module loader for a Quint request (check/check.ts loadModules). */
export function quintModules(req: CheckRequest<unknown>): QuintLoad {
  return lowerQuintFiles(req.files, req.mainModule, runOf(req.cfg));
}
