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
 *   with a trace no longer than Quint's; where our check cannot settle it (a set it cannot
 *   enumerate, the budget before Quint's depth), our simulation must (ten times Quint's samples,
 *   Quint's depth), and the row says which of ours found it;
 * - (d) TLC: the classic ports whose parameters match a corpus model, distinct states vs TLC's
 *   (expected.tsv).
 *
 *   --filter REGEX   only files whose path matches
 *   --budget S       seconds our check may take per example, and then our simulation (b)
 *                    (default 10)
 *   --samples N      quint run's --max-samples (default 100); --steps N its --max-steps (default 10)
 * - (c) tests: for a file with tests (`run` definitions), `quint test --backend typescript` and
 *   ours (src/check/quint-tests/run.ts) with the same --max-samples: each test passes in both or fails in both.
 *   A test ours fails with a plain "not supported yet" is counted apart, not as a disagreement.
 *
 *   --no-quint       skip (a), (b) and (c) (no quint run or test)
 *   --test-samples N (c)'s --max-samples (default 100)
 *   --tests-only     typecheck and (c) only (a few minutes)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkModel } from '../../src/check/check';
import { simulateModel } from '../../src/check/search/simulate/simulate';
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
import { runQuintTests } from '../../src/check/quint-tests/run';
import { foldOrder } from '../../src/eval/builtins/quint';
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
  /** (c): `quint test`'s and our --max-samples. */
  testSamples: number;
  /** Only typecheck and (c): no check, no quint run. */
  testsOnly: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    budgetMs: 10_000,
    samples: 100,
    steps: 10,
    quint: true,
    testSamples: 100,
    testsOnly: false,
  };
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
    else if (a === '--test-samples') o.testSamples = Number(next());
    else if (a === '--tests-only') o.testsOnly = true;
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
  /** (c): Quint's and our test results. */
  tests?: string;
  /** `cannotRun`: Quint's tests in a module ours cannot build (the row says why, by name). */
  testCounts?: { equal: number; total: number; unsupported: number; cannotRun: number };
  /** The tests ours cannot run, by name, and why. */
  cannotRun?: string;
  disagreement?: string;
  /**
   * Folds over a set whose result depends on the order (quint::fold's probe): undefined in Quint.
   * A difference with Quint's tools in such an example is said so, not counted as ours.
   */
  orderDependent?: { folds: string[]; difference?: string };
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

/**
 * Our simulation where our check cannot settle (b): ten times Quint's behaviours, no deeper than
 * Quint's shortest violation (so a violation ours finds is never longer than Quint's), no deadlock
 * (Quint's run reports none), a fixed seed.
 */
function simOptions(
  o: Options,
  quintStates: number,
): {
  behaviours: number;
  maxSteps: number;
  seed: number;
  checkDeadlock: boolean;
} {
  return {
    behaviours: 10 * o.samples,
    maxSteps: Math.min(o.steps, quintStates - 1),
    seed: 17,
    checkDeadlock: false,
  };
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

/** `quint test`'s verdict per test (its mocha-like report), or its error. */
function quintTest(
  spec: string,
  main: string,
  o: Options,
): { results: Map<string, 'passed' | 'failed'> } | { error: string } {
  const args = ['test', spec, '--backend', 'typescript', '--main', main, '--seed', '17'];
  args.push('--max-samples', String(o.testSamples));
  let out: string;
  try {
    out = execFileSync(QUINT_BIN, args, { stdio: 'pipe', timeout: 300_000 }).toString();
  } catch (e) {
    out = String((e as { stdout?: Buffer }).stdout ?? '');
    if (!/failed after/.test(out)) {
      const err = String((e as { stderr?: Buffer }).stderr ?? '') + out;
      return { error: err.split('\n').find((l) => l.trim()) ?? 'failed' };
    }
  }
  // eslint-disable-next-line no-control-regex
  const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
  const results = new Map<string, 'passed' | 'failed'>();
  for (const m of plain.matchAll(/^\s+ok (\S+) passed \d+ test/gm)) results.set(m[1], 'passed');
  for (const m of plain.matchAll(/^\s+\d+\) (\S+) failed after \d+ test/gm))
    results.set(m[1], 'failed');
  return { results };
}

