/**
 * Disagreements with TLC that we understand and keep on purpose, each with the reason. An entry
 * matches a class of disagreement, never one expression; the report counts them apart. Keep this
 * list short: a disagreement that can be fixed is fixed, with a regression test.
 */
import type { ExprRecord } from './run-exprs';
import type { SpecRecord } from './run-specs';

interface Explanation {
  why: string;
  matches: (r: ExprRecord) => boolean;
}

const EXPLANATIONS: Explanation[] = [];

/** The reason for a disagreement, when an entry accounts for it. */
export function explain(r: ExprRecord): string | undefined {
  return EXPLANATIONS.find((e) => e.matches(r))?.why;
}

const SPEC_EXPLANATIONS: { why: string; matches: (r: SpecRecord) => boolean }[] = [];

export function explainSpec(r: SpecRecord): string | undefined {
  return SPEC_EXPLANATIONS.find((e) => e.matches(r))?.why;
}
