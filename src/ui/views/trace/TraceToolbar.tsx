/**
 * Above the trace: which trace to show (the check's, an explored path, an opened file), stepping
 * buttons, the "only changes" filter, and opening and exporting trace files.
 */
import { useRef, useState } from 'react';
import type { Trace } from '../../../check/contract/types';
import { selectStep, setOnlyChanged, setTraceSource } from '../../explore/actions';
import { openRunText } from '../../handoff/openRun';
import type { TraceSource } from '../../explore/state';
import { PasteTraceButton } from '../../share/PasteTrace';
import { useApp } from '../../store';
import { download, traceFileName, traceFileText, type TraceFormat } from './traceFiles';

const sourceTitles: Record<TraceSource, string> = {
  check: 'Check result',
  explore: 'Explore',
  imported: 'Opened file',
};

export function TraceToolbar({ trace, index }: { trace?: Trace; index: number }) {
  const source = useApp((s) => s.traceView.source);
  const hasImported = useApp((s) => s.traceView.imported !== undefined);
  const onlyChanged = useApp((s) => s.traceView.onlyChanged);
  const count = trace?.states.length ?? 0;
  const sources: TraceSource[] = hasImported
    ? ['check', 'explore', 'imported']
    : ['check', 'explore'];

  return (
    <div className="trace-toolbar">
      <div className="segmented" role="group" aria-label="Trace to show">
        {sources.map((s) => (
          <button
            key={s}
            className="segmented__button"
            aria-pressed={s === source}
            onClick={() => setTraceSource(s)}
          >
            {sourceTitles[s]}
          </button>
        ))}
      </div>
      {count > 0 && (
        <span className="trace-toolbar__nav">
          <button
            className="button button--icon"
            aria-label="Previous state"
            title="Previous state (← or k)"
            disabled={index === 0}
            onClick={() => selectStep(index - 1)}
          >
            ‹
          </button>
          <span className="trace-toolbar__position" data-testid="step-position">
            {index + 1} / {count}
          </span>
          <button
            className="button button--icon"
            aria-label="Next state"
            title="Next state (→ or j)"
            disabled={index === count - 1}
            onClick={() => selectStep(index + 1)}
          >
            ›
          </button>
        </span>
      )}
      <label className="trace-toolbar__toggle">
        <input
          type="checkbox"
          checked={onlyChanged}
          onChange={(e) => setOnlyChanged(e.target.checked)}
        />
        Only changes
      </label>
      <span className="trace-toolbar__spacer" />
      <OpenTraceButton />
      <PasteTraceButton />
      {trace && count > 0 && <ExportSelect trace={trace} />}
    </div>
  );
}

function OpenTraceButton() {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const open = async (file: File | undefined) => {
    if (!file) return;
    try {
      openRunText(await file.text(), file.name);
      setError(undefined);
    } catch (e) {
      setError(`${file.name}: ${(e as Error).message}`);
    }
  };
  return (
    <>
      <button
        className="button"
        title="Open TLC's log (its verdict, figures and trace), TLC -dumpTrace json, an ITF trace (JSON) or a TLC error trace"
        onClick={() => input.current?.click()}
      >
        Open trace…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,.itf,.txt,.out,.log"
        data-testid="open-trace"
        onChange={(e) => {
          void open(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {error && (
        <span className="trace-toolbar__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

function ExportSelect({ trace }: { trace: Trace }) {
  const mainModule = useApp((s) => s.model.mainModule);
  const source = useApp((s) => s.traceView.source);
  const save = (choice: TraceFormat | 'md-copy') => {
    if (choice === 'md-copy') {
      // For pasting into an issue: the clipboard rather than a file.
      void navigator.clipboard
        ?.writeText(traceFileText(trace, 'md', `${mainModule}.tla`))
        .catch(() => undefined);
      return;
    }
    const format = choice;
    const base = `${mainModule}-${source === 'explore' ? 'explored' : 'trace'}`;
    download(
      traceFileText(trace, format, `${mainModule}.tla`),
      traceFileName(base, format),
      format === 'itf' ? 'application/json' : format === 'md' ? 'text/markdown' : 'text/plain',
    );
  };
  return (
    <select
      aria-label="Export the trace"
      value=""
      onChange={(e) => {
        if (e.target.value) save(e.target.value as TraceFormat | 'md-copy');
      }}
    >
      <option value="" disabled>
        Export…
      </option>
      <option value="itf">ITF (JSON)</option>
      <option value="tlc">TLC text</option>
      <option value="md">Markdown table</option>
      <option value="md-copy">Copy as Markdown table</option>
    </select>
  );
}
