/**
 * `specstage check spec.qnt` and `specstage simulate spec.qnt`: a Quint spec, read by Quint's own
 * front end and checked (or simulated) by our engine, with Quint's options (`--main`, `--init`,
 * `--step`, `--invariant`, `--temporal`) instead of a .cfg, and ITF output in Quint's conventions.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseConfig } from '../cfg/parse';
import { simulateModel } from '../check/search/simulate/simulate';
import { defaultCheckDeps } from './check';
import type { CheckResult, SimulateResult, Trace } from '../check/contract/types';
import {
  analyzeQuint,
  loadQuint,
  lowerQuintFiles,
  quintRequest,
  type QuintRun,
  type SourceFile,
} from '../quint';
import { normalizePath } from '../quint/frontend';
import { quintItf } from '../quint/itf';
import { EXIT, exitCodeFor } from './exit-codes';
import { optionTokens, refusedToken, type OptionSpec } from './options';
import { resultJson, summaryLines } from './summary';
import { simulateSummary } from './simulate';

export const QUINT_USAGE = `Usage: specstage check spec.qnt [options]
       specstage simulate spec.qnt [options]

A Quint spec, read by Quint's own parser and type checker (@informalsystems/quint), checked
exhaustively (check) or along random behaviours (simulate) by specstage's engine.

Options:
  --main MODULE         the module to check (default: the one named as the file, else the last)
  --init NAME           the init action (default init)
  --step NAME           the step action (default step)
  --invariant NAME      an invariant, a val of the main module (repeatable; or NAME,NAME)
  --temporal NAME       a temporal property (repeatable; or NAME,NAME)
  --deadlock            report a state where the step is disabled (Quint's tools do not)
  --workers N           check: share the search over N worker threads (the same answer)
  --memory-budget MIB   check: stop with a message when the search would hold more than this
                        (it also stops by itself before the heap runs out)
  --out-itf FILE        write the counterexample (simulate: the failing behaviour) as ITF in
                        Quint's conventions, with mbt::actionTaken and mbt::nondetPicks
  --json                end stdout with one JSON object describing the result
simulate only:
  --max-samples N       behaviours to simulate (default 10000, as quint run)
  --max-steps N         the most steps in a behaviour (default 20, as quint run)
  --seed N              the random seed (default: chosen at random and reported)`;

interface QuintArgs {
  spec: string;
  main?: string;
  run: QuintRun;
  json: boolean;
  outItf?: string;
  maxSamples: number;
  maxSteps: number;
  seed?: number;
  workers?: number;
  /** check: `--memory-budget MiB`, as the TLA+ check's. */
  memoryBudgetMb?: number;
}

