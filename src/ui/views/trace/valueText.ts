/**
 * Values as the tree shows them: printed by `printValue`'s one-line form (TLC's notation), cut
 * short when long (the parts are one click away). A large collection is printed from its first
 * parts only: a step shows several 50 KB values, and printing them whole to show a line of each
 * would cost more than the rest of the step.
 */
import { valueLine } from './valueParts';
import { firstParts, partCount } from '../../../trace/view';
import type { TraceValue } from '../../../trace/value';

/** Parts printed for a summary; a line of 160 characters never holds more. */
const SUMMARY_PARTS = 40;

/** The value on one line, at most `max` characters; `…` marks what was cut. */
export function valueSummary(v: TraceValue, max = 160): string {
  const cut = partCount(v) > SUMMARY_PARTS;
  const text = valueLine(cut ? firstParts(v, SUMMARY_PARTS) : v);
  if (text.length > max) return `${text.slice(0, max - 1)}…`;
  // The first parts printed short of the line: the closing bracket would claim an end.
  return cut ? `${text.slice(0, -1)}…` : text;
}

/** The whole value on one line when it is small enough to read in a tooltip. */
export function valueTooltip(v: TraceValue, max = 2000): string | undefined {
  if (partCount(v) > SUMMARY_PARTS) return undefined;
  const text = valueLine(v);
  return text.length <= max ? text : undefined;
}
