/** Where the engine's source ranges are among the open files, and how to print them. */
import type { CheckResult } from '../../check/types';
import type { Diagnostic, Range } from '../../tla/ast';

/** A range names a module (`DieHard`) or, for the model config, its file name (`DieHard.cfg`). */
export function fileOfRange(range: Range): string {
  return range.module.endsWith('.cfg') ? range.module : `${range.module}.tla`;
}

export function formatLocation(range: Range): string {
  return `${fileOfRange(range)}:${range.start.line}:${range.start.column}`;
}

/** Every located problem of a result: the front end's diagnostics, else the error's own range. */
export function diagnosticsOfResult(result: CheckResult | undefined): Diagnostic[] {
  const error = result?.error;
  if (!error) return [];
  if (error.diagnostics && error.diagnostics.length > 0) return error.diagnostics;
  if (!error.range) return [];
  return [{ severity: 'error', message: error.message, range: error.range, code: 'error' }];
}
