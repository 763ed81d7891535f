/** An example's stated result in words, as the gallery and the side panel show it. */
import type { ExpectedResult } from '../examples';

export function describeExpected(expected: ExpectedResult): string {
  switch (expected.verdict) {
    case 'success':
      return `No error: ${expected.distinctStates?.toLocaleString('en-US')} distinct states`;
    case 'liveness failure':
      return `Property ${expected.violated} violated: a loop of ${expected.traceLength} states`;
    case 'safety failure':
      return `Invariant ${expected.violated} violated: a trace of ${expected.traceLength} states`;
    default:
      return expected.verdict;
  }
}
