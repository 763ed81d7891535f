import type { TraceValue } from '../../../../trace/value';
import { printValueOneLine } from '../../../../trace/print';
/**
 * Values as the sequence diagram names them. (Reading values as functions, containers and bags is
 * src/trace/view.ts.)
 */

/** A name for a value on a lifeline or in a note: TLC notation, strings without their quotes. */
export function shortText(v: TraceValue): string {
  return typeof v === 'string' ? v : printValueOneLine(v);
}
