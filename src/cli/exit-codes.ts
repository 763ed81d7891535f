/**
 * Process exit codes. Verdicts use TLC's codes so that scripts written around TLC keep working;
 * errors are 150 and up as in TLC, split by where the problem lies. src/cli/README.md lists them.
 */
import type { CheckResult, ErrorKind, Verdict } from '../check/contract/types';

export const EXIT = {
  success: 0,
  assumptionFailure: 10,
  deadlock: 11,
  safetyViolation: 12,
  livenessViolation: 13,
  /** The spec does not parse or has a semantic error; also: a command that is not implemented yet. */
  specError: 150,
  /** The .cfg is missing, does not parse, or names what the spec does not define. */
  cfgError: 151,
  /** Evaluating the spec failed during the search (TLC's "error" verdict on a reachable state). */
  evalError: 152,
  /**
   * A bug or a limit of specstage itself (an exception, the memory budget, a cancelled run, a
   * PROPERTY it could not check in a run that found no error).
   */
  internalError: 153,
  /** The command line is wrong (unknown option, missing file name). */
  usage: 154,
  /** A file could not be read or written. */
  io: 155,
} as const;

const VERDICT_CODES: Record<Exclude<Verdict, 'error'>, number> = {
  success: EXIT.success,
  'assumption failure': EXIT.assumptionFailure,
  'deadlock failure': EXIT.deadlock,
  'safety failure': EXIT.safetyViolation,
  'liveness failure': EXIT.livenessViolation,
};

const KIND_CODES: Record<ErrorKind, number> = {
  spec: EXIT.specError,
  config: EXIT.cfgError,
  eval: EXIT.evalError,
  internal: EXIT.internalError,
};

/**
 * The exit code for a result: a verdict's, or the error's kind's. Only an answer from another
 * engine (TLC's, through tlc-engine.ts) may lack a kind; then it is read from what the error
 * carries: diagnostics are spec errors, a range in the .cfg a config error, a trace or a range in
 * a module an evaluation error, nothing attached ours.
 */
export function exitCodeFor(
  result: Pick<CheckResult, 'result' | 'stopped' | 'error' | 'uncheckedProperties'>,
  cfgName: string,
): number {
  if (result.result !== 'error') {
    if (result.stopped) return EXIT.internalError;
    // No error, but not everything was checked (a PROPERTY we cannot check yet): not a pass.
    if (result.result === 'success' && result.uncheckedProperties?.length)
      return EXIT.internalError;
    return VERDICT_CODES[result.result];
  }
  const e = result.error;
  if (!e) return EXIT.internalError;
  if (e.kind) return KIND_CODES[e.kind];
  if (e.diagnostics && e.diagnostics.length > 0) return EXIT.specError;
  if (e.range && (e.range.module === cfgName || e.range.module.endsWith('.cfg')))
    return EXIT.cfgError;
  if (e.trace || e.range) return EXIT.evalError;
  return EXIT.internalError;
}
