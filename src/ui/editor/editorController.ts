/**
 * Owns one Monaco editor and a text model per open file, kept in step with the store. Plain
 * TypeScript, so that the React component only forwards store changes to it.
 */
import type { editor as MonacoEditor, IDisposable } from 'monaco-editor/editor/editor.api';
import type { Diagnostic } from '../../tla/ast/ast';
import { fileOfRange } from '../engine/locations';
import { languageOfFile } from './fileLanguage';
import type { Monaco } from './monacoSetup';
import { editorThemeNames } from './themes';
import { liveDiagnostics, registerTlaFeatures } from './languageFeatures';
import { problemsStore } from './problems';
import { pluscalDiagnostics } from './pluscalMarkers';
import { quintDiagnostics } from './quintMarkers';

export interface EditorCallbacks {
  onChange(file: string, text: string): void;
  onRun(): void;
  /** The module a model config configures (for its live diagnostics), if any. */
  mainOfConfig(cfg: string): string | undefined;
}

interface OpenFile {
  model: MonacoEditor.ITextModel;
  viewState: MonacoEditor.ICodeEditorViewState | null;
  listener: IDisposable;
}

export class EditorController {
  private readonly editor: MonacoEditor.IStandaloneCodeEditor;
  private readonly open = new Map<string, OpenFile>();
  private shown: string | undefined;
  private readonly highlight: MonacoEditor.IEditorDecorationsCollection;
  private readonly analyze: (model?: MonacoEditor.ITextModel) => void;
  private readonly analyzePlusCal: (model: MonacoEditor.ITextModel) => void;
  private readonly analyzeQuint: (model: MonacoEditor.ITextModel) => void;
  private readonly markerListener: IDisposable;

  constructor(
    private readonly monaco: Monaco,
    container: HTMLElement,
    private readonly callbacks: EditorCallbacks,
  ) {
    this.editor = monaco.editor.create(container, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 20,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      renderWhitespace: 'none',
      // Hovers and menus escape the editor pane instead of being clipped by it.
      fixedOverflowWidgets: true,
    });
    // The language worker answers hover, go-to-definition, the outline and live diagnostics.
    const files = () =>
      Object.fromEntries([...this.open].map(([name, f]) => [name, f.model.getValue()]));
    registerTlaFeatures(monaco, files);
    this.analyze = liveDiagnostics(monaco, files, (cfg) => callbacks.mainOfConfig(cfg));
    this.analyzePlusCal = pluscalDiagnostics(monaco);
    this.analyzeQuint = quintDiagnostics(monaco, files);
    this.highlight = this.editor.createDecorationsCollection();
    this.editor.onDidChangeCursorSelection((e) => {
      if (e.source !== 'api') this.highlight.clear();
    });
    // Errors per file, for the tabs (problems.ts).
    this.markerListener = monaco.editor.onDidChangeMarkers(() => {
      const errors: Record<string, number> = {};
      for (const [name, file] of this.open) {
        const count = monaco.editor
          .getModelMarkers({ resource: file.model.uri })
          .filter((m) => m.severity === monaco.MarkerSeverity.Error).length;
        if (count > 0) errors[name] = count;
      }
      problemsStore.setState({ errors });
    });
    this.editor.addAction({
      id: 'specstage.run',
      label: 'Check the model',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => callbacks.onRun(),
    });
  }

  /** Creates, updates and disposes models so that they hold exactly `files`. */
  syncFiles(files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) {
      const file = this.open.get(name);
      if (!file) this.open.set(name, this.openFile(name, text));
      // Text replaced from outside the editor (an example loaded); typing already matches.
      else if (file.model.getValue() !== text) file.model.setValue(text);
    }
    for (const [name, file] of this.open) {
      if (name in files) continue;
      if (this.shown === name) {
        this.editor.setModel(null);
        this.shown = undefined;
      }
      file.listener.dispose();
      file.model.dispose();
      this.open.delete(name);
    }
  }

  show(name: string): void {
    if (this.shown === name) return;
    const next = this.open.get(name);
    if (!next) return;
    const current = this.shown === undefined ? undefined : this.open.get(this.shown);
    if (current) current.viewState = this.editor.saveViewState();
    this.editor.setModel(next.model);
    if (next.viewState) this.editor.restoreViewState(next.viewState);
    this.shown = name;
  }

  /** Analyses the model configs again (the model's module or config changed). */
  refreshConfigDiagnostics(): void {
    this.analyze();
  }

  setDark(dark: boolean): void {
    this.monaco.editor.setTheme(dark ? editorThemeNames.dark : editorThemeNames.light);
  }

  setDiagnostics(diagnostics: Diagnostic[]): void {
    const { MarkerSeverity } = this.monaco;
    const severity = {
      error: MarkerSeverity.Error,
      warning: MarkerSeverity.Warning,
      info: MarkerSeverity.Info,
    };
    const texts = Object.fromEntries([...this.open].map(([n, f]) => [n, f.model.getValue()]));
    for (const [name, file] of this.open) {
      const markers = diagnostics
        .filter((d) => fileOfRange(d.range, texts) === name)
        .map((d) => ({
          severity: severity[d.severity],
          message: d.message,
          startLineNumber: d.range.start.line,
          startColumn: d.range.start.column,
          endLineNumber: d.range.end.line,
          endColumn: d.range.end.column,
        }));
      this.monaco.editor.setModelMarkers(file.model, 'specstage', markers);
    }
  }

  /**
   * Moves the cursor to a place; with `end`, selects and highlights up to there (a trace step's
   * action definition). `focus: false` leaves the keyboard where it was, e.g. in the trace view.
   */
  reveal(
    line: number,
    column: number,
    { end, focus = true }: { end?: { line: number; column: number }; focus?: boolean } = {},
  ): void {
    this.highlight.clear();
    if (end) {
      const range = new this.monaco.Range(line, column, end.line, end.column);
      this.editor.setSelection(range);
      this.editor.revealRangeInCenterIfOutsideViewport(range);
      // Monaco's own class for ranges shown by "go to"; it stays until the user moves on.
      this.highlight.set([{ range, options: { className: 'rangeHighlight', isWholeLine: true } }]);
    } else {
      this.editor.setPosition({ lineNumber: line, column });
      this.editor.revealPositionInCenter({ lineNumber: line, column });
    }
    if (focus) this.editor.focus();
  }

  dispose(): void {
    this.markerListener.dispose();
    this.editor.dispose();
    for (const file of this.open.values()) {
      file.listener.dispose();
      file.model.dispose();
    }
    this.open.clear();
  }

  private openFile(name: string, text: string): OpenFile {
    const uri = this.monaco.Uri.file(`/${name}`);
    const model = this.monaco.editor.createModel(text, languageOfFile(name), uri);
    const listener = model.onDidChangeContent(() => {
      this.callbacks.onChange(name, model.getValue());
      this.analyze(model);
      this.analyzePlusCal(model);
      this.analyzeQuint(model);
    });
    // Problems show as soon as a file opens, not only after the first keystroke.
    this.analyze(model);
    this.analyzePlusCal(model);
    this.analyzeQuint(model);
    return { model, viewState: null, listener };
  }
}