const OPTIONS = {
  main: { type: 'string' },
  init: { type: 'string' },
  step: { type: 'string' },
  invariant: { type: 'string', multiple: true },
  temporal: { type: 'string', multiple: true },
  deadlock: { type: 'boolean' },
  'out-itf': { type: 'string' },
  json: { type: 'boolean' },
  'max-samples': { type: 'string' },
  'max-steps': { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  'memory-budget': { type: 'string' },
} as const satisfies OptionSpec;

export function parseQuintArgs(
  argv: string[],
  command: 'check' | 'simulate',
): { ok: true; value: QuintArgs } | { ok: false; error: string } {
  let spec: string | undefined;
  const run: QuintRun = { invariants: [], temporal: [] };
  const a: Omit<QuintArgs, 'spec' | 'run'> = { json: false, maxSamples: 10000, maxSteps: 20 };
  const count = (name: string, v: string): number => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new Error(`${name} needs a non-negative integer, not '${v}'`);
    return n;
  };
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
      const isFlag = name === 'deadlock' || name === 'json';
      if (!isFlag && (t.value === undefined || t.value === ''))
        throw new Error(`${t.raw} needs a value`);
      const v = t.value ?? '';
      const simulateOnly = name === 'max-samples' || name === 'max-steps' || name === 'seed';
      if (simulateOnly && command !== 'simulate')
        throw new Error(`${t.raw} is an option of simulate`);
      switch (name) {
        case 'main':
          a.main = v;
          break;
        case 'init':
          run.init = v;
          break;
        case 'step':
          run.step = v;
          break;
        case 'invariant':
          run.invariants!.push(...v.split(',').map((s) => s.trim()));
          break;
        case 'temporal':
          run.temporal!.push(...v.split(',').map((s) => s.trim()));
          break;
        case 'deadlock':
          run.checkDeadlock = true;
          break;
        case 'out-itf':
          a.outItf = v;
          break;
        case 'json':
          a.json = true;
          break;
        case 'max-samples':
          a.maxSamples = count(t.raw, v);
          break;
        case 'max-steps':
          a.maxSteps = count(t.raw, v);
          break;
        case 'seed':
          a.seed = count(t.raw, v);
          break;
        case 'workers':
          if (command !== 'check') throw new Error(`${t.raw} is an option of check`);
          a.workers = count(t.raw, v);
          if (a.workers < 1) throw new Error(`${t.raw} needs at least 1`);
          break;
        case 'memory-budget': {
          if (command !== 'check') throw new Error(`${t.raw} is an option of check`);
          const mb = Number(v);
          if (!(mb > 0)) throw new Error(`${t.raw} needs a positive number of MiB, not '${v}'`);
          a.memoryBudgetMb = mb;
          break;
        }
      }
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (spec === undefined) return { ok: false, error: 'no spec given' };
  return { ok: true, value: { ...a, spec, run } };
}

/**
 * The main file and every file it imports (`import M.* from "./other"`), by their names relative to
 * the main file's folder, as Quint's front end looks them up.
 */
export function readQuintFiles(spec: string): SourceFile[] {
  const root = dirname(spec);
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const path = join(root, name);
    if (!existsSync(path)) return; // Quint's front end reports the import it cannot load.
    const text = readFileSync(path, 'utf8');
    files.push({ name, text });
    const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
    for (const m of text.matchAll(/\bfrom\s+"([^"]+)"/g)) {
      const target = m[1].endsWith('.qnt') ? m[1] : `${m[1]}.qnt`;
      visit(normalizePath(dir ? `${dir}/${target}` : target));
    }
  };
  visit(basename(spec));
  return files;
}

/** Quint's default main module: the one named as the file, else the last one. */
export function guessMainModule(modules: { name: string; file: string }[], file: string): string {
  const own = modules.filter((m) => m.file === file);
  const stem = basename(file, '.qnt');
  return (own.find((m) => m.name === stem) ?? own[own.length - 1] ?? modules[modules.length - 1])
    ?.name;
}

export interface Io {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export const defaultIo: Io = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
};

/** What a Quint command reads a spec into: its files, the main module, where to report. */
export interface OpenedQuintSpec {
  files: SourceFile[];
  main: string;
  /** The command's report: stdout, or stderr when stdout carries the JSON result. */
  report: (line: string) => void;
  /** Says an error (and the JSON result with `--json`) and gives the exit code back. */
  fail: (message: string, code: number) => number;
}

/** A Quint command's error: said on stderr (and as the JSON result with `--json`); gives `code`. */
export function quintFailure(json: boolean | undefined, io: Io) {
  return (message: string, code: number): number => {
    io.stderr(`Error: ${message}`);
    if (json) io.stdout(JSON.stringify({ result: 'error', error: { message }, exitCode: code }));
    return code;
  };
}

/**
 * The opening every Quint command shares (check, simulate, test): the spec must exist, Quint's
 * front end reads it and must accept it (its diagnostics are reported), and the main module is
 * `--main` or guessed. Gives the exit code instead when it cannot go on.
 */
