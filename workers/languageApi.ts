/**
 * The editor's language service, run in its own worker so that analysis never blocks typing and
 * never waits behind a long check: diagnostics while the user types, the outline, go-to-definition
 * and hover. Shared by the browser worker (language.worker.ts) and Node tests.
 */
import type { Diagnostic, Position, Range } from '../src/tla/ast/ast';
import { analyzeSpec, type Analysis } from '../src/tla/analyze/analyze';
import {
  definitionAt,
  hoverAt,
  outline,
  type OutlineItem,
} from '../src/tla/editor/language-service';
import { translationState } from '../src/pluscal/stale';
import { analyzeQuint, loadQuint, type QuintAnalysisResult } from '../src/quint';
import { configDiagnostics } from './configDiagnostics';

/**
 * A module's PlusCal algorithm as the app needs it (src/ui/engine/pluscal.ts before a run, the
 * editor's markers, a trace step's label): whether its translation is the algorithm's, the module
 * with the algorithm's translation, the translator's error, and where each label's statements are
 * (0-based lines, tab-expanded columns, as pcal.trans counts).
 */
export type PlusCalSummary =
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | {
      kind: 'current' | 'stale';
      /** The module with the algorithm's translation (the text itself when current). */
      text: string;
      labels: {
        label: string;
        region: { begin: { line: number; col: number }; end: { line: number; col: number } };
      }[];
    };

/** The translator's work on one module text (see PlusCalSummary); about 5-80 ms, hence a worker. */
export function plusCalSummary(text: string): PlusCalSummary {
  const state = translationState(text);
  if (state.kind === 'none') return { kind: 'none' };
  if (state.kind === 'error') return { kind: 'error', message: state.error.message };
  return {
    kind: state.kind,
    text: state.kind === 'current' ? text : state.translation.text,
    labels: state.translation.labels.map(({ label, region }) => ({
      label,
      region: {
        begin: { line: region.begin.line, col: region.begin.col },
        end: { line: region.end.line, col: region.end.col },
      },
    })),
  };
}

export interface LanguageAnalysis {
  diagnostics: Diagnostic[];
  /** Outline of each module read, by module name. */
  outlines: Record<string, OutlineItem[]>;
}

export interface LanguageApi {
  /** Analyses `main` and the modules it uses among `files` (file name → text). */
  analyze(files: Record<string, string>, main: string): Promise<LanguageAnalysis>;
  definition(
    files: Record<string, string>,
    main: string,
    module: string,
    at: Position,
  ): Promise<{ range: Range } | undefined>;
  hover(
    files: Record<string, string>,
    main: string,
    module: string,
    at: Position,
  ): Promise<string | undefined>;
  /** The problems of the model config `cfg` (a file of `files`) for the module `main`. */
  analyzeConfig(files: Record<string, string>, main: string, cfg: string): Promise<Diagnostic[]>;
  /** The PlusCal translator's view of one module's text (PlusCalSummary). */
  plusCal(text: string): Promise<PlusCalSummary>;
  /**
   * Quint's own diagnostics (parse, names, types, effects) of the `.qnt` files among `files`, read
   * from `mainFile`, and the modules they declare. Loads Quint's front end the first time.
   */
  quint(files: Record<string, string>, mainFile: string): Promise<QuintAnalysisResult>;
}

/** `prepare` loads the parser in the host (browser assets or Node paths). */
export function createLanguageApi(prepare: () => Promise<void>): LanguageApi {
  // Analysis of the last text seen: hover and definition requests come in bursts on one text.
  let last: { key: string; analysis: Analysis } | undefined;
  const analysisOf = async (files: Record<string, string>, main: string): Promise<Analysis> => {
    await prepare();
    const tlaFiles = Object.fromEntries(
      Object.entries(files).filter(([name]) => name.endsWith('.tla')),
    );
    const key = JSON.stringify([main, tlaFiles]);
    if (last?.key !== key) last = { key, analysis: analyzeSpec(main, { files: tlaFiles }) };
    return last.analysis;
  };
  return {
    async analyze(files, main) {
      const analysis = await analysisOf(files, main);
      const outlines: Record<string, OutlineItem[]> = {};
      for (const [name, module] of analysis.modules) outlines[name] = outline(module);
      return { diagnostics: analysis.diagnostics, outlines };
    },
    async definition(files, main, module, at) {
      const target = definitionAt(await analysisOf(files, main), module, at);
      const range = target?.nameRange ?? target?.range;
      return range ? { range } : undefined;
    },
    async hover(files, main, module, at) {
      return hoverAt(await analysisOf(files, main), module, at)?.text;
    },
    async analyzeConfig(files, main, cfg) {
      const text = files[cfg];
      if (text === undefined) return [];
      const analysis = await analysisOf(files, main);
      return configDiagnostics(analysis.modules, main, text, cfg);
    },
    async plusCal(text) {
      return plusCalSummary(text);
    },
    async quint(files, mainFile) {
      await loadQuint();
      const qnt = Object.entries(files)
        .filter(([name]) => name.endsWith('.qnt'))
        .map(([name, text]) => ({ name, text }));
      return analyzeQuint(qnt, mainFile);
    },
  };
}
