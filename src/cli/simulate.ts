/**
 * `specstage simulate`: random behaviours of a model, as TLC's -simulate, reproducible from a seed.
 * Reports a violation as `check` does (TLC's words, TLC's exit codes), and can write every
 * behaviour as an ITF file, which is what model-based tests replay against an implementation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatCfgError, parseConfig } from '../cfg/parse';
import { simulateModel, type SimulateHooks } from '../check/search/simulate/simulate';
import { randomSeed } from '../check/search/simulate/simulate-random';
import type {
  SimulatedBehaviour,
  SimulateProgress,
  SimulateRequest,
  SimulateResult,
} from '../check/contract/types';
import { traceToItf } from '../formats/itf';
import { Coverage, coverageLines } from '../validate/coverage';
import { printTlcTrace } from '../formats/tlc-trace';
import { EXIT, exitCodeFor } from './exit-codes';
import { LoadError, loadModel } from './load-model';
import { SIMULATE_USAGE, parseSimulateArgs, type SimulateArgs } from './simulate-args';
import { formatDuration, formatRange } from './summary';

export interface SimulateDeps {
  /** Runs the simulation; `workers` > 1 asks for that many threads. */
  simulate: (
    req: SimulateRequest,
    hooks: SimulateHooks,
    workers: number,
  ) => Promise<SimulateResult>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  progressStream?: NodeJS.WriteStream;
}

/** In this thread for one worker; otherwise shards on a pool of worker threads (worker-pool.ts). */
async function simulateWith(
  req: SimulateRequest,
  hooks: SimulateHooks,
  workers: number,
): Promise<SimulateResult> {
  if (workers <= 1) return simulateModel(req, hooks);
  const { simulateOnPool } = await import('./worker-pool');
  return simulateOnPool(req, hooks, workers);
}

export const defaultSimulateDeps: SimulateDeps = {
  simulate: simulateWith,
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  progressStream: process.stderr,
};

const number = new Intl.NumberFormat('en-US');

export function simulateProgressText(p: SimulateProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(p.steps / seconds) : 0;
  return `Simulating: ${number.format(p.behaviours)} behaviours, ${number.format(p.steps)} steps, ${seconds.toFixed(1)}s, ${number.format(rate)} steps/s`;
}

export async function runSimulate(
  argv: string[],
  deps: SimulateDeps = defaultSimulateDeps,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    deps.stdout(SIMULATE_USAGE);
    return EXIT.success;
  }
  const parsed = parseSimulateArgs(argv);
  if (!parsed.ok) {
    deps.stderr(`specstage simulate: ${parsed.error}`);
    deps.stderr(SIMULATE_USAGE);
    return EXIT.usage;
  }
  const args = parsed.value;
  const report = args.json ? deps.stderr : deps.stdout;

  let model;
  try {
    model = loadModel(args.spec, args.config, args.libs);
  } catch (e) {
    if (!(e instanceof LoadError)) throw e;
    return fail(deps, args, e.message, e.kind === 'cfg' ? EXIT.cfgError : EXIT.io);
  }
  const cfgName = basename(model.cfgPath);
  const cfg = parseConfig(model.cfgText, cfgName);
  if (!cfg.config) {
    for (const e of cfg.errors) report(formatCfgError(e));
    return fail(
      deps,
      args,
      `the config ${model.cfgPath} has ${cfg.errors.length} error(s)`,
      EXIT.cfgError,
    );
  }
  if (args.outItf) {
    try {
      mkdirSync(args.outItf, { recursive: true });
    } catch (e) {
      return fail(
        deps,
        args,
        `cannot create ${args.outItf}: ${e instanceof Error ? e.message : String(e)}`,
        EXIT.io,
      );
    }
  }

  // The seed is chosen here when none is given, so that it is printed before a long run starts.
  const seed = args.seed ?? randomSeed();
  report(`Running random simulation with seed ${seed} (--num ${args.num} --depth ${args.depth}).`);
  const request: SimulateRequest = {
    files: model.files,
    mainModule: model.mainModule,
    cfg: model.cfgText,
    cfgName,
    options: {
      behaviours: args.num,
      maxSteps: args.depth,
      seed,
      ...(args.noDeadlock ? { checkDeadlock: false } : {}),
      ...(args.keepGoing ? { keepGoing: true } : {}),
      ...(args.pick !== 'action' ? { pick: args.pick } : {}),
      // Across threads the traces come back in the result; in this thread they are written as
      // they come (onBehaviour), so that a long run does not hold them all.
      ...(args.outItf && args.workers > 1 ? { collectTraces: true } : {}),
    },
  };
  const written: string[] = [];
  let ioFailure: string | undefined;
  const coverage = new Coverage();
  const writeBehaviour = (b: SimulatedBehaviour): void => {
    if (!args.outItf || ioFailure) return;
    coverage.add(b.trace);
    const file = join(
      args.outItf,
      `${model.mainModule}-${String(b.index).padStart(5, '0')}.itf.json`,
    );
    const description =
      b.result === 'success'
        ? `simulation, seed ${seed}, behaviour ${b.index}`
        : `${b.result}: ${b.violated ?? b.error?.message ?? ''}`;
    try {
      writeFileSync(
        file,
        JSON.stringify(traceToItf(b.trace, { source: model.specPath, description }), null, 2) +
          '\n',
      );
      written.push(file);
    } catch (e) {
      ioFailure = `cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`;
    }
  };

  const progress = progressLine(deps.progressStream);
  let result: SimulateResult;
  try {
    result = await deps.simulate(
      request,
      {
        onProgress: (p) => progress.update(p),
        ...(args.outItf && args.workers <= 1 ? { onBehaviour: writeBehaviour } : {}),
      },
      args.workers,
    );
  } catch (e) {
    progress.clear();
    return fail(
      deps,
      args,
      `internal error: ${e instanceof Error ? e.message : String(e)}`,
      EXIT.internalError,
    );
  } finally {
    progress.clear();
  }
  if (args.workers > 1) for (const b of result.traces ?? []) writeBehaviour(b);

  for (const line of simulateSummary(result)) report(line);
  if (args.outItf && !ioFailure) {
    // What the suite exercises, beside it: actions and parameter values taken, states per depth.
    const summary = coverage.report();
    const file = join(args.outItf, 'coverage.json');
    try {
      writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
    } catch (e) {
      ioFailure = `cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`;
    }
    for (const line of coverageLines(summary)) report(line);
    report(`${written.length} behaviours written to ${args.outItf}, their coverage to ${file}.`);
  }
  if (ioFailure) deps.stderr(`Error: ${ioFailure}`);
  if (args.json) {
    const { traces: _traces, ...rest } = result;
    void _traces;
    deps.stdout(JSON.stringify({ ...rest, ...(args.outItf ? { itfFiles: written } : {}) }));
  }
  const code = exitCodeFor(result, cfgName);
  return code === EXIT.success && ioFailure ? EXIT.io : code;
}

