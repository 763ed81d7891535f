/**
 * Handwritten specs in the styles of real projects (tests/differential/specs: per-pair channels,
 * PlusCal, instances and refinement, records of functions), checked by our engine and compared
 * with TLC's results recorded beside them (`record.ts specs`): verdict, distinct states and depth,
 * counterexample length.
 */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/check';
import { differencesFromTlc, handwrittenModels, SPECS_DIR } from '../../scripts/differential/specs';
import { runCheckChild } from '../../scripts/conformance/run-child';
import type { CheckResult } from '../../src/check/contract/types';
import { libraryFiles } from '../../scripts/differential/libs';

describe('handwritten specs against TLC', () => {
  for (const m of handwrittenModels()) {
    it(`${m.config} (${m.module})`, async () => {
      expect(m.expected, `no TLC result recorded for ${m.config}`).toBeDefined();
      const names = new Set(m.files.map((f) => f.name));
      const r = await checkModel({
        files: [...m.files, ...libraryFiles().filter((f) => !names.has(f.name))],
        mainModule: m.module,
        cfg: m.cfgText,
        cfgName: m.config,
        options: { workers: 1 },
      });
      expect(differencesFromTlc(m.expected!, r)).toEqual([]);
    }, 120_000);
  }
});

describe('handwritten specs against TLC, two workers', () => {
  // The shared search decides violations in its own code (check/parallel/): the states outside
  // the constraints, at least, with two worker threads through the CLI.
  for (const m of handwrittenModels().filter((x) =>
    ['OutsideConstraint.cfg', 'OutsideInit.cfg', 'OutsideStepProperty.cfg'].includes(x.config),
  )) {
    it(`${m.config} (${m.module}) --workers 2`, async () => {
      const r = await runCheckChild([`${m.module}.tla`, '--config', m.config, '--workers', '2'], {
        cwd: SPECS_DIR,
        timeoutMs: 60_000,
        memoryMb: 1024,
      });
      expect(r.json, r.stderrTail).toBeDefined();
      const got = r.json as CheckResult;
      expect(differencesFromTlc(m.expected!, got)).toEqual([]);
    }, 90_000);
  }
});
