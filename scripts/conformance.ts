/**
 * `npm run conformance`: checks every model of the corpus (expected.tsv) and every state-graph spec
 * with our CLI, each in a child process with a time limit, and compares with TLC's results
 * (scripts/conformance/compare.ts says what counts as agreeing). Prints a table and a summary, and
 * writes conformance-results.json.
 *
 *   --filter REGEX   only models / graphs whose name matches
 *   --timeout S      per-model time limit (default 120)
 *   --jobs N         models checked at once (default 1; the machine has 2 cores, others use them)
 *   --suite S        models | graphs | all (default all)
 *   --memory MB      heap limit per child (default 6144)
 *   --workers N      check the models with `--workers N` (default 1): the answer must not change
 *   --out FILE       results file (default conformance-results.json)
 *   --report FILE    run nothing: print the table and summary of a results file, re-judged with the
 *                    current comparison rules and expected.tsv
 *   --quint          Quint's examples instead (scripts/quint/conformance.ts, its own options)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { readTlcDot } from '../src/formats/dot';
import { compareGraphs, compareModel, describeGraphComparison } from './conformance/compare';
import {
  EXAMPLES,
  hasProperties,
  listGraphCases,
  modelName,
  readExpected,
  STATEGRAPHS,
  type ExpectedModel,
  type GraphCase,
} from './conformance/corpus';
import {
  graphLine,
  modelHeader,
  modelLine,
  summary,
  type GraphRow,
  type ModelRow,
} from './conformance/report';
import { observe, runCheckChild } from './conformance/run-child';
import { runTlc, tlcUnavailable } from './conformance/tlc';

interface Options {
  filter?: RegExp;
  timeoutMs: number;
  jobs: number;
  suite: 'models' | 'graphs' | 'all';
  memoryMb: number;
  out: string;
  report?: string;
  workers: number;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    timeoutMs: 120_000,
    jobs: 1,
    suite: 'all',
    memoryMb: 6144,
    out: 'conformance-results.json',
    workers: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--filter') o.filter = new RegExp(value());
    else if (flag === '--timeout') o.timeoutMs = Number(value()) * 1000;
    else if (flag === '--jobs') o.jobs = Math.max(1, Number(value()));
    else if (flag === '--suite') o.suite = value() as Options['suite'];
    else if (flag === '--memory') o.memoryMb = Number(value());
    else if (flag === '--workers') o.workers = Math.max(1, Number(value()));
    else if (flag === '--out') o.out = value();
    else if (flag === '--report') o.report = value();
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return o;
}

async function checkModelRow(m: ExpectedModel, o: Options): Promise<ModelRow> {
  const modulePath = join(EXAMPLES, m.module);
  // As TLC was run, in the model's directory; out of the box: no library path (the library
  // modules TLC had on its path ship with specstage).
  const workers = o.workers > 1 ? ['--workers', String(o.workers)] : [];
  const child = await runCheckChild(
    [modulePath, '--config', join(EXAMPLES, m.config), ...workers],
    {
      cwd: dirname(modulePath),
      timeoutMs: o.timeoutMs,
      memoryMb: o.memoryMb,
    },
  );
  const base = {
    kind: 'model' as const,
    name: modelName(m),
    module: m.module,
    config: m.config,
    hasProperties: hasProperties(m),
    tlc: m,
    wallSeconds: child.wallMs / 1000,
  };
  const seen = observe(child);
  if ('status' in seen) return { ...base, status: seen.status, reasons: [seen.reason] };
  return { ...base, ours: seen, ...compareModel(m, seen) };
}

async function checkGraphRow(g: GraphCase, o: Options, scratch: string): Promise<GraphRow> {
  const ourDot = join(scratch, `${g.name}.dot`);
  const child = await runCheckChild(
    [g.spec, '--config', g.cfg, '--no-deadlock', '--dump-dot', ourDot],
    {
      cwd: STATEGRAPHS,
      timeoutMs: o.timeoutMs,
      memoryMb: o.memoryMb,
    },
  );
  const wallSeconds = child.wallMs / 1000;
  const seen = observe(child);
  if ('status' in seen)
    return { kind: 'graph', name: g.name, status: seen.status, detail: seen.reason, wallSeconds };
  let tlc = readTlcDot(readFileSync(g.dot, 'utf8'));
  let source = '';
  // The stored dot is what TLC printed when the corpus was made. Where it shows a failure (no
  // graph), or where we fail and it does not, TLC is asked again when it is on this machine: a
  // library module it lacked then, or a failure part way (the partial graph is not a result).
  if ((tlc.states.size === 0 || seen.result === 'error') && !tlcUnavailable()) {
    const live = liveTlcGraph(g, scratch);
    if (live.result === 'error' && seen.result === 'error') {
      return {
        kind: 'graph',
        name: g.name,
        status: 'match',
        detail: `TLC (run now) and we both fail: ${seen.error}`,
        wallSeconds,
      };
    }
    if (live.graph) {
      tlc = live.graph;
      source = ' (TLC run now)';
    }
  }
  // An empty dot file is a spec TLC could not check: we should report an error too.
  if (tlc.states.size === 0) {
    const ok = seen.result === 'error';
    return {
      kind: 'graph',
      name: g.name,
      status: ok ? 'match' : 'mismatch',
      detail: ok
        ? `TLC and we both fail: ${seen.error}`
        : `TLC produced no graph (an error), we say ${seen.result}`,
      wallSeconds,
    };
  }
  if (seen.result === 'error')
    return {
      kind: 'graph',
      name: g.name,
      status: 'error',
      detail: seen.error ?? 'error',
      wallSeconds,
    };
  let ours;
  try {
    ours = readTlcDot(readFileSync(ourDot, 'utf8'));
  } catch (e) {
    return {
      kind: 'graph',
      name: g.name,
      status: 'error',
      detail: `our dot: ${e instanceof Error ? e.message : String(e)}`,
      wallSeconds,
    };
  }
  const comparison = compareGraphs(tlc, ours);
  return {
    kind: 'graph',
    name: g.name,
    status: comparison.match ? 'match' : 'mismatch',
    detail: describeGraphComparison(comparison) + source,
    comparison,
    wallSeconds,
  };
}

/** TLC's verdict on a state-graph spec now, and its graph when it checked it. */
function liveTlcGraph(
  g: GraphCase,
  scratch: string,
): { result: string; graph?: ReturnType<typeof readTlcDot> } {
  const dot = join(scratch, `${g.name}.tlc.dot`);
  const run = runTlc(STATEGRAPHS, basename(g.spec), basename(g.cfg), [
    '-deadlock',
    '-dump',
    'dot',
    dot,
  ]);
  if (run.result !== 'success' || !existsSync(dot)) return { result: run.result };
  return { result: run.result, graph: readTlcDot(readFileSync(dot, 'utf8')) };
}

