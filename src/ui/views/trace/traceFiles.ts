/**
 * Traces to and from files, through the formats module: ITF (JSON, for Apalache, Quint and other
 * tools), TLC's text (what TLC prints after "The behavior up to this point is") and, to write
 * only, a Markdown table for bug reports.
 */
import type { Trace } from '../../../check/contract/types';
import { traceToItf } from '../../../formats/itf';
import { readTraceFile } from '../../../formats/trace-file';
import { printTlcTrace, type TlcErrorHeadline } from '../../../formats/tlc-trace';
import { traceToMarkdown } from '../../../formats/trace-markdown';

export type TraceFormat = 'itf' | 'tlc' | 'md';

export function traceFileText(trace: Trace, format: TraceFormat, source?: string): string {
  if (format === 'md') return traceToMarkdown(trace, { title: source });
  return format === 'itf'
    ? JSON.stringify(traceToItf(trace, { source }), null, 2) + '\n'
    : printTlcTrace(trace);
}

export function traceFileName(base: string, format: TraceFormat): string {
  return `${base}.${format === 'itf' ? 'itf.json' : format === 'md' ? 'trace.md' : 'trace.txt'}`;
}

/**
 * Reads an ITF file (JSON), TLC's -dumpTrace json or a TLC error trace; throws with a reason when
 * it is none of them. Values come normalised (src/formats/trace-file.ts) so that the viewer can
 * compare them by their printed form, as it does the engine's.
 */
export function parseTraceFile(text: string): Trace {
  return readTraceFile(text).trace;
}

/** As parseTraceFile, with what TLC's text says the trace violates (its `Error:` line). */
export function readTrace(text: string): { trace: Trace; headline?: TlcErrorHeadline } {
  const { trace, headline } = readTraceFile(text);
  return { trace, headline };
}

/** Offers the text as a file download. */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
