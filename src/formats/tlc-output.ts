/**
 * TLC's console output (what `tlc2.TLC` prints, not `-tool` mode), read back as a result: the
 * verdict, the figures of its last report, and the line naming what was violated. For comparing
 * with TLC, and for results a user brings back from a TLC run.
 */
import type { CheckResult, ErrorKind, Verdict } from '../check/contract/types';
import { parseTlcTrace } from './tlc-trace';

export interface TlcOutcome {
  result: Verdict;
  distinctStates: number;
  generatedStates: number;
  /** The depth of the complete state graph search (0 when TLC did not print it). */
  depth: number;
  /** The first `Error: …` line (`Error: Invariant Inv is violated.`), when there is one. */
  message?: string;
}

/** The verdict TLC's words give; `error` when it could not check the model. */
function verdictOf(text: string): Verdict {
  if (/^Model checking completed\. No error has been found\./m.test(text)) return 'success';
  if (/^Error: Deadlock reached\./m.test(text)) return 'deadlock failure';
  if (/^Error: Temporal properties were violated\./m.test(text)) return 'liveness failure';
  if (/^Error: (Invariant|Action property) .* is violated/m.test(text)) return 'safety failure';
  if (
    /^Error: Assumption .* is false\./m.test(text) ||
    /^Error: The assumption .* is (false|violated)/m.test(text)
  )
    return 'assumption failure';
  return 'error';
}

export function parseTlcOutput(text: string): TlcOutcome {
  const counts = [
    ...text.matchAll(/^([\d,]+) states generated, ([\d,]+) distinct states found/gm),
  ].pop();
  const depth = /^The depth of the complete state graph search is (\d+)\./m.exec(text);
  const num = (s: string | undefined) => (s === undefined ? 0 : Number(s.replace(/,/g, '')));
  const message = /^Error: .*$/m.exec(text)?.[0];
  return {
    result: verdictOf(text),
    generatedStates: num(counts?.[1]),
    distinctStates: num(counts?.[2]),
    depth: num(depth?.[1]),
    ...(message ? { message } : {}),
  };
}

/** One message of TLC's `-tool` output: `@!@!@STARTMSG code:severity @!@!@` … `@!@!@ENDMSG code @!@!@`. */
export interface ToolMessage {
  code: number;
  severity: number;
  text: string;
}

const START = /^@!@!@STARTMSG (\d+):(\d+) @!@!@$/;
const END = /^@!@!@ENDMSG (\d+) @!@!@$/;

/**
 * Reads TLC's `-tool` output line by line: `feed` takes text as it arrives and returns the
 * messages completed by it; lines outside messages come back with code 0.
 */
export function toolReader(): { feed(chunk: string): ToolMessage[]; end(): ToolMessage[] } {
  let partial = '';
  let open: { code: number; severity: number; lines: string[] } | undefined;
  const line = (l: string, out: ToolMessage[]): void => {
    const s = START.exec(l);
    if (s) {
      open = { code: Number(s[1]), severity: Number(s[2]), lines: [] };
      return;
    }
    if (END.test(l) && open) {
      out.push({
        code: open.code,
        severity: open.severity,
        text: open.lines.join('\n').replace(/\n+$/, ''),
      });
      open = undefined;
      return;
    }
    if (open) open.lines.push(l);
    else out.push({ code: 0, severity: 0, text: l });
  };
  return {
    feed(chunk) {
      const out: ToolMessage[] = [];
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const l of lines) line(l.replace(/\r$/, ''), out);
      return out;
    },
    end() {
      const out: ToolMessage[] = [];
      if (partial) line(partial, out);
      partial = '';
      return out;
    },
  };
}

/**
 * A `-tool` message as TLC prints it without `-tool`: errors start with `Error: `, states with
 * `State N: `, the end of a lasso reads `Back to state N: …` — what parseTlcOutput and
 * parseTlcTrace read.
 */
