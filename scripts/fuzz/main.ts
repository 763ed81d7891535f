/**
 * `npm run fuzz [-- --seed N] [--count N] [--check-ms N]`: the seeded fuzzer (harness.ts) over
 * specs, configs, share links and trace files; 20,000 inputs by default. Prints the tally and each
 * finding (its target, seed and the input), and exits 1 when there is a finding.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { fuzz, loadSeeds } from './harness';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    count: { type: 'string', default: '20000' },
    'check-ms': { type: 'string', default: '150' },
  },
});
const seed = Number(values.seed);
const count = Number(values.count);
const checkMs = Number(values['check-ms']);

const started = Date.now();
const seeds = await loadSeeds(fileURLToPath(new URL('../../src/ui/examples/', import.meta.url)));
console.log(
  `fuzz: seed ${seed}, ${count} inputs from ${seeds.models.length} models, ${seeds.links.length} links, ${seeds.traces.length} trace files`,
);
const tally = await fuzz(seeds, seed, count, checkMs, (t) =>
  process.stderr.write(`  ${t.inputs} inputs, ${t.findings.length} findings\r`),
);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `${tally.inputs} inputs in ${seconds} s: ${JSON.stringify(tally.perTarget)}; ` +
    `${tally.timedOut} checks stopped at ${checkMs} ms; exit codes ${JSON.stringify(tally.exitCodes)}`,
);
for (const f of tally.findings) {
  console.log(`\n[${f.target}] seed ${f.seed}: ${f.problem}\n--- input ---\n${f.input}\n---`);
}
console.log(`${tally.findings.length} findings`);
process.exitCode = tally.findings.length ? 1 : 0;
