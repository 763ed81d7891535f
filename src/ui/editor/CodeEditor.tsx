/** The Monaco editor pane: loads Monaco lazily and keeps it in step with the store. */
import { useEffect, useRef, useState } from 'react';
import { diagnosticsOfResult } from '../engine/locations';
import { runCheck } from '../engine/runCheck';
import { useDarkTheme } from '../shell/useDarkTheme';
import { appStore, useApp } from '../store';
import type { EditorController } from './editorController';
import { loadMonaco } from './loadMonaco';

export function CodeEditor() {
  const container = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<EditorController>();
  const [loadError, setLoadError] = useState<string>();
  const files = useApp((s) => s.files);
  const activeFile = useApp((s) => s.activeFile);
  const result = useApp((s) => s.run.result);
  const reveal = useApp((s) => s.reveal);
  const dark = useDarkTheme();

  useEffect(() => {
    let created: EditorController | undefined;
    let unmounted = false;
    Promise.all([loadMonaco(), import('./editorController')]).then(
      ([monaco, { EditorController }]) => {
        if (unmounted || !container.current) return;
        created = new EditorController(monaco, container.current, {
          onChange: (file, text) => appStore.getState().setFileText(file, text),
          onRun: () => void runCheck(),
          mainOfConfig: (cfg) => {
            const { model, files } = appStore.getState();
            if (model.cfgFile === cfg) return model.mainModule;
            const stem = cfg.replace(/\.cfg$/, '');
            return `${stem}.tla` in files ? stem : undefined;
          },
        });
        setController(created);
      },
      (error: unknown) => setLoadError(String(error)),
    );
    return () => {
      unmounted = true;
      created?.dispose();
    };
  }, []);

  useEffect(() => {
    controller?.syncFiles(files);
    controller?.show(activeFile);
  }, [controller, files, activeFile]);

  useEffect(() => controller?.setDark(dark), [controller, dark]);

  // Another module or config checked: the configs' names are judged against it.
  const mainModule = useApp((s) => s.model.mainModule);
  const cfgFile = useApp((s) => s.model.cfgFile);
  useEffect(() => controller?.refreshConfigDiagnostics(), [controller, mainModule, cfgFile]);

  useEffect(() => controller?.setDiagnostics(diagnosticsOfResult(result)), [controller, result]);

  useEffect(() => {
    if (reveal) controller?.reveal(reveal.line, reveal.column, reveal);
  }, [controller, reveal]);

  return (
    <div className="code-editor">
      <div ref={container} className="code-editor__monaco" data-testid="editor" />
      {!controller && (
        <div className="code-editor__loading" role="status">
          {loadError ? `The editor failed to load: ${loadError}` : 'Loading the editor…'}
        </div>
      )}
    </div>
  );
}
