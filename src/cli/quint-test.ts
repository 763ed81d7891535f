/**
 * `specstage test spec.qnt`: Quint's `run` tests, as `quint test` runs them (src/check/quint-tests/run.ts),
 * on specstage's engine. Output as Quint's (mocha's): `ok NAME passed N test(s)` or
 * `N) NAME failed after N test(s)`, then each failure with its message, place and trace.
 */
import { writeFileSync } from 'node:fs';
import { runQuintTests, type QuintTestResult } from '../check/quint-tests/run';
import { quintItf } from '../quint/itf';
import { randomSeed } from '../check/search/simulate/simulate-random';
import { printState } from '../trace/print';
import { EXIT } from './exit-codes';
import { optionTokens, refusedToken, type OptionSpec } from './options';
import { defaultIo, openQuintSpec, quintFailure, type Io } from './quint';

export const QUINT_TEST_USAGE = `Usage: specstage test spec.qnt [options]

Runs the tests of a Quint spec (definitions whose name ends with Test, typically \`run\`s built
with then, reps, expect, fail, assert, nondet) as \`quint test\` does, on specstage's engine.

Options:
  --main MODULE       the module whose tests run (default: the one named as the file, else the last)
  --match REGEX       the tests to run: names matching the regular expression (default: ending in Test)
  --max-samples N     runs of each test with random choices (default 10000; 1 with --seed, as quint)
  --seed N            the random seed (default: chosen at random and reported)
  --out-itf FILE      write the first failing test's trace as ITF (Quint's conventions)
  --json              end stdout with one JSON object describing the results

Exit code: 0 when every test passes, 12 when one fails, 150 when Quint rejects the spec.`;

