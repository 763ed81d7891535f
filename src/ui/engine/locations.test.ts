import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../check/contract/types';
import type { Range } from '../../tla/ast/ast';
import { diagnosticsOfResult, fileOfRange, formatLocation } from './locations';

const at = (module: string, line: number): Range => ({
  module,
  start: { line, column: 3 },
  end: { line, column: 9 },
});

const failed = (error: CheckResult['error']): CheckResult => ({
  result: 'error',
  distinctStates: 0,
  generatedStates: 0,
  depth: 0,
  durationMs: 0,
  queueLeft: 0,
  output: [],
  error,
});

describe('locations', () => {
  it('finds the file of a module or of the model config', () => {
    expect(fileOfRange(at('DieHard', 1))).toBe('DieHard.tla');
    expect(fileOfRange(at('MC.cfg', 1))).toBe('MC.cfg');
    // A Quint spec's ranges name its file.
    expect(fileOfRange(at('DieHard.qnt', 1))).toBe('DieHard.qnt');
    expect(formatLocation(at('DieHard', 12))).toBe('DieHard.tla:12:3');
  });

  it('lists the diagnostics of a result, or its located error', () => {
    expect(diagnosticsOfResult(undefined)).toEqual([]);
    expect(diagnosticsOfResult(failed({ message: 'no location' }))).toEqual([]);
    expect(diagnosticsOfResult(failed({ message: 'boom', range: at('DieHard', 4) }))).toEqual([
      { severity: 'error', message: 'boom', range: at('DieHard', 4), code: 'error' },
    ]);
    const diagnostics = [
      { severity: 'warning' as const, message: 'w', range: at('A', 1), code: 'x' },
      { severity: 'error' as const, message: 'e', range: at('B', 2), code: 'syntax' },
    ];
    expect(diagnosticsOfResult(failed({ message: 'parse', diagnostics }))).toBe(diagnostics);
  });
});

describe('fileOfRange with the open files', () => {
  it('finds a module in the file whose header names it, when no file has its name', () => {
    const files = { 'Spec.tla': '---- MODULE Mutex ----\n====', 'Spec.cfg': 'INIT Init' };
    expect(fileOfRange(at('Mutex', 1), files)).toBe('Spec.tla');
    expect(formatLocation(at('Mutex', 1), files)).toBe('Spec.tla:1:3');
    // A file of the module's name wins; an unknown module keeps its own name.
    expect(fileOfRange(at('Mutex', 1), { ...files, 'Mutex.tla': '' })).toBe('Mutex.tla');
    expect(fileOfRange(at('Other', 1), files)).toBe('Other.tla');
    expect(fileOfRange(at('Spec.cfg', 1), files)).toBe('Spec.cfg');
  });
});
