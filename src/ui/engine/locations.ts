/** Where the engine's source ranges are among the open files, and how to print them. */
import type { CheckResult } from '../../check/contract/types';
import type { Diagnostic, Range } from '../../tla/ast/ast';

/**
 * The file a range is in. A range names a module (`DieHard`) or, for the model config and Quint
 * files, its file name (`DieHard.cfg`, `DieHard.qnt`). A module is in the file of its name, unless `files` has none: then in the
 * file whose header declares it (`Spec.tla` holding `MODULE Mutex` after its header was edited).
 */
export function fileOfRange(range: Range, files?: Record<string, string>): string {
  // The model config, or a Quint file (a Quint spec's ranges name its file: src/quint).
  if (range.module.endsWith('.cfg') || range.module.endsWith('.qnt')) return range.module;
  const named = `${range.module}.tla`;
  if (!files || named in files) return named;
  return fileHoldingModule(files, range.module) ?? named;
}

/** The .tla file whose first module header names `module`. */
export function fileHoldingModule(
  files: Record<string, string>,
  module: string,
): string | undefined {
  return Object.keys(files).find(
    (name) => name.endsWith('.tla') && moduleNameOf(files[name]) === module,
  );
}

/** The name in a module's header (`---- MODULE Spec ----`), if it has one. */
export function moduleNameOf(text: string): string | undefined {
  return /^\s*-{4,}\s*MODULE\s+(\w+)/m.exec(text)?.[1];
}

export function formatLocation(range: Range, files?: Record<string, string>): string {
  return `${fileOfRange(range, files)}:${range.start.line}:${range.start.column}`;
}

/** Every located problem of a result: the front end's diagnostics, else the error's own range. */
export function diagnosticsOfResult(result: CheckResult | undefined): Diagnostic[] {
  const error = result?.error;
  if (!error) return [];
  if (error.diagnostics && error.diagnostics.length > 0) return error.diagnostics;
  if (!error.range) return [];
  return [{ severity: 'error', message: error.message, range: error.range, code: 'error' }];
}
