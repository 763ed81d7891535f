/**
 * TLC's console output (what `tlc2.TLC` prints, not `-tool` mode), read back as a result: the
 * verdict, the figures of its last report, and the line naming what was violated. For comparing
 * with TLC, and for results a user brings back from a TLC run.
 */
import type { Verdict } from '../check/types';

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
  if (/^Error: Assumption .* is false\./m.test(text) || /^Error: The assumption .* is (false|violated)/m.test(text)) return 'assumption failure';
  return 'error';
}

export function parseTlcOutput(text: string): TlcOutcome {
  const counts = [...text.matchAll(/^([\d,]+) states generated, ([\d,]+) distinct states found/gm)].pop();
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