export function toolMessageAsText(m: ToolMessage): string {
  if (m.code === 2217 || m.code === 2218)
    return m.text.replace(/^(\d+): /, 'State $1: ') + (m.code === 2217 ? '\n' : '');
  if (m.code === 2122) return m.text.replace(/^(\d+): Back to state: /, 'Back to state $1: ');
  if (m.severity === 1) return `Error: ${m.text}`;
  return m.text;
}

/** TLC's progress report (message 2200): `Progress(7) at …: 73 states generated (…), 14 distinct states found (…), 1 states left on queue.` */
export function toolProgress(
  m: ToolMessage,
):
  | { depth: number; generatedStates: number; distinctStates: number; queueSize: number }
  | undefined {
  if (m.code !== 2200) return undefined;
  const r =
    /Progress\((\d+)\).*?: ([\d,]+) states generated.*?, ([\d,]+) distinct states found.*?, ([\d,]+) states left on queue/.exec(
      m.text,
    );
  if (!r) return undefined;
  const n = (s: string) => Number(s.replace(/,/g, ''));
  return { depth: n(r[1]), generatedStates: n(r[2]), distinctStates: n(r[3]), queueSize: n(r[4]) };
}

/** TLC's output as TLC prints it without `-tool`: `-tool` messages turned back into text. */
export function tlcOutputAsText(text: string): string {
  if (!/^@!@!@STARTMSG \d+:\d+ @!@!@\r?$/m.test(text)) return text;
  const reader = toolReader();
  return [...reader.feed(text), ...reader.end()].map(toolMessageAsText).join('\n');
}

/** A TLC run as its output tells it: what parseTlcOutput reads, and what a reader shows with it. */
export interface TlcRunReport extends TlcOutcome {
  /**
   * TLC reached its end (`Finished in …`): its verdict and figures are final. A log cut short (TLC
   * killed, out of memory, still running) has no verdict; its figures are its last progress report.
   */
  finished: boolean;
  queueLeft: number;
  /** TLC's own time (`Finished in 1931ms`, or to the second without `-tool`: `Finished in 01s`). */
  durationMs?: number;
  /** The module TLC checked: the first file it parsed (`Parsing file /tmp/m/DieHard.tla`). */
  mainModule?: string;
  /** `TLC2 Version 2.20 of …`, as printed. */
  version?: string;
  /** TLC's worker threads (`with 4 workers on 8 cores`). */
  workers?: number;
}

/** `1931ms`, `01s`, `02min 13s`, `01h 05min`, `3d 04h`: TLC's ways of printing a duration. */
export function tlcDurationMs(text: string): number | undefined {
  const unit: Record<string, number> = { d: 86_400_000, h: 3_600_000, min: 60_000, s: 1000, ms: 1 };
  let total = 0;
  let any = false;
  for (const m of text.matchAll(/(\d+)\s*(ms|min|d|h|s)\b/g)) {
    total += Number(m[1]) * unit[m[2]];
    any = true;
  }
  return any ? total : undefined;
}

/**
 * Reads TLC's output (plain or `-tool`, whole or the tail of it) into its verdict and figures.
 * A log without TLC's last lines is `finished: false`, with the figures of its last progress
 * report and no verdict of its own (`result: 'error'`): it must never read as a pass.
 */
