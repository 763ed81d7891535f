/**
 * One reader for every trace file we accept, for the UI and the CLI alike: ITF (JSON), TLC's
 * `-dumpTrace json` output, and TLC's printed error trace (or a whole TLC log holding one, plain
 * or `-tool`).
 */
import type { Trace } from '../check/contract/types';
import { itfToTrace, type ItfTrace } from './itf';
import { isTlcDumpTrace, tlcDumpTraceToTrace } from './tlc-dump-trace';
import { readTlcRun, tlcOutputAsText, type TlcRunReport } from './tlc-output';
import { parseTlcTrace, tlcErrorHeadline, type TlcErrorHeadline } from './tlc-trace';
import { normalizeValue } from '../trace/keys';

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
  const { trace, kind, plain } = read(text);
  const headline = kind === 'tlc-text' ? tlcErrorHeadline(plain) : undefined;
  return { kind, ...(headline ? { headline } : {}), trace: normalized(trace) };
}

function normalized(trace: Trace): Trace {
  return {
    ...trace,
    states: trace.states.map((s) =>
      Object.fromEntries(Object.entries(s).map(([k, v]) => [k, normalizeValue(v)])),
    ),
  };
}

/** What a file brought back from TLC holds: its run (verdict, figures), its trace, or both. */
export interface RunFile {
  kind: TraceFileKind;
  trace?: Trace;
  headline?: TlcErrorHeadline;
  /** TLC's run as its output tells it; absent for a file that is only a trace (ITF, -dumpTrace). */
  tlc?: TlcRunReport;
}

/**
 * TLC's output, as opposed to a bare error trace (which may keep its `Error:` line): it has a line
 * of TLC's run around the trace (its banner, start, figures or end).
 */
const TLC_RUN_LINE =
  /^(Model checking completed\.|[\d,]+ states generated, |Progress\(\d+\)|Finished in |TLC2 Version |Starting\.\.\. \()/m;

/**
 * Reads a trace file or TLC's output (plain or `-tool`, with or without an error trace: a TLC run
 * that found no error has none). Throws, saying why, when the text is neither.
 */
export function readRunFile(text: string): RunFile {
  const plain = text.trimStart().startsWith('{') ? text : tlcOutputAsText(text);
  const isRun = !plain.trimStart().startsWith('{') && TLC_RUN_LINE.test(plain);
  if (!isRun) return readTraceFile(text);
  const tlc = readTlcRun(plain);
  const found = parseTlcTrace(plain);
  const headline = tlcErrorHeadline(plain);
  return {
    kind: 'tlc-text',
    tlc,
    ...(found ? { trace: normalized(found) } : {}),
    ...(headline ? { headline } : {}),
  };
}

function read(text: string): { trace: Trace; kind: TraceFileKind; plain: string } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    if (isTlcDumpTrace(json))
      return { trace: tlcDumpTraceToTrace(json), kind: 'tlc-json', plain: text };
    return { trace: itfToTrace(json as ItfTrace), kind: 'itf', plain: text };
  }
  const plain = tlcOutputAsText(text);
  const trace = parseTlcTrace(plain);
  if (!trace) {
    throw new Error(
      'neither an ITF trace (JSON), TLC -dumpTrace json, nor a TLC error trace ("State 1: …")',
    );
  }
  return { trace, kind: 'tlc-text', plain };
}
