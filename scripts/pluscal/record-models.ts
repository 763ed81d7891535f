/**
 * Records what TLC reports for the PlusCal models of tests/pluscal/models (an algorithm and a
 * .cfg each, no translation) once the Java translator has translated them: in a temporary copy,
 * `tlc -pcal M.tla` then `tlc M.tla -config M.cfg -workers 1`. The verdict, counts, depth and
 * TLC's error message go to tests/pluscal/models/expected.tsv, which tests/pluscal/models.test.ts
 * compares our translation checked by our engine with (no Java needed there):
 *
 *   npx tsx scripts/pluscal/record-models.ts
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTlc, tlcUnavailable } from '../conformance/tlc';
import { runJava } from './record';

export const MODELS = fileURLToPath(new URL('../../tests/pluscal/models/', import.meta.url));
export const HEADER = [
  'module',
  'config',
  'result',
  'distinctStates',
  'generatedStates',
  'depth',
  'message',
];

function main(): void {
  const why = tlcUnavailable();
  if (why !== undefined) throw new Error(`cannot record: ${why}`);
  const rows = [HEADER.join('\t')];
  for (const cfg of readdirSync(MODELS)
    .filter((f) => f.endsWith('.cfg'))
    .sort()) {
    const module = cfg.replace(/\.cfg$/, '.tla');
    const dir = mkdtempSync(join(tmpdir(), 'pcal-model-'));
    try {
      const java = runJava(join(MODELS, module), []);
      if (java.tla === undefined)
        throw new Error(`${module}: the Java translator refused it:\n${java.out}`);
      writeFileSync(join(dir, module), java.tla);
      copyFileSync(join(MODELS, cfg), join(dir, cfg));
      const o = runTlc(dir, module, cfg);
      if (o.result === 'error') throw new Error(`${module}: TLC could not check it:\n${o.output}`);
      rows.push(
        [module, cfg, o.result, o.distinctStates, o.generatedStates, o.depth, o.message ?? ''].join(
          '\t',
        ),
      );
      console.log(rows[rows.length - 1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  writeFileSync(join(MODELS, 'expected.tsv'), rows.join('\n') + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