/**
 * (c): our tests against quint test's, for a file that has `run` definitions: the module named as
 * the file (quint test's default main), and every other module of the file where ours finds tests
 * (e.g. erc20.qnt's erc20Tests), with `--main`.
 */
function compareTests(path: string, row: Row, o: Options): void {
  const text = readFileSync(path, 'utf8');
  if (!/^\s*run\s/m.test(text) || !existsSync(QUINT_BIN)) return;
  const files = readQuintFiles(path);
  const stem = path.slice(path.lastIndexOf('/') + 1, -'.qnt'.length);
  const own = analyzeQuint(files, files[0].name)
    .modules.filter((m) => m.file === files[0].name)
    .map((m) => m.name);
  const parts: string[] = [];
  const differ: string[] = [];
  const unsupported: string[] = [];
  const cannotRun: string[] = [];
  let equal = 0;
  let total = 0;
  // quint test's default main is the module named as the file, where there is one.
  const mains = own.includes(stem) ? [stem, ...own.filter((m) => m !== stem)] : own;
  for (const main of mains) {
    const ours = runQuintTests(files, main, { seed: 17, maxSamples: o.testSamples });
    const found = ours.ok && ours.results.some((r) => r.status !== 'ignored');
    // A module ours cannot build is asked of quint test too: its tests are counted, never skipped.
    if (main !== stem && ours.ok && !found) continue;
    const theirs = quintTest(path, main, o);
    if ('error' in theirs) {
      parts.push(`${main}: quint test: ${theirs.error.slice(0, 100)}`);
      continue;
    }
    if (!ours.ok) {
      // Each of Quint's tests there, by name, with why ours cannot run it (e.g. Quint's own
      // flattener fails on the module, as `quint compile` does): counted, apart.
      const why = ours.message.slice(0, 160);
      for (const name of theirs.results.keys()) cannotRun.push(`${main}.${name}`);
      if (theirs.results.size) row.cannotRun = `${cannotRun.join(', ')}: ${why}`;
      total += theirs.results.size;
      if (theirs.results.size)
        parts.push(
          `${main} 0/${theirs.results.size}: ours cannot run ${[...theirs.results.keys()].join(', ')}: ${why}`,
        );
      continue;
    }
    const mine = new Map(ours.results.map((r) => [r.name, r]));
    let here = 0;
    for (const [name, status] of theirs.results) {
      const r = mine.get(name);
      if (r?.status === status) here++;
      else if (r?.status === 'failed' && /not supported yet/.test(r.error?.message ?? ''))
        unsupported.push(`${name}: ${r.error!.message.slice(0, 80)}`);
      else
        differ.push(
          `${main}.${name} quint ${status}, ours ${r ? `${r.status}${r.error ? ` (${r.error.message.slice(0, 80)})` : ''}` : 'missing'}`,
        );
    }
    // A test we run and quint does not list (not one it ignores) is a difference too.
    for (const r of ours.results)
      if (r.status !== 'ignored' && !theirs.results.has(r.name))
        differ.push(`${main}.${r.name} ours ${r.status}, quint none`);
    equal += here;
    total += theirs.results.size;
    parts.push(`${main} ${here}/${theirs.results.size}`);
  }
  row.testCounts = { equal, total, unsupported: unsupported.length, cannotRun: cannotRun.length };
  row.tests = `${equal}/${total} equal (${parts.join(', ')})${unsupported.length ? `, ${unsupported.length} not supported (${unsupported[0]})` : ''}${differ.length ? `; differ: ${differ.join('; ')}` : ''}`;
  if (differ.length) row.disagreement = `tests: ${differ.join('; ')}`;
}

