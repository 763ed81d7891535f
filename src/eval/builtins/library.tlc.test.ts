/**
 * The library operators' native implementations against TLC 2.20 and against the modules' own
 * TLA+ text, on the generated cases of oracle/cases.ts:
 * - TLC's answers recorded by scripts/record-library-cases.ts (oracle/cases.tlc.json), so that
 *   this runs without Java: the same value, or an error on both sides, except the disagreements of
 *   oracle/known-differences.json, each classed (compare.ts, DIFFERENCE_CLASSES) and checked to
 *   still be one;
 * - the TLA+ text evaluated by the engine (the Community Modules' meaning);
 * - live, when java is present: TLC still gives the recorded answers on a sample.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureParser } from '../../check/check';
import { CASE_BATCHES } from './oracle/cases';
import { compareBatch, type KnownDifferences, type Recorded } from './oracle/compare';
import { tlcEvaluate, tlcUnavailable } from './oracle/tlc';
import recordedJson from './oracle/cases.tlc.json';
import knownJson from './oracle/known-differences.json';

const recorded = recordedJson as Recorded;
/** Disagreements with TLC that are not the natives' (kernel or TLC quirks), each with its class. */
const known = knownJson as KnownDifferences;

beforeAll(ensureParser);

describe('library natives against TLC and the TLA+ text', () => {
  for (const batch of CASE_BATCHES) {
    it(`${batch.name}: ${Math.ceil(batch.exprs.length / 2)} of ${batch.exprs.length} expressions`, async () => {
      // A fixed slice: every other expression (scripts/record-library-cases.ts --compare-only does all).
      const r = await compareBatch(batch, recorded[batch.name], {
        sample: 2,
        skipSlowText: true,
        known,
      });
      expect(r.differences).toEqual([]);
      if (batch.tlc !== false) expect(r.compared).toBe(Math.ceil(batch.exprs.length / 2));
      expect(r.compared + r.textCompared).toBeGreaterThan(0);
    }, 60_000);
  }

  const why = tlcUnavailable();
  it.skipIf(why !== undefined)(
    `live: TLC 2.20 still gives the recorded answers${why ? ` (skipped: ${why})` : ''}`,
    () => {
      // One TLC run on a sample of the two largest batches (their modules do not clash).
      const sample = CASE_BATCHES.filter(
        (b) => b.name === 'bags' || b.name === 'community',
      ).flatMap((b) =>
        b.exprs.filter((_, i) => i % 31 === 0).map((e) => ({ e, answer: recorded[b.name][e] })),
      );
      const batch = {
        extends: [
          'Integers',
          'Sequences',
          'FiniteSets',
          'TLC',
          'Bags',
          'BagsExt',
          'SequencesExt',
          'FiniteSetsExt',
          'Functions',
          'Folds',
        ],
        exprs: sample.map((s) => s.e),
      };
      const live = tlcEvaluate(batch, { timeoutMs: 60_000 });
      const differ: string[] = [];
      sample.forEach((s, i) => {
        if (live[i] !== s.answer) differ.push(`${s.e}: recorded ${s.answer}, TLC now ${live[i]}`);
      });
      expect(differ).toEqual([]);
      expect(sample.length).toBeGreaterThan(80);
    },
    120_000,
  );
});
