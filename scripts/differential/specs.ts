/**
 * Handwritten specs in the styles of real projects (tests/differential/specs): each `.cfg` is one
 * model, its first line `\* module: Name` names the main module (default: the .cfg's own name),
 * and `<cfg>.expected.json` holds TLC's result, recorded by `record.ts specs`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult, SourceFile, Verdict } from '../../src/check/contract/types';

export const SPECS_DIR = fileURLToPath(new URL('../../tests/differential/specs', import.meta.url));

export interface SpecExpectation {
  module: string;
  config: string;
  result: Verdict;
  distinctStates: number;
  depth: number;
  traceLength?: number;
  violated?: string;
  message?: string;
  tlcSeconds: number;
}

export interface HandwrittenModel {
  config: string;
  cfgText: string;
  module: string;
  files: SourceFile[];
  expected?: SpecExpectation;
}

export function handwrittenModels(): HandwrittenModel[] {
  const names = readdirSync(SPECS_DIR).sort();
  const files = names
    .filter((f) => f.endsWith('.tla'))
    .map((f) => ({ name: f, text: readFileSync(join(SPECS_DIR, f), 'utf8') }));
  return names
    .filter((f) => f.endsWith('.cfg'))
    .map((config) => {
      const cfgText = readFileSync(join(SPECS_DIR, config), 'utf8');
      const module = /^\\\*\s*module:\s*(\S+)/m.exec(cfgText)?.[1] ?? config.replace(/\.cfg$/, '');
      const exp = names.includes(config.replace(/\.cfg$/, '.expected.json'))
        ? (JSON.parse(
            readFileSync(join(SPECS_DIR, config.replace(/\.cfg$/, '.expected.json')), 'utf8'),
          ) as SpecExpectation)
        : undefined;
      return { config, cfgText, module, files, expected: exp };
    });
}

/** Where our result departs from TLC's recorded one (the conformance suite's rules), or []. */
export function differencesFromTlc(e: SpecExpectation, r: CheckResult): string[] {
  const out: string[] = [];
  if (r.result !== e.result)
    return [`verdict ${r.result}${r.error ? ` (${r.error.message})` : ''}, TLC ${e.result}`];
  if (e.result === 'success') {
    if (r.distinctStates !== e.distinctStates)
      out.push(`distinct states ${r.distinctStates}, TLC ${e.distinctStates}`);
    if (r.depth !== e.depth) out.push(`depth ${r.depth}, TLC ${e.depth}`);
    if (r.uncheckedProperties?.length)
      out.push(`unchecked properties ${r.uncheckedProperties.join(', ')}`);
  }
  if (e.result === 'safety failure' || e.result === 'deadlock failure') {
    if (r.trace?.states.length !== e.traceLength)
      out.push(`counterexample of ${r.trace?.states.length} states, TLC ${e.traceLength}`);
    if (e.violated && r.violated !== e.violated)
      out.push(`violated ${r.violated}, TLC ${e.violated}`);
  }
  return out;
}
