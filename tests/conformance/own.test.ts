/**
 * Specs of our own in the shapes real models take (tests/conformance/own: instances and
 * refinement, .cfg overrides through instances, lazy sets and functions, temporal formulas under
 * IF, VIEW with SYMMETRY, Paxos-style quorums over records, per-pair channels, the Community
 * Modules), each against what TLC 2.20 reported for it (expected.tsv, recorded by
 * `npx tsx scripts/conformance/own.ts`): the verdict, TLC's message, and the counts, generated
 * states included. Where java is present the record itself is checked against TLC.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/check';
import { summaryLines } from '../../src/cli/summary';
import { readConfig } from '../../src/check/model/setup';
import { OWN, readOwnExpected, runTlcOn, tlcUnavailable } from '../../scripts/conformance/own';

const cases = readOwnExpected();
const moduleFiles = () =>
  readdirSync(OWN)
    .filter((f) => f.endsWith('.tla'))
    .map((f) => f.slice(0, -4))
    .map((m) => ({ name: `${m}.tla`, text: readFileSync(join(OWN, `${m}.tla`), 'utf8') }));

describe('own specs against TLC', () => {
  for (const c of cases) {
    it(`${c.config}: ${c.result}`, async () => {
      const req = {
        files: moduleFiles(),
        mainModule: c.module.replace(/\.tla$/, ''),
        cfg: readFileSync(join(OWN, c.config), 'utf8'),
        cfgName: c.config,
        options: { workers: 1 },
      };
      const r = await checkModel(req, {});
      expect(r.error?.message).toBeUndefined();
      expect(r.result).toBe(c.result);
      expect([r.distinctStates, r.generatedStates]).toEqual([c.distinctStates, c.generatedStates]);
      if (c.result === 'success') expect(r.depth).toBe(c.depth);
      const message = summaryLines(r, readConfig(req)).find((l) => l.startsWith('Error: '));
      expect(message).toBe(c.message);
    });
  }
});

const why = tlcUnavailable();
describe.skipIf(why !== undefined)('the record against TLC itself (java present)', () => {
  it('TLC still reports what expected.tsv says', () => {
    const drift = cases
      .map(runTlcOn)
      .filter((o, i) => JSON.stringify(o) !== JSON.stringify(cases[i]));
    expect(drift).toEqual([]);
  }, 300_000);
});
if (why !== undefined) {
  describe('the record against TLC itself', () => {
    it.skip(`skipped: ${why}`, () => {});
  });
}
