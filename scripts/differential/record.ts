/**
 * Records TLC's answers for the regression corpus (tests/differential/corpus) and the handwritten
 * specs (tests/differential/specs), so that their tests run without Java.
 *
 *   npx tsx scripts/differential/record.ts add [--community] --found CLASS --note TEXT 'expr' …
 *   npx tsx scripts/differential/record.ts corpus     re-record TLC's answers for every case
 *   npx tsx scripts/differential/record.ts specs [X.cfg …]   re-record TLC's results for the specs
 *   npx tsx scripts/differential/record.ts slice      re-record the fixed-seed slice (slice.ts)
 *
 * `add` appends the expressions to the corpus and re-records the whole file (its module changed).
 * A case TLC refuses to evaluate to the same outcome twice is reported, not written.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tlcBatch } from './batch';
import { CORPUS_FILES, type CorpusFile, corpusLayout, readCorpus, writeCorpus } from './corpus';
import { parseTlcResult } from './run-specs';
import { recordSlice, SLICE_FILE } from './slice';
import { SPECS_DIR, type SpecExpectation } from './specs';
import { runTlc, tlcUnavailable } from './tlc';

async function recordCorpus(file: string, c: CorpusFile, work: string): Promise<void> {
  const r = await tlcBatch(c.name, corpusLayout(c), c.cases, join(work, file), {
    timeoutMs: 300_000,
    log: (l) => console.error(l),
  });
  if (r.runs.length !== 1) {
    console.error(
      `${file}: TLC needed ${r.runs.length} runs (a case stops it or is refused): answers recorded from several modules`,
    );
  }
  for (const k of c.cases) k.tlc = r.outcomes.get(k.id);
  writeCorpus(file, c);
  console.log(`${file}: ${c.cases.length} cases recorded (${r.tlcRuns} TLC runs)`);
}

async function recordSpecs(work: string, only: string[]): Promise<void> {
  for (const name of readdirSync(SPECS_DIR).sort()) {
    if (!name.endsWith('.cfg') || (only.length > 0 && !only.includes(name))) continue;
    const cfgName = name;
    const cfgText = readFileSync(join(SPECS_DIR, cfgName), 'utf8');
    const module = /^\\\*\s*module:\s*(\S+)/m.exec(cfgText)?.[1] ?? cfgName.replace(/\.cfg$/, '');
    const files = readdirSync(SPECS_DIR)
      .filter((f) => f.endsWith('.tla') || f.endsWith('.cfg'))
      .map((f) => ({ name: f, text: readFileSync(join(SPECS_DIR, f), 'utf8') }));
    const main = files.find((f) => f.name === `${module}.tla`)!;
    const dir = join(work, 'specs', cfgName);
    const t = await runTlc(dir, [main, ...files.filter((f) => f !== main)], {
      timeoutMs: 600_000,
      config: cfgName,
    });
    const res = parseTlcResult(t.stdout);
    const expected: SpecExpectation = {
      module,
      config: cfgName,
      result: res.result as SpecExpectation['result'],
      distinctStates: res.distinctStates ?? 0,
      depth: res.depth ?? 0,
      ...(res.traceLength !== undefined && res.result !== 'success'
        ? { traceLength: res.traceLength }
        : {}),
      ...(res.violated ? { violated: res.violated } : {}),
      ...(res.message ? { message: res.message.split('\n').slice(0, 3).join('\n') } : {}),
      tlcSeconds: Math.round(t.ms / 100) / 10,
    };
    writeFileSync(
      join(SPECS_DIR, cfgName.replace(/\.cfg$/, '.expected.json')),
      JSON.stringify(expected, null, 1) + '\n',
    );
    console.log(
      `${cfgName}: ${expected.result}, ${expected.distinctStates} states, depth ${expected.depth}${expected.traceLength ? `, trace ${expected.traceLength}` : ''}`,
    );
  }
}

async function main(argv: string[]): Promise<number> {
  const why = tlcUnavailable();
  if (why) {
    console.error(`record: TLC cannot run here (${why})`);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'specstage-record-'));
  try {
    const cmd = argv[0];
    if (cmd === 'corpus') {
      for (const f of CORPUS_FILES) await recordCorpus(f, readCorpus(f), work);
    } else if (cmd === 'specs') {
      await recordSpecs(work, argv.slice(1));
    } else if (cmd === 'slice') {
      const s = await recordSlice(work, (l) => console.error(l));
      console.log(
        `${SLICE_FILE}: ${s.cases.length} expressions in ${s.runs.length} modules, ${s.specs.length} specs`,
      );
    } else if (cmd === 'add') {
      let community = false;
      let found = '';
      let note = '';
      const exprs: string[] = [];
      for (let i = 1; i < argv.length; i++) {
        if (argv[i] === '--community') community = true;
        else if (argv[i] === '--found') found = argv[++i];
        else if (argv[i] === '--note') note = argv[++i];
        else exprs.push(argv[i]);
      }
      if (!found || !note || !exprs.length)
        throw new Error('add needs --found, --note and expressions');
      const file = community ? 'community.json' : 'standard.json';
      const c = readCorpus(file);
      let id = Math.max(0, ...c.cases.map((k) => k.id));
      for (const expr of exprs) {
        if (c.cases.some((k) => k.expr === expr)) continue;
        c.cases.push({ id: ++id, expr, family: 'corpus', found, note });
      }
      await recordCorpus(file, c, work);
    } else {
      console.error('usage: record.ts add|corpus|specs|slice');
      return 2;
    }
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
