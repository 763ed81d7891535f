/**
 * A fixed slice of the fuzzer (scripts/fuzz/harness.ts; `npm run fuzz` runs 20,000 inputs):
 * mutated specs, configs, share links and trace files give no internal error, every exit code is
 * the error kind's and every range lies inside its file.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fuzz, loadSeeds } from '../../scripts/fuzz/harness';

describe('fuzzer slice', () => {
  it('200 inputs from seed 1: no finding', { timeout: 120_000 }, async () => {
    const seeds = await loadSeeds(
      fileURLToPath(new URL('../../src/ui/examples/', import.meta.url)),
    );
    const tally = await fuzz(seeds, 1, 200);
    expect(tally.perTarget).toEqual({ spec: 50, config: 50, 'share-link': 50, 'trace-file': 50 });
    // The slice reaches every kind of answer, not only parse errors.
    expect(Object.keys(tally.exitCodes).map(Number)).toEqual(
      expect.arrayContaining([0, 12, 150, 151, 152]),
    );
    expect(tally.findings.map((f) => `[${f.target}] seed ${f.seed}: ${f.problem}`)).toEqual([]);
  });
});
