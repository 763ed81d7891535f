/**
 * TLA+ language features in Monaco, answered by the language worker (workers/languageApi.ts) so
 * that parsing and analysis never run on the main thread: diagnostics as the user types, hover
 * showing a definition, go-to-definition (F12, Ctrl+click) and the outline (Ctrl+Shift+O).
 */
import type {
  editor as MonacoEditor,
  IDisposable,
  languages,
} from 'monaco-editor/editor/editor.api';
import type { Diagnostic } from '../../tla/ast/ast';
import { languageWorker } from '../engine/languageWorker';
import type { Monaco } from './monacoSetup';
import { cfgLanguageId } from './cfgLanguage';
import { tlaLanguageId } from './tlaLanguage';

/** Diagnostics follow typing this long after it stops (the issue asks for markers within 300 ms). */
export const ANALYSIS_DELAY_MS = 150;

export type FilesSource = () => Record<string, string>;

function moduleOf(model: MonacoEditor.ITextModel): string {
  return model.uri.path.replace(/^.*\//, '').replace(/\.tla$/, '');
}

function modelOfModule(monaco: Monaco, module: string): MonacoEditor.ITextModel | undefined {
  return monaco.editor.getModels().find((m) => m.uri.path.endsWith(`/${module}.tla`));
}

let registered: IDisposable | undefined;

/** Registers the providers (once: Monaco's registries are global); returns what undoes it. */
export function registerTlaFeatures(monaco: Monaco, files: FilesSource): IDisposable {
  registered ??= registerProviders(monaco, files);
  return registered;
}

function registerProviders(monaco: Monaco, files: FilesSource): IDisposable {
  const position = (p: { lineNumber: number; column: number }) => ({
    line: p.lineNumber,
    column: p.column,
  });
  const hover = monaco.languages.registerHoverProvider(tlaLanguageId, {
    async provideHover(model, at) {
      const module = moduleOf(model);
      const text = await (await languageWorker()).hover(files(), module, module, position(at));
      return text ? { contents: [{ value: '```tla\n' + text + '\n```' }] } : null;
    },
  });
  const definition = monaco.languages.registerDefinitionProvider(tlaLanguageId, {
    async provideDefinition(model, at) {
      const module = moduleOf(model);
      const found = await (
        await languageWorker()
      ).definition(files(), module, module, position(at));
      const target = found && modelOfModule(monaco, found.range.module);
      if (!found || !target) return null;
      const r = found.range;
      return {
        uri: target.uri,
        range: new monaco.Range(r.start.line, r.start.column, r.end.line, r.end.column),
      };
    },
  });
  const symbols = monaco.languages.registerDocumentSymbolProvider(tlaLanguageId, {
    async provideDocumentSymbols(model) {
      const module = moduleOf(model);
      const { outlines } = await (await languageWorker()).analyze(files(), module);
      return (outlines[module] ?? []).map((item): languages.DocumentSymbol => {
        const r = item.range;
        const range = new monaco.Range(r.start.line, r.start.column, r.end.line, r.end.column);
        return {
          name: item.name,
          detail: item.kind,
          kind:
            item.kind === 'variable'
              ? monaco.languages.SymbolKind.Variable
              : item.kind === 'constant'
                ? monaco.languages.SymbolKind.Constant
                : monaco.languages.SymbolKind.Function,
          tags: [],
          range,
          selectionRange: item.nameRange
            ? new monaco.Range(
                item.nameRange.start.line,
                item.nameRange.start.column,
                item.nameRange.end.line,
                item.nameRange.end.column,
              )
            : range,
        };
      });
    },
  });
  return { dispose: () => [hover, definition, symbols].forEach((d) => d.dispose()) };
}

/**
 * Analyses the module of `model` (and what it uses) after typing stops, and marks its problems
 * in every open file they belong to; then each open model config, for the names it gives that
 * its module does not define (so a .cfg naming a missing invariant is flagged before any Run).
 * Newer requests supersede older ones. Without a model, only the configs are analysed again.
 */
export function liveDiagnostics(
  monaco: Monaco,
  files: FilesSource,
  mainOfConfig: (cfg: string) => string | undefined,
): (model?: MonacoEditor.ITextModel) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let pendingModule: MonacoEditor.ITextModel | undefined;
  const { MarkerSeverity } = monaco;
  const severity = {
    error: MarkerSeverity.Error,
    warning: MarkerSeverity.Warning,
    info: MarkerSeverity.Info,
  };
  const markersOf = (diagnostics: Diagnostic[]) =>
    diagnostics.map((d) => ({
      severity: severity[d.severity],
      message: d.message,
      source: d.code,
      startLineNumber: d.range.start.line,
      startColumn: d.range.start.column,
      endLineNumber: d.range.end.line,
      endColumn: d.range.end.column,
    }));

  const analyzeModule = async (model: MonacoEditor.ITextModel, mine: number) => {
    const module = moduleOf(model);
    const { diagnostics } = await (await languageWorker()).analyze(files(), module);
    if (mine !== generation) return;
    for (const m of monaco.editor.getModels()) {
      if (m.getLanguageId() !== tlaLanguageId) continue;
      const markers = markersOf(diagnostics.filter((d) => d.range.module === moduleOf(m)));
      // The same owner as a check's markers: the newest analysis of the text replaces them.
      monaco.editor.setModelMarkers(m, 'specstage', markers);
    }
  };

  const analyzeConfigs = async (mine: number) => {
    const all = files();
    for (const m of monaco.editor.getModels()) {
      if (m.getLanguageId() !== cfgLanguageId) continue;
      const cfg = m.uri.path.replace(/^.*\//, '');
      const main = mainOfConfig(cfg);
      const diagnostics = main ? await (await languageWorker()).analyzeConfig(all, main, cfg) : [];
      if (mine !== generation) return;
      monaco.editor.setModelMarkers(m, 'specstage', markersOf(diagnostics));
    }
  };

  return (model) => {
    if (model && model.getLanguageId() === tlaLanguageId) pendingModule = model;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const mine = ++generation;
      const module = pendingModule;
      pendingModule = undefined;
      void (async () => {
        if (module && !module.isDisposed()) await analyzeModule(module, mine);
        await analyzeConfigs(mine);
      })();
    }, ANALYSIS_DELAY_MS);
  };
}