export function readTlcRun(output: string): TlcRunReport {
  const text = tlcOutputAsText(output);
  const outcome = parseTlcOutput(text);
  const finishedAt = [...text.matchAll(/^Finished in (.+?) at \(/gm)].pop();
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const report: TlcRunReport = { ...outcome, finished: !!finishedAt, queueLeft: 0 };
  const final = [
    ...text.matchAll(
      /^[\d,]+ states generated, [\d,]+ distinct states found, ([\d,]+) states left on queue/gm,
    ),
  ].pop();
  if (final) report.queueLeft = num(final[1]);
  if (!final) {
    // No final figures: the last progress report (TLC prints one a minute) says how far it got.
    const p = [
      ...text.matchAll(
        /^Progress\((\d+)\).*?: ([\d,]+) states generated.*?, ([\d,]+) distinct states found.*?, ([\d,]+) states left on queue/gm,
      ),
    ].pop();
    if (p) {
      report.depth = num(p[1]);
      report.generatedStates = num(p[2]);
      report.distinctStates = num(p[3]);
      report.queueLeft = num(p[4]);
    }
  }
  if (finishedAt) {
    const ms = tlcDurationMs(finishedAt[1]);
    if (ms !== undefined) report.durationMs = ms;
  }
  const main = /^Parsing file (?:.*[/\\])?([A-Za-z0-9_]+)\.tla\s*$/m.exec(text);
  if (main) report.mainModule = main[1];
  const version = /^TLC2 Version (\S+)/m.exec(text);
  if (version) report.version = version[1];
  const workers = /^Running .* with (\d+) workers? on/m.exec(text);
  if (workers) report.workers = Number(workers[1]);
  return report;
}

/**
 * The kind of TLC's error, from the codes of its error messages (tlc2.output.EC, in `-tool`
 * output): the spec's (SANY's parse and semantic errors, a missing module), the config's (the
 * .cfg's syntax, `TLC_CONFIG_*`), an evaluation's (an expression TLC could not evaluate, its
 * nested positions, a failing ASSUME, the modules' operators' errors, and TLC's general error,
 * which it gives for an exception while evaluating), else TLC's own trouble (out of memory, a
 * stack overflow): as our engine's kinds, so that the exit code is the same whichever engine ran.
 */
export function tlcErrorKind(codes: readonly number[]): ErrorKind {
  const some = (test: (c: number) => boolean) => codes.some(test);
  if (some((c) => c === 3002 || c === 2171 || (c >= 4000 && c <= 4002) || c === 2119))
    return 'spec';
  if (some((c) => (c >= 5001 && c <= 5099) || (c >= 2222 && c <= 2243) || c === 2257))
    return 'config';
  if (some((c) => c === 2280 || c === 2281)) return 'config';
  if (some((c) => c >= 1001 && c <= 1005)) return 'internal';
  if (some((c) => c === 1000 || c === 2103 || c === 2105 || (c >= 2145 && c <= 2184)))
    return 'eval';
  return 'internal';
}

/**
 * The result a specstage run would give, read from TLC's output; `errorCodes`, the codes of its
 * error messages (`-tool` mode), give an error its kind.
 */
export function resultFromTlc(
  text: string,
  durationMs: number,
  errorCodes?: readonly number[],
): CheckResult {
  const outcome = parseTlcOutput(text);
  const queue = [
    ...text.matchAll(
      /^[\d,]+ states generated, [\d,]+ distinct states found, ([\d,]+) states left on queue/gm,
    ),
  ].pop();
  const result: CheckResult = {
    result: outcome.result,
    distinctStates: outcome.distinctStates,
    generatedStates: outcome.generatedStates,
    depth: outcome.depth,
    durationMs,
    queueLeft: queue ? Number(queue[1].replace(/,/g, '')) : 0,
    output: [],
  };
  const message = outcome.message ?? '';
  const named = /^Error: (Invariant|Action property) (.+) is violated/.exec(message);
  if (named) {
    result.violated = named[2];
    result.violatedPart = {
      kind: named[1] === 'Invariant' ? 'invariant' : 'action property',
      label: named[2],
    };
  }
  const assumption = /^Error: Assumption (.+) is false\./.exec(message);
  if (assumption) result.violatedPart = { kind: 'assumption', label: assumption[1] };
  if (outcome.result === 'deadlock failure') result.violated = 'deadlock';
  if (outcome.result !== 'success' && outcome.result !== 'error') {
    const trace = parseTlcTrace(text);
    if (trace) result.trace = trace;
  }
  if (outcome.result === 'error') {
    const err = /^Error: [\s\S]*?(?=\n\n|\nFinished in|$)/m.exec(text);
    result.error = {
      ...(errorCodes ? { kind: tlcErrorKind(errorCodes) } : {}),
      message: `TLC: ${(err?.[0] ?? 'TLC stopped without a result').replace(/^Error: /, '')}`,
    };
  }
  return result;
}