/** The human report: TLC's words for a violation, then the simulation's figures. */
export function simulateSummary(r: SimulateResult): string[] {
  const lines: string[] = [...r.output];
  if (r.uncheckedProperties && r.uncheckedProperties.length > 0) {
    lines.push(
      `Warning: these PROPERTIES were NOT checked (not supported yet): ${r.uncheckedProperties.join(', ')}.`,
    );
  }
  for (const w of r.warnings ?? []) lines.push(`Warning: ${w}`);
  const trace = r.trace ?? r.error?.trace;
  const behaviour =
    r.behaviour !== undefined ? ` (behaviour ${r.behaviour} of seed ${r.seed})` : '';
  switch (r.result) {
    case 'success':
      lines.push(
        r.stopped
          ? `The simulation stopped before completion (${r.stopped}).`
          : 'No error has been found in the simulated behaviours.',
      );
      break;
    case 'safety failure':
      lines.push(`Error: Invariant ${r.violated} is violated${behaviour}.`);
      break;
    case 'deadlock failure':
      lines.push(`Error: Deadlock reached${behaviour}.`);
      break;
    case 'assumption failure':
      lines.push(`Error: Assumption ${r.violated} is false.`);
      break;
    default:
      if (r.error?.diagnostics?.length) {
        for (const d of r.error.diagnostics)
          lines.push(
            `${d.range.module}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.message}`,
          );
      } else {
        lines.push(
          `Error: ${r.error?.message ?? 'the simulation failed without saying why.'}${behaviour}`,
        );
        if (r.error?.range) lines.push(`at ${formatRange(r.error.range)}`);
      }
  }
  if (trace && trace.states.length > 0) {
    lines.push(
      'Error: The behavior up to this point is:',
      ...printTlcTrace(trace).split('\n').slice(0, -1),
    );
  }
  if (r.failures > 1) lines.push(`${r.failures} behaviours failed.`);
  const seconds = r.durationMs / 1000;
  const rate = seconds > 0 ? ` (${number.format(Math.round(r.steps / seconds))} steps/s)` : '';
  lines.push(
    `${r.behaviours} behaviours simulated, ${r.steps} steps, ${r.generatedStates} states generated${rate}; seed ${r.seed}.`,
  );
  lines.push(`Finished in ${formatDuration(r.durationMs)}`);
  return lines;
}

function fail(deps: SimulateDeps, args: SimulateArgs, message: string, code: number): number {
  deps.stderr(`Error: ${message}`);
  if (args.json)
    deps.stdout(JSON.stringify({ result: 'error', error: { message }, exitCode: code }));
  return code;
}

function progressLine(stream: NodeJS.WriteStream | undefined): {
  update(p: SimulateProgress): void;
  clear(): void;
} {
  if (!stream?.isTTY) return { update: () => {}, clear: () => {} };
  let shown = false;
  return {
    update(p) {
      stream.write('\r' + simulateProgressText(p).slice(0, (stream.columns ?? 120) - 1) + '\x1b[K');
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