/** A row with Quint's typecheck alone (--tests-only). */
function typecheckOnly(path: string): Row {
  const files = readQuintFiles(path);
  const analysis = analyzeQuint(files, files[0].name);
  const typecheck = analysis.diagnostics.length === 0;
  return {
    file: relative(CORPUS, path),
    typecheck,
    load: '-',
    check: '',
    ran: false,
    stateMachine: false,
  };
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
    // A plain message: a construct not supported yet, or a set (infinite, or too large to
    // enumerate) that only simulation samples.
    const plain = /not supported yet|an exhaustive check cannot enumerate/.test(m);
    row.ran = plain || (result.stopped === 'cancelled' && true);
    row.check = `${plain ? '' : 'error: '}${m.split('\n')[0]}`;
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
  // Traces replayed following Quint's recorded nondet picks (mbt::nondetPicks), not enumerated.
  let withPicks = 0;
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
      // A state with more successors than a million is not replayed (counted apart), not
      // enumerated into the heap.
      p = await pathOfTrace(quintRequest(files, main, { init, step }), trace, {
        maxSuccessors: 1_000_000,
        matchOnly: true,
      });
    } catch (e) {
      p = { step: -1, message: e instanceof Error ? e.message : String(e) };
    }
    if ('path' in p) replayed++;
    else if (p.withPicks) {
      replayed++;
      withPicks++;
    } else if (p.step < 0) unreplayable.push(p.message);
    else failures.push(`trace ${q.traces.indexOf(t)} step ${p.step}: ${p.message}`);
  }
  row.replay = `${replayed}/${q.traces.length}${withPicks ? ` (${withPicks} following Quint's nondet picks)` : ''}${failures.length ? ` (${failures[0]})` : ''}${unreplayable.length ? ` (not replayable here: ${unreplayable[0]})` : ''}`;
  if (failures.length) row.disagreement = `replay: ${failures[0]}`;
  // (b) a violation Quint's simulator finds, our check finds, with a trace no longer; where our
  // check cannot (a set it cannot enumerate, the budget before Quint's depth), our simulator must
  // find it (sampling what Quint samples), and the row says which of ours found it.
  if (q.violated) {
    // Quint's shortest violating trace (its ITF's status; --n-traces may add others).
    const violating = q.traces.filter(
      (t) => (t as { '#meta'?: { status?: string } })['#meta']?.status === 'violation',
    );
    const quintLen = Math.min(
      ...(violating.length ? violating : q.traces).map(
        (t) => (t as { states: unknown[] }).states.length,
      ),
    );
    const ours = result.result === 'safety failure' ? (result.trace?.states.length ?? 0) : 0;
    // Our check went through every state (or found a shortest violation): it alone decides.
    const settled = ours > 0 || (!result.stopped && result.result !== 'error');
    if (settled) {
      row.violation = `quint ${quintLen} states, ours (check) ${ours || result.result}`;
      if (!ours || ours > quintLen) row.disagreement = `violation: ${row.violation}`;
    } else {
      const simStarted = Date.now();
      const sim = await simulateModel(
        {
          ...quintRequest(files, main, { init, step, invariants }),
          options: simOptions(o, quintLen),
        },
        // Its own budget: a check that overshoots its own (a BFS level of a spec with hundreds of
        // successors a state) must not leave it none.
        { shouldStop: () => Date.now() - simStarted > o.budgetMs },
      );
      const check = result.stopped ? `check: budget at depth ${result.depth}` : 'check cannot';
      if (sim.result === 'safety failure')
        row.violation = `quint ${quintLen} states, ours (simulate; ${check}) ${sim.trace?.states.length}`;
      else {
        row.violation = `quint ${quintLen} states, ours none (${check}; simulate ${sim.result}${sim.stopped ? ' to the budget' : ''})`;
        // The budget stopped the check before the depth of Quint's trace and the simulation found
        // nothing: inconclusive, not a disagreement (nor an agreement).
        if (result.stopped && result.depth < quintLen && !sim.error)
          row.violation += ' (inconclusive)';
        else row.disagreement = `violation: ${row.violation}`;
      }
    }
  } else row.violation = 'none found by quint';
  return row;
}

