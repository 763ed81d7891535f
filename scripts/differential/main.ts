/**
 * `npm run differential -- --seed S --exprs N --specs M [--spec-workers W]`: the differential
 * harness against TLC
 * (see scripts/README.md). Prints a summary and writes every record to `--out`
 * (default differential-results.json).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExpressions } from './run-exprs';
import { runSpecs } from './run-specs';
import { summarize, summarizeSpecs } from './report';
import { tlcUnavailable } from './tlc';

interface Args {
  seed: number;
  exprs: number;
  specs: number;
  batch: number;
  communityEvery: number;
  out: string;
  keep: boolean;
  messages: boolean;
  specWorkers: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    seed: 1,
    exprs: 1000,
    specs: 0,
    batch: 250,
    communityEvery: 4,
    out: 'differential-results.json',
    keep: false,
    messages: true,
    specWorkers: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${k} needs a value`);
      return x;
    };
    if (k === '--seed') a.seed = Number(v());
    else if (k === '--exprs') a.exprs = Number(v());
    else if (k === '--specs') a.specs = Number(v());
    else if (k === '--batch') a.batch = Number(v());
    else if (k === '--community-every') a.communityEvery = Number(v());
    else if (k === '--out') a.out = v();
    else if (k === '--keep') a.keep = true;
    else if (k === '--no-messages') a.messages = false;
    else if (k === '--spec-workers') a.specWorkers = Number(v());
    else throw new Error(`unknown option ${k}`);
  }
  return a;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const why = tlcUnavailable();
  if (why) {
    console.error(`differential: TLC cannot run here (${why}); nothing compared.`);
    return 2;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'specstage-differential-'));
  const started = Date.now();
  try {
    const log = (l: string) => console.error(l);
    const ex = await runExpressions({
      seed: args.seed,
      count: args.exprs,
      communityEvery: args.communityEvery,
      batchSize: args.batch,
      workDir,
      tlcTimeoutMs: 120_000,
      oursTimeoutMs: 30_000,
      log,
      fetchMessages: args.messages,
    });
    const summary = summarize(ex.records, {
      tlcRuns: ex.tlcRuns,
      tlcMs: ex.tlcMs,
      oursMs: ex.oursMs,
      wallMs: Date.now() - started,
      seed: args.seed,
    });
    console.log(summary.text);
    const specStarted = Date.now();
    const sp =
      args.specs > 0
        ? await runSpecs(args.seed, args.specs, {
            workDir: join(workDir, 'specs'),
            tlcTimeoutMs: 120_000,
            oursTimeoutMs: 120_000,
            log,
            workers: args.specWorkers,
          })
        : { records: [], ms: 0 };
    const specSummary = summarizeSpecs(sp.records, Date.now() - specStarted);
    if (args.specs > 0) console.log(specSummary.text);
    writeFileSync(
      args.out,
      JSON.stringify(
        {
          seed: args.seed,
          summary: summary.data,
          specSummary: specSummary.data,
          expressions: ex.records,
          specs: sp.records,
        },
        null,
        1,
      ),
    );
    console.log(`records written to ${args.out}`);
    return summary.data.unexplained + specSummary.data.unexplained > 0 ? 1 : 0;
  } finally {
    if (args.keep) console.error(`work directory kept: ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
