/**
 * Evaluation errors carry the source range of the expression that failed, so the UI and the CLI
 * can point at it; the checker adds the trace that reached the failing state.
 */
import type { Range } from '../tla/ast/ast';
import { ValueError } from '../core/values';

export class EvalError extends Error {
  constructor(
    message: string,
    readonly range?: Range,
  ) {
    super(message);
  }
}

/**
 * A successor that leaves a variable without a value. TLC counts it among the states generated
 * before it reports it (its worker checks each successor once the action has produced them).
 */
export class IncompleteStateError extends EvalError {}

/** The model config names or lacks something the spec needs (no INIT, a replacement not defined). */
export class ConfigError extends EvalError {}

/**
 * An evaluation error of a named check, with TLC 2.20's header on a line of its own above the
 * cause: `Evaluating invariant Inv failed.`, `Evaluating action property P failed.`. The error's
 * range still points at the expression that failed (which may be in an operator the check calls).
 */
export function failedEvaluating(what: string, e: unknown): unknown {
  if (e instanceof EvalError && !(e instanceof ConfigError))
    e.message = `Evaluating ${what} failed.\n${e.message}`;
  return e;
}

/** Attach a range to a value-level error raised below an expression. */
export function withRange(e: unknown, range: Range): never {
  if (e instanceof EvalError) {
    if (!e.range) (e as { range?: Range }).range = range;
    throw e;
  }
  if (e instanceof ValueError) throw new EvalError(e.message, range);
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    throw new EvalError(
      'recursion too deep (stack overflow): is a recursive definition missing its base case?',
      range,
    );
  }
  throw e;
}

export function formatRange(r: Range): string {
  return `${r.module}:${r.start.line}:${r.start.column}`;
}
