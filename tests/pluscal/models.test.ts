/**
 * PlusCal models of our own (tests/pluscal/models: an algorithm and a .cfg each, no translation)
 * translated by our translator and checked by our engine, against what TLC 2.20 reported for the
 * Java translator's translation (expected.tsv, recorded by scripts/pluscal/record-models.ts):
 * verdict, TLC's message, distinct and generated states, depth. Fairness (fair, fair+, -termination),
 * procedures and the stack, macros, either/with, a deadlock and a liveness violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/check';
import { readConfig } from '../../src/check/model/setup';
import { summaryLines } from '../../src/cli/summary';
import { translateModule } from '../../src/pluscal/translate';

const dir = fileURLToPath(new URL('models/', import.meta.url));
const rows = readFileSync(join(dir, 'expected.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));

describe('PlusCal models: our translation, checked, against TLC on the Java translation', () => {
  it('has the models', () => expect(rows.length).toBeGreaterThanOrEqual(7));
  for (const [module, config, result, distinct, generated, depth, message] of rows) {
    it(`${module}: ${result}`, async () => {
      const t = translateModule(readFileSync(join(dir, module), 'utf8'), ['-nocfg']);
      if (!t.ok) throw t.error;
      const req = {
        files: [{ name: module, text: t.text }],
        mainModule: module.replace(/\.tla$/, ''),
        cfg: readFileSync(join(dir, config), 'utf8'),
        cfgName: config,
        options: { workers: 1 },
      };
      const r = await checkModel(req, {});
      expect(r.error?.message).toBeUndefined();
      expect(r.result).toBe(result);
      expect([r.distinctStates, r.generatedStates]).toEqual([Number(distinct), Number(generated)]);
      if (result === 'success') expect(r.depth).toBe(Number(depth));
      const error = summaryLines(r, readConfig(req)).find((l) => l.startsWith('Error: '));
      expect(error ?? '').toBe(message ?? '');
    });
  }
});
