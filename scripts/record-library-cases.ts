/**
 * Records TLC's answers for the library-operator cases (src/eval/builtins/oracle/cases.ts) in
 * src/eval/builtins/oracle/cases.tlc.json, which library.tlc.test.ts compares the engine with
 * (without Java). Run it after changing the cases:
 *
 *   npx tsx scripts/record-library-cases.ts                  # one TLC run per batch, -workers 1
 *   npx tsx scripts/record-library-cases.ts --only json,graphs  # those batches, the others kept
 *   npx tsx scripts/record-library-cases.ts --compare-only      # compare with what is recorded
 *   … --write-known   also writes oracle/known-differences.json: every disagreement with TLC, each
 *                     given a class by `classify` below (review them: a class is a claim)
 *
 * Then prints the engine's disagreements (natives vs TLC, natives vs the modules' TLA+ text).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CASE_BATCHES } from '../src/eval/builtins/oracle/cases';
import { tlcEvaluate, tlcUnavailable } from '../src/eval/builtins/oracle/tlc';
import {
  compareBatch,
  type KnownDifferences,
  type Recorded,
} from '../src/eval/builtins/oracle/compare';
import type { Outcome } from '../src/eval/builtins/oracle/engine';
import type { TlcAnswer } from '../src/eval/builtins/oracle/tlc';

const out = fileURLToPath(new URL('../src/eval/builtins/oracle/cases.tlc.json', import.meta.url));
const knownFile = fileURLToPath(
  new URL('../src/eval/builtins/oracle/known-differences.json', import.meta.url),
);

/** The class (compare.ts, DIFFERENCE_CLASSES) of a disagreement with TLC, from its shape. */
function classify(e: string, tlc: TlcAnswer, native: Outcome): string {
  if (/^atoi\(/.test(e)) return 'placeholder';
  if (/^PickSuccessor\(/.test(e)) return 'action-level';
  if (/^Restrict\(.*, Nat\)$/.test(e)) return 'infinite-domain';
  if (
    tlc !== null &&
    'error' in native &&
    /LAMBDA x, y : y|LAMBDA x, y : TRUE|LAMBDA x : TRUE/.test(e)
  )
    return 'lazy-arguments';
  if (tlc !== null && /2147483647/.test(e) && /^(BagCardinality|\(.*\) \(\+\))/.test(e))
    return 'bags-wrap';
  if (/^ToJsonObject\(\[x \\in/.test(e)) return 'representation';
  if (/^ReplaceAt\(\[/.test(e)) return 'except-outside-domain';
  if (/^RemoveAt\("/.test(e)) return 'substring-range';
  if (tlc === null && 'value' in native && /^SimplePath\(/.test(e)) return 'incomparable';
  return 'UNEXPLAINED';
}

const compareOnly = process.argv.includes('--compare-only');
const why = compareOnly ? undefined : tlcUnavailable();
if (why) {
  console.error(`Cannot record: ${why}`);
  process.exit(1);
}
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1].split(',') : undefined;
const recorded: Recorded =
  (only || compareOnly) && existsSync(out)
    ? (JSON.parse(readFileSync(out, 'utf8')) as Recorded)
    : {};
for (const batch of compareOnly ? [] : CASE_BATCHES) {
  if (batch.tlc === false || (only && !only.includes(batch.name))) continue;
  const started = Date.now();
  const answers = tlcEvaluate(
    { ...batch, exprs: batch.tlcExprs ?? batch.exprs },
    { log: (s) => console.log(`  ${s}`) },
  );
  recorded[batch.name] = Object.fromEntries(batch.exprs.map((e, i) => [e, answers[i]]));
  console.log(
    `${batch.name}: ${batch.exprs.length} expressions, ${answers.filter((a) => a === null).length} errors, TLC ${Date.now() - started} ms`,
  );
}
if (!compareOnly) {
  writeFileSync(out, `${JSON.stringify(recorded, null, 1)}\n`);
  console.log(`wrote ${out}`);
}

const writeKnown = process.argv.includes('--write-known');
const known: KnownDifferences =
  existsSync(knownFile) && !writeKnown
    ? (JSON.parse(readFileSync(knownFile, 'utf8')) as KnownDifferences)
    : {};
const found: KnownDifferences = {};
for (const batch of CASE_BATCHES) {
  if (only && !only.includes(batch.name)) continue;
  const r = await compareBatch(batch, recorded[batch.name], {
    known,
    unexplained: (e, tlc, native) => (found[`${batch.name}:${e}`] = classify(e, tlc, native)),
  });
  console.log(
    `\n${batch.name}: ${r.compared} compared with TLC, ${r.textCompared} with the TLA+ text`,
  );
  for (const d of r.differences) console.log(`  ${d}`);
}
if (writeKnown) {
  writeFileSync(knownFile, `${JSON.stringify(found, null, 1)}\n`);
  const counts: Record<string, number> = {};
  for (const c of Object.values(found)) counts[c] = (counts[c] ?? 0) + 1;
  console.log(`wrote ${knownFile}:`, counts);
}