/** Runs tasks `jobs` at a time, reporting each result as it comes. */
async function pool<T, R>(
  items: T[],
  jobs: number,
  run: (item: T) => Promise<R>,
  done: (r: R) => void,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]);
      done(results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

/** Re-judges saved rows: our figures are kept, TLC's and the verdict come from today's rules. */
function printReport(file: string): void {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as {
    models: ModelRow[];
    graphs: GraphRow[];
  };
  const expected = new Map(readExpected().map((m) => [m.config, m]));
  const models = saved.models.map((row) => {
    const tlc = expected.get(row.config) ?? row.tlc;
    const judged = row.ours
      ? compareModel(tlc, row.ours)
      : { status: row.status, reasons: row.reasons };
    return { ...row, tlc, hasProperties: hasProperties(tlc), ...judged };
  });
  if (saved.graphs.length > 0) console.log(`\n=== State graphs ===`);
  for (const g of saved.graphs) console.log(graphLine(g));
  if (models.length > 0) console.log(`\n=== Models ===\n${modelHeader()}`);
  for (const m of models) console.log(modelLine(m));
  for (const line of summary(models, saved.graphs)) console.log(line);
}

async function main(): Promise<void> {
  if (process.argv.includes('--quint')) {
    // Quint's examples against Quint's own tools and TLC: scripts/quint/conformance.ts.
    const { quintConformance } = await import('./quint/conformance');
    process.exitCode = await quintConformance(process.argv.slice(2));
    return;
  }
  const o = parseOptions(process.argv.slice(2));
  if (o.report) return printReport(o.report);
  const matches = (name: string) => !o.filter || o.filter.test(name);
  const scratch = mkdtempSync(join(tmpdir(), 'specstage-conformance-'));
  let graphs: GraphRow[] = [];
  let models: ModelRow[] = [];
  try {
    if (o.suite !== 'models') {
      const cases = listGraphCases().filter((g) => matches(g.name));
      console.log(`\n=== State graphs: ${cases.length} specs, ours vs TLC's -dump dot ===`);
      graphs = await pool(
        cases,
        o.jobs,
        (g) => checkGraphRow(g, o, scratch),
        (r) => console.log(graphLine(r)),
      );
    }
    if (o.suite !== 'graphs') {
      const expected = readExpected().filter((m) => matches(modelName(m)) || matches(m.config));
      console.log(`\n=== Models: ${expected.length} from expected.tsv ===`);
      console.log(modelHeader());
      models = await pool(
        expected,
        o.jobs,
        (m) => checkModelRow(m, o),
        (r) => console.log(modelLine(r)),
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const line of summary(models, graphs)) console.log(line);
  writeFileSync(
    o.out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        options: { ...o, filter: o.filter?.source },
        models,
        graphs,
      },
      null,
      1,
    ) + '\n',
  );
  console.log(`\nResults written to ${o.out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
