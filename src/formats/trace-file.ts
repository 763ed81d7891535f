/**
 * One reader for every trace file we accept, for the UI and the CLI alike: ITF (JSON), TLC's
 * `-dumpTrace json` output, and TLC's printed error trace (or a whole TLC log holding one).
 */
import type { Trace } from '../check/types';
import { itfToTrace, type ItfTrace } from './itf';
import { isTlcDumpTrace, tlcDumpTraceToTrace } from './tlc-dump-trace';
import { parseTlcTrace, tlcErrorHeadline, type TlcErrorHeadline } from './tlc-trace';
import { normalizeValue } from './trace-value';

export type TraceFileKind = 'itf' | 'tlc-json' | 'tlc-text';

/**
 * Reads a trace; throws an Error saying why when the text is none of the accepted forms. Values
 * are normalised (sets and functions in one order) so that traces from any source compare by
 * their printed form.
 */
export function readTraceFile(text: string): {
  trace: Trace;
  kind: TraceFileKind;
  /** TLC's text names what the trace violates (`Error: Invariant NotSolved is violated.`). */
  headline?: TlcErrorHeadline;
} {
  const { trace, kind } = read(text);
  const headline = kind === 'tlc-text' ? tlcErrorHeadline(text) : undefined;
  return {
    kind,
    ...(headline ? { headline } : {}),
    trace: {
      ...trace,
      states: trace.states.map((s) =>
        Object.fromEntries(Object.entries(s).map(([k, v]) => [k, normalizeValue(v)])),
      ),
    },
  };
}

function read(text: string): { trace: Trace; kind: TraceFileKind } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    if (isTlcDumpTrace(json)) return { trace: tlcDumpTraceToTrace(json), kind: 'tlc-json' };
    return { trace: itfToTrace(json as ItfTrace), kind: 'itf' };
  }
  const trace = parseTlcTrace(text);
  if (!trace) {
    throw new Error(
      'neither an ITF trace (JSON), TLC -dumpTrace json, nor a TLC error trace ("State 1: …")',
    );
  }
  return { trace, kind: 'tlc-text' };
}