export async function quintConformance(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  await loadQuint();
  const paths = qntFiles(CORPUS).filter((p) => !o.filter || o.filter.test(relative(CORPUS, p)));
  const rows: Row[] = [];
  foldOrder.probe = true;
  for (const p of paths) {
    let row: Row;
    foldOrder.dependent.clear();
    try {
      row = o.testsOnly ? typecheckOnly(p) : await runOne(p, o);
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
    if (o.quint && row.typecheck)
      try {
        compareTests(p, row, o);
      } catch (e) {
        row.tests = `internal error: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`;
        row.disagreement ??= `tests: ${row.tests}`;
      }
    // A fold whose result depends on the set's order is undefined in Quint (builtin.qnt's fold):
    // a difference with Quint's tools there is the spec's, said so explicitly, not ours.
    if (foldOrder.dependent.size) {
      const folds = [...foldOrder.dependent];
      const withQuint = row.disagreement && !row.disagreement.includes('TLC');
      row.orderDependent = { folds, ...(withQuint ? { difference: row.disagreement } : {}) };
      if (withQuint) delete row.disagreement;
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
        row.tests ? `(c) ${row.tests}` : '',
        row.orderDependent
          ? `fold depends on the set's order (undefined in Quint) at ${row.orderDependent.folds.join(', ')}${row.orderDependent.difference ? `: so is this difference, ${row.orderDependent.difference}` : ''}`
          : '',
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
    `(b) invariant violations found by quint run: ${violations.length}; by our check with a trace no longer: ${violations.filter((r) => r.violation!.includes('ours (check)') && !r.disagreement?.startsWith('violation')).length}, by our simulation where our check cannot settle: ${violations.filter((r) => r.violation!.includes('ours (simulate')).length}, inconclusive: ${violations.filter((r) => r.violation!.endsWith('(inconclusive)')).length}`,
  );
  const tlc = rows.filter((r) => r.tlc);
  console.log(
    `(d) classic ports vs TLC: ${tlc.filter((r) => !r.disagreement?.includes('TLC')).length}/${tlc.length} equal distinct states`,
  );
  const tested = rows.filter((r) => r.testCounts);
  const sum = (f: (c: NonNullable<Row['testCounts']>) => number): number =>
    tested.reduce((n, r) => n + f(r.testCounts!), 0);
  console.log(
    `(c) quint test: ${sum((c) => c.equal)}/${sum((c) => c.total)} tests with the same result (${tested.length} examples), ${sum((c) => c.unsupported)} not supported yet, ${sum((c) => c.cannotRun)} in a module ours cannot build: ${tested
      .filter((r) => r.testCounts!.cannotRun)
      .map((r) => r.file)
      .join(', ')}`,
  );
  for (const r of tested) if (r.cannotRun) console.log(`  ${r.file}: ${r.cannotRun}`);
  const undefinedFolds = rows.filter((r) => r.orderDependent);
  console.log(
    `examples with a fold whose result depends on the set's order (undefined in Quint): ${undefinedFolds.length}, differences with Quint's tools there (not counted as disagreements): ${undefinedFolds.filter((r) => r.orderDependent!.difference).length}`,
  );
  for (const r of undefinedFolds)
    if (r.orderDependent!.difference)
      console.log(
        `  ${r.file}: ${r.orderDependent!.difference} (fold at ${r.orderDependent!.folds.join(', ')})`,
      );
  console.log(`disagreements with Quint's simulator, quint test or TLC: ${disagreements.length}`);
  for (const r of disagreements) console.log(`  ${r.file}: ${r.disagreement}`);
  return disagreements.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  quintConformance(process.argv.slice(2)).then((code) => process.exit(code));
