/**
 * Values as the tree shows them: printed by `printValue`'s one-line form (TLC's notation), cut
 * short when long (the parts are one click away).
 */
import type { TraceValue } from '../../../check/types';
import { valueLine } from './valueParts';

/** The value on one line, at most `max` characters: `{1, 2, 3, …` marks what was cut. */
export function valueSummary(v: TraceValue, max = 160): string {
  const text = valueLine(v);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
