/**
 * `npm run conformance -- --quint`: Quint's examples (../shared/corpus/quint) against Quint's own
 * tools and TLC. For each `.qnt` file:
 *
 * - typecheck: does Quint's front end (the same package `quint typecheck` runs) accept it;
 * - load: does our lowering give a module (main module: the one named as the file, else the last);
 * - check: our exhaustive check of its `init`/`step` with the invariants it names (vals whose
 *   name says inv/Inv/invariant), to the end, or to the time budget (saying so), or the plain
 *   "not supported yet: <construct> at <range>"; "no state machine" when it has no init/step;
 * - (a) replay: traces of `quint run --backend typescript --mbt --out-itf` replayed in our engine
 *   state by state (each state a successor of the one before);
 * - (b) violation: when Quint's simulator violates an invariant, our check must violate it too,
 *   with a trace no longer than Quint's;
 * - (d) TLC: the classic ports whose parameters match a corpus model, distinct states vs TLC's
 *   (expected.tsv).
 *
 *   --filter REGEX   only files whose path matches
 *   --budget S       seconds our check may take per example (default 10)
 *   --samples N      quint run's --max-samples (default 100); --steps N its --max-steps (default 10)
 *   --no-quint       skip (a) and (b) (no quint run)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkModel } from '../../src/check/check';
import { pathOfTrace } from '../../src/check/explore/explore';
import type { Trace } from '../../src/check/contract/types';
import {
  analyzeQuint,
  loadQuint,
  lowerQuintFiles,
  quintRequest,
  type QuintLoad,
} from '../../src/quint';
import { guessMainModule, readQuintFiles } from '../../src/cli/quint';
import { fromItfTrace } from '../../src/quint/itf';

const CORPUS = new URL('../../../shared/corpus/quint/', import.meta.url).pathname;
const EXPECTED = new URL('../../../shared/corpus/expected.tsv', import.meta.url).pathname;
const QUINT_BIN = new URL('../../node_modules/.bin/quint', import.meta.url).pathname;

/**
 * Classic ports whose parameters are those of a corpus model (checked by reading both): Quint file,
 * main module, the corpus model (expected.tsv's first column).
 */
const TLC_PAIRS: { file: string; main: string; model: string }[] = [
  {
    // RM = {r1, r2, r3} in TwoPhase.cfg; resourceManagers = Set("rm1", "rm2", "rm3") here.
    file: 'classic/distributed/TwoPhaseCommit/two_phase_commit.qnt',
    main: 'two_phase_commit_3',
    model: 'transaction_commit/TwoPhase.tla',
  },
  {
    // N = 3 in EWD840.cfg; import ewd840(N = 3).* here.
    file: 'classic/distributed/ewd840/ewd840.qnt',
    main: 'ewd840_3',
    model: 'ewd840/EWD840.tla',
  },
];

interface Options {
  filter?: RegExp;
  budgetMs: number;
  samples: number;
  steps: number;
  quint: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { budgetMs: 10_000, samples: 100, steps: 10, quint: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quint') continue;
    else if (a === '--filter') o.filter = new RegExp(next());
    else if (a === '--budget') o.budgetMs = Number(next()) * 1000;
    else if (a === '--samples') o.samples = Number(next());
    else if (a === '--steps') o.steps = Number(next());
    else if (a === '--no-quint') o.quint = false;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

function qntFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...qntFiles(p));
    else if (name.endsWith('.qnt')) out.push(p);
  }
  return out;
}

interface Row {
  file: string;
  main?: string;
  typecheck: boolean;
  load: string;
  check: string;
  /** Verdict/states for the summary. */
  ran: boolean;
  stateMachine: boolean;
  replay?: string;
  violation?: string;
  tlc?: string;
  disagreement?: string;
}

/** The vals of the main module that name themselves invariants. */
function invariantsOf(qualifiers: Map<string, string>, params: Set<string>): string[] {
  return [...qualifiers]
    .filter(
      ([name, q]) =>
        q === 'val' &&
        !params.has(name) &&
        /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
        /inv|Inv|INV/.test(name),
    )
    .map(([name]) => name);
}