export async function openQuintSpec(
  args: { spec: string; main?: string; json?: boolean },
  io: Io,
): Promise<OpenedQuintSpec | { exitCode: number }> {
  const report = args.json ? io.stderr : io.stdout;
  const fail = quintFailure(args.json, io);
  if (!existsSync(args.spec))
    return { exitCode: fail(`cannot read the spec: ${args.spec} does not exist`, EXIT.io) };
  await loadQuint();
  const files = readQuintFiles(args.spec);
  const mainFile = files[0].name;
  const analysis = analyzeQuint(files, mainFile);
  if (analysis.diagnostics.length) {
    for (const d of analysis.diagnostics)
      report(
        `${d.range.module}:${d.range.start.line}:${d.range.start.column}: error: ${d.message}`,
      );
    return { exitCode: fail(`Quint's type checker rejects ${args.spec}`, EXIT.specError) };
  }
  const main = args.main ?? guessMainModule(analysis.modules, mainFile);
  return { files, main, report, fail };
}

export async function runQuint(
  argv: string[],
  command: 'check' | 'simulate',
  io: Io = defaultIo,
): Promise<number> {
  const parsed = parseQuintArgs(argv, command);
  if (!parsed.ok) {
    io.stderr(`specstage ${command}: ${parsed.error}`);
    io.stderr(QUINT_USAGE);
    return EXIT.usage;
  }
  const args = parsed.value;
  const opened = await openQuintSpec(args, io);
  if ('exitCode' in opened) return opened.exitCode;
  const { files, main, report, fail } = opened;
  let req;
  try {
    const options = {
      ...(args.workers !== undefined ? { workers: args.workers } : {}),
      ...(args.memoryBudgetMb !== undefined
        ? { memoryBudgetBytes: Math.round(args.memoryBudgetMb * 2 ** 20) }
        : {}),
    };
    req = quintRequest(files, main, args.run, Object.keys(options).length ? options : undefined);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e), EXIT.usage);
  }
  const cfg = parseConfig(req.cfg, req.cfgName ?? 'quint.cfg').config;

  if (command === 'check') {
    const result = await defaultCheckDeps.checkModel(req, {});
    for (const line of summaryLines(result, cfg)) report(line);
    const itfCode = writeItf(args, files, main, result.trace ?? result.error?.trace, result, io);
    if (args.json) io.stdout(JSON.stringify({ ...resultJson(result), output: result.output }));
    const code = exitCodeFor(result, req.cfgName ?? '');
    return code === EXIT.success ? itfCode : code;
  }
  const result: SimulateResult = await simulateModel({
    ...req,
    options: {
      behaviours: args.maxSamples,
      maxSteps: args.maxSteps,
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      checkDeadlock: args.run.checkDeadlock ?? false,
    },
  });
  for (const line of simulateSummary(result)) report(line);
  const itfCode = writeItf(args, files, main, result.trace ?? result.error?.trace, result, io);
  if (args.json) io.stdout(JSON.stringify(result));
  const code = exitCodeFor(result, req.cfgName ?? '');
  return code === EXIT.success ? itfCode : code;
}

function writeItf(
  args: QuintArgs,
  files: SourceFile[],
  main: string,
  trace: Trace | undefined,
  result: Pick<CheckResult, 'result' | 'violated'>,
  io: Io,
): number {
  if (!args.outItf) return EXIT.success;
  if (!trace) {
    io.stderr(`No counterexample: ${args.outItf} not written.`);
    return EXIT.success;
  }
  const lowered = lowerQuintFiles(files, main, {
    init: args.run.init ?? 'init',
    step: args.run.step ?? 'step',
  });
  const types = new Map(lowered.ok ? lowered.lowered.vars.map((v) => [v.name, v.type]) : []);
  const itf = quintItf(trace, {
    types,
    names: new Map(lowered.ok ? lowered.lowered.vars.map((v) => [v.name, v.quintName]) : []),
    mbt: lowered.ok
      ? { nondets: lowered.lowered.nondets, nondetArgs: lowered.lowered.nondetArgs }
      : { nondets: [] },
    source: args.spec,
    description: result.violated ? `${result.result}: ${result.violated}` : result.result,
  });
  try {
    writeFileSync(args.outItf, JSON.stringify(itf, null, 2) + '\n');
  } catch (e) {
    io.stderr(`Error: cannot write ${args.outItf}: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.io;
  }
  return EXIT.success;
}
