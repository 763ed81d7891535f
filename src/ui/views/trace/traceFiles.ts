/**
 * Traces to and from files, through the formats module: ITF (JSON, for Apalache, Quint and other
 * tools) and TLC's text (what TLC prints after "The behavior up to this point is").
 */
import type { Trace } from '../../../check/types';
import { itfToTrace, traceToItf, type ItfTrace } from '../../../formats/itf';
import { parseTlcTrace, printTlcTrace } from '../../../formats/tlc-trace';
import { normalizeValue } from '../../../formats/trace-value';

export type TraceFormat = 'itf' | 'tlc';

export function traceFileText(trace: Trace, format: TraceFormat, source?: string): string {
  return format === 'itf'
    ? JSON.stringify(traceToItf(trace, { source }), null, 2) + '\n'
    : printTlcTrace(trace);
}

export function traceFileName(base: string, format: TraceFormat): string {
  return `${base}.${format === 'itf' ? 'itf.json' : 'trace.txt'}`;
}

/**
 * Reads an ITF file (JSON) or a TLC error trace; throws with a reason when it is neither. Values
 * are normalised (sets and functions in one order) so that the viewer can compare them by their
 * printed form, as it does the engine's.
 */
export function parseTraceFile(text: string): Trace {
  const trace = readTrace(text);
  return {
    ...trace,
    states: trace.states.map((s) =>
      Object.fromEntries(Object.entries(s).map(([k, v]) => [k, normalizeValue(v)])),
    ),
  };
}

function readTrace(text: string): Trace {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    return itfToTrace(json as ItfTrace);
  }
  const trace = parseTlcTrace(text);
  if (!trace) throw new Error('neither an ITF trace (JSON) nor a TLC error trace ("State 1: …")');
  return trace;
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