/** `quint run` with ITF output; the traces written, and whether it reported a violation. */
function quintRun(
  spec: string,
  main: string,
  init: string,
  step: string,
  invariants: string[],
  o: Options,
): { traces: unknown[]; violated: boolean; error?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'quint-run-'));
  try {
    // The spec first: --invariants takes every name after it.
    const args = [
      'run',
      spec,
      '--backend',
      'typescript',
      '--mbt',
      '--main',
      main,
      '--init',
      init,
      '--step',
      step,
      '--max-samples',
      String(o.samples),
      '--max-steps',
      String(o.steps),
      '--seed',
      '17',
      '--n-traces',
      '3',
      '--out-itf',
      join(dir, 't_{seq}.itf.json'),
      ...(invariants.length ? ['--invariants', ...invariants] : []),
    ];
    let violated = false;
    try {
      execFileSync(QUINT_BIN, args, { stdio: 'pipe', timeout: 120_000 });
    } catch (e) {
      const out = String((e as { stdout?: Buffer }).stdout ?? '');
      if (/violation|Invariant violated/i.test(out)) violated = true;
      else {
        const err = String((e as { stderr?: Buffer }).stderr ?? '') + out;
        return {
          traces: [],
          violated: false,
          error: err.split('\n').find((l) => l.trim()) ?? 'failed',
        };
      }
    }
    const traces = readdirSync(dir)
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
    return { traces, violated };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runOne(path: string, o: Options): Promise<Row> {
  const file = relative(CORPUS, path);
  const files = readQuintFiles(path);
  const analysis = analyzeQuint(files, files[0].name);
  const row: Row = {
    file,
    typecheck: analysis.diagnostics.length === 0,
    load: '',
    check: '',
    ran: false,
    stateMachine: false,
  };
  if (!row.typecheck) {
    row.load = '-';
    row.check = `Quint rejects it: ${analysis.diagnostics[0].message.split('\n')[0]}`;
    return row;
  }
  // Quint's default main module first; when it has no state machine or leaves constants
  // uninstantiated, another module of the file that has one (e.g. `module M_3 { import M(N = 3).* }`),
  // with init/step or the older Init/Next.
  const own = analysis.modules.filter((m) => m.file === files[0].name).map((m) => m.name);
  const first = guessMainModule(analysis.modules, files[0].name);
  const candidates = [first, ...own.filter((m) => m !== first)];
  let chosen:
    | { main: string; init: string; step: string; lowered: Extract<QuintLoad, { ok: true }> }
    | undefined;
  let firstError: string | undefined;
  search: for (const main of candidates)
    for (const [init, step] of [
      ['init', 'step'],
      ['Init', 'Next'],
    ]) {
      const lowered = lowerQuintFiles(files, main, { init, step });
      if (lowered.ok && lowered.lowered.constants.length === 0) {
        chosen = { main, init, step, lowered };
        break search;
      }
      if (!lowered.ok && !/Name '(init|step|Init|Next)' not found/.test(lowered.message))
        firstError ??= lowered.message;
    }
  row.main = chosen?.main ?? first;
  if (!chosen) {
    row.load = firstError ? `error: ${firstError.split('\n')[0].slice(0, 200)}` : 'ok';
    row.stateMachine = !!firstError;
    if (!firstError) row.check = 'no state machine (no init/step with every constant given)';
    return row;
  }
  const { main, init, step, lowered } = chosen;
  row.load = 'ok';
  row.stateMachine = true;
  const params = new Set<string>();
  const invariants = invariantsOf(lowered.lowered.qualifiers, params);
  const started = Date.now();
  // A memory budget too: one large example must not take the others down with it.
  const request = quintRequest(
    files,
    main,
    { init, step, invariants },
    {
      memoryBudgetBytes: 768 * 2 ** 20,
    },
  );
  const result = await checkModel(request, {
    shouldStop: () => Date.now() - started > o.budgetMs,
  });
  const inv = invariants.length ? ` [${invariants.join(', ')}]` : '';
  if (result.result === 'error') {
    const m = result.error?.message ?? '';
    row.ran = /not supported yet/.test(m) || (result.stopped === 'cancelled' && true);
    row.check = `${/not supported yet/.test(m) ? '' : 'error: '}${m.split('\n')[0]}`;
    if (/Integer overflow/.test(m)) row.ran = true; // a plain message naming big integers
  } else if (result.stopped) {
    row.ran = true;
    const why = result.stopped === 'memory budget' ? '768 MiB' : `${o.budgetMs / 1000}s`;
    row.check = `budget ${why}: ${result.distinctStates} states, depth ${result.depth}${inv}`;
  } else {
    row.ran = true;
    row.check = `${result.result}${result.violated ? ` (${result.violated}, ${result.trace?.states.length} states)` : ''}: ${result.distinctStates} states, depth ${result.depth}${inv}`;
  }
  const pair = TLC_PAIRS.find((p) => p.file === file && p.main === main);
  if (pair) {
    const line = readFileSync(EXPECTED, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(pair.model + '\t'));
    const tlcStates = line ? Number(line.split('\t')[3]) : NaN;
    row.tlc = `${pair.model}: TLC ${tlcStates}, ours ${result.distinctStates}`;
    if (tlcStates !== result.distinctStates) row.disagreement = row.tlc;
  }
  if (!o.quint || !existsSync(QUINT_BIN)) return row;
  const q = quintRun(path, main, init, step, invariants, o);
  if (q.error) {
    row.replay = `quint run failed: ${q.error.slice(0, 80)}`;
    return row;
  }
  // (a) every trace replays in our engine.
  let replayed = 0;
  const failures: string[] = [];
  // Our engine cannot enumerate what Quint's simulator samples (an infinite set): not a
  // disagreement, a limit, counted apart.
  const unreplayable: string[] = [];
  for (const t of q.traces) {
    const trace: Trace = fromItfTrace(
      t,
      lowered.lowered.vars.map((v) => v.name),
    );
    let p: Awaited<ReturnType<typeof pathOfTrace>>;
    try {
      p = await pathOfTrace(quintRequest(files, main, { init, step }), trace);
    } catch (e) {
      p = { step: -1, message: e instanceof Error ? e.message : String(e) };
    }
    if ('path' in p) replayed++;
    else if (p.step < 0) unreplayable.push(p.message);
    else failures.push(`trace ${q.traces.indexOf(t)} step ${p.step}: ${p.message}`);
  }
  row.replay = `${replayed}/${q.traces.length}${failures.length ? ` (${failures[0]})` : ''}${unreplayable.length ? ` (not replayable here: ${unreplayable[0]})` : ''}`;
  if (failures.length) row.disagreement = `replay: ${failures[0]}`;
  // (b) a violation Quint's simulator finds, our check finds, with a trace no longer.
  if (q.violated) {
    const quintLen = Math.min(...q.traces.map((t) => (t as { states: unknown[] }).states.length));
    const ours = result.result === 'safety failure' ? (result.trace?.states.length ?? 0) : 0;
    if (!ours && result.stopped && result.depth < quintLen)
      // The budget stopped the search before the depth of Quint's trace: inconclusive, not a
      // disagreement (nor an agreement).
      row.violation = `quint ${quintLen} states; ours stopped by the budget at depth ${result.depth} (inconclusive)`;
    else {
      row.violation = `quint ${quintLen} states, ours ${ours || result.result}`;
      if (result.result !== 'safety failure' || ours > quintLen)
        row.disagreement = `violation: ${row.violation}`;
    }
  } else row.violation = 'none found by quint';
  return row;
}

export async function quintConformance(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  await loadQuint();
  const paths = qntFiles(CORPUS).filter((p) => !o.filter || o.filter.test(relative(CORPUS, p)));
  const rows: Row[] = [];
  for (const p of paths) {
    let row: Row;
    try {
      row = await runOne(p, o);
    } catch (e) {
      row = {
        file: relative(CORPUS, p),
        typecheck: true,
        load: `internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}`,
        check: '',
        ran: false,
        stateMachine: false,
      };
    }
    rows.push(row);
    console.log(
      [
        row.file,
        row.main ?? '',
        row.typecheck ? 'typechecks' : 'REJECTED',
        row.load,
        row.check,
        row.replay ? `(a) ${row.replay}` : '',
        row.violation ? `(b) ${row.violation}` : '',
        row.tlc ? `(d) ${row.tlc}` : '',
      ]
        .filter(Boolean)
        .map((c) => (c.length > 200 ? c.slice(0, 200) + '…' : c))
        .join(' | '),
    );
  }
  const accepted = rows.filter((r) => r.typecheck);
  const loaded = accepted.filter((r) => r.load === 'ok');
  const machines = loaded.filter((r) => r.stateMachine);
  const ran = machines.filter((r) => r.ran);
  const disagreements = rows.filter((r) => r.disagreement);
  console.log('');
  console.log(`${rows.length} files; Quint's typecheck accepts ${accepted.length}`);
  console.log(`loaded with no error: ${loaded.length}/${accepted.length}`);
  console.log(
    `state machines run (to the end, to the budget, or a plain "not supported"): ${ran.length}/${machines.length}`,
  );
  const counts = rows.map((r) => /^(\d+)\/(\d+)/.exec(r.replay ?? '')).filter((m) => m !== null);
  console.log(
    `(a) traces of quint run replayed: ${counts.reduce((n, m) => n + Number(m[1]), 0)}/${counts.reduce((n, m) => n + Number(m[2]), 0)} (${counts.length} examples)`,
  );
  const violations = rows.filter((r) => r.violation?.startsWith('quint '));
  console.log(
    `(b) invariant violations found by quint run: ${violations.length}, found by our check with a trace no longer: ${violations.filter((r) => !r.disagreement?.startsWith('violation')).length}`,
  );
  const tlc = rows.filter((r) => r.tlc);
  console.log(
    `(d) classic ports vs TLC: ${tlc.filter((r) => !r.disagreement?.includes('TLC')).length}/${tlc.length} equal distinct states`,
  );
  console.log(`disagreements with Quint's simulator or TLC: ${disagreements.length}`);
  for (const r of disagreements) console.log(`  ${r.file}: ${r.disagreement}`);
  return disagreements.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  quintConformance(process.argv.slice(2)).then((code) => process.exit(code));