const OPTIONS = {
  main: { type: 'string' },
  match: { type: 'string' },
  'max-samples': { type: 'string' },
  seed: { type: 'string' },
  'out-itf': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const satisfies OptionSpec;

export interface QuintTestArgs {
  spec: string;
  main?: string;
  match?: string;
  maxSamples?: number;
  seed?: number;
  outItf?: string;
  json: boolean;
  help?: boolean;
}

export function parseQuintTestArgs(
  argv: string[],
): { ok: true; value: QuintTestArgs } | { ok: false; error: string } {
  let spec: string | undefined;
  const a: Omit<QuintTestArgs, 'spec'> = { json: false };
  try {
    for (const t of optionTokens(argv, OPTIONS)) {
      const refused = refusedToken(t, OPTIONS);
      if (refused !== undefined) throw new Error(refused);
      if (t.kind === 'terminator') continue;
      if (t.kind === 'positional') {
        if (spec !== undefined) throw new Error(`one spec at a time: '${spec}' and '${t.value}'`);
        spec = t.value;
        continue;
      }
      const name = t.name as keyof typeof OPTIONS;
      if (name === 'json' || name === 'help') {
        a[name] = true;
        continue;
      }
      if (t.value === undefined || t.value === '') throw new Error(`${t.raw} needs a value`);
      const v = t.value;
      const count = (): number => {
        const n = Number(v);
        if (!Number.isSafeInteger(n) || n < 0)
          throw new Error(`${t.raw} needs a non-negative integer, not '${v}'`);
        return n;
      };
      if (name === 'main') a.main = v;
      else if (name === 'match') {
        try {
          new RegExp(v);
        } catch {
          throw new Error(`--match needs a regular expression, not '${v}'`);
        }
        a.match = v;
      } else if (name === 'max-samples') a.maxSamples = count();
      else if (name === 'seed') a.seed = count();
      else if (name === 'out-itf') a.outItf = v;
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (a.help) return { ok: true, value: { ...a, spec: spec ?? '' } };
  if (spec === undefined) return { ok: false, error: 'no spec given' };
  return { ok: true, value: { ...a, spec } };
}

function where(r: QuintTestResult): string {
  const g = r.error?.range;
  return g ? ` at ${g.module}:${g.start.line}:${g.start.column}` : '';
}

export async function runQuintTest(argv: string[], io: Io = defaultIo): Promise<number> {
  const parsed = parseQuintTestArgs(argv);
  if (!parsed.ok) {
    io.stderr(`specstage test: ${parsed.error}`);
    io.stderr(QUINT_TEST_USAGE);
    return EXIT.usage;
  }
  const args = parsed.value;
  if (args.help) {
    io.stdout(QUINT_TEST_USAGE);
    return EXIT.success;
  }
  if (!args.spec.endsWith('.qnt'))
    return quintFailure(args.json, io)(
      `specstage test runs Quint tests: ${args.spec} is not a .qnt file`,
      EXIT.usage,
    );
  const opened = await openQuintSpec(args, io);
  if ('exitCode' in opened) return opened.exitCode;
  const { files, main, report, fail } = opened;
  const seed = args.seed ?? randomSeed();
  // As quint: one sample per test when the seed is given, else 10000.
  const maxSamples = args.maxSamples ?? (args.seed !== undefined ? 1 : 10000);
  const started = Date.now();
  const run = runQuintTests(files, main, { seed, maxSamples, match: args.match });
  if (!run.ok) return fail(run.message, EXIT.specError);
  const results = run.results;
  const ms = Date.now() - started;
  report('');
  report(`  ${main}`);
  let n = 0;
  for (const r of results) {
    if (r.status === 'passed') report(`    ok ${r.name} passed ${r.samples} test(s)`);
    else if (r.status === 'failed')
      report(`    ${++n}) ${r.name} failed after ${r.samples} test(s)`);
  }
  const passed = results.filter((r) => r.status === 'passed');
  const failed = results.filter((r) => r.status === 'failed');
  const ignored = results.filter((r) => r.status === 'ignored');
  report('');
  if (passed.length) report(`  ${passed.length} passing (${ms}ms)`);
  if (failed.length) report(`  ${failed.length} failed`);
  if (ignored.length) report(`  ${ignored.length} ignored`);
  failed.forEach((r, i) => {
    report('');
    report(`  ${i + 1}) ${r.name}:`);
    report(`      Error: ${r.error?.message ?? 'failed'}${where(r)}`);
    const trace = r.trace;
    if (trace && trace.states.length) {
      trace.states.forEach((s, k) => {
        report(`      [State ${k}] ${trace.steps[k]?.label ?? ''}`);
        for (const line of printState(
          s,
          trace.vars.filter((v) => v in s),
        ).split('\n'))
          report(`      ${line}`);
      });
    }
    report(`    Use --seed=${seed} --match=^${r.name}$ to repeat.`);
  });
  let code: number = failed.length ? EXIT.safetyViolation : EXIT.success;
  const first = failed.find((r) => r.trace);
  if (args.outItf) {
    if (!first?.trace) io.stderr(`No failing test: ${args.outItf} not written.`);
    else {
      // The states where every variable has a value (a run may read before its init).
      const complete = first.trace.states.filter((s) => first.trace!.vars.every((v) => v in s));
      const itf = quintItf(
        { ...first.trace, states: complete },
        {
          types: new Map((run.lowered?.vars ?? []).map((v) => [v.name, v.type])),
          names: new Map((run.lowered?.vars ?? []).map((v) => [v.name, v.quintName])),
          source: args.spec,
          description: `${first.name} failed: ${first.error?.message ?? ''}`,
        },
      );
      try {
        writeFileSync(args.outItf, JSON.stringify(itf, null, 2) + '\n');
      } catch (e) {
        io.stderr(
          `Error: cannot write ${args.outItf}: ${e instanceof Error ? e.message : String(e)}`,
        );
        code = EXIT.io;
      }
    }
  }
  if (args.json)
    io.stdout(
      JSON.stringify({
        result: failed.length ? 'failed' : 'passed',
        main,
        seed,
        maxSamples,
        durationMs: ms,
        tests: results.map((r) => ({
          name: r.name,
          status: r.status,
          samples: r.samples,
          ...(r.error ? { error: { message: r.error.message, range: r.error.range } } : {}),
          ...(r.trace ? { trace: r.trace } : {}),
        })),
      }),
    );
  return code;
}
