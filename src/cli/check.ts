/**
 * `specstage check`: load the model as TLC would, check it, report as TLC does, write the
 * requested dumps, and exit with TLC's code for the verdict.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatCfgError, parseConfig } from '../cfg/parse';
import { checkModel, type CheckHooks } from '../check/check';
import type { CheckRequest, CheckResult, Trace } from '../check/contract/types';
import { writeDot } from '../formats/dot';
import { traceToItf } from '../formats/itf';
import { printTlcTrace } from '../formats/tlc-trace';
import { CHECK_USAGE, parseCheckArgs, type CheckArgs } from './args';
import { EXIT, exitCodeFor } from './exit-codes';
import { LoadError, loadModel, type LoadedModel } from './load-model';
import { progressLine } from './progress';
import { hasAlgorithm, translationState } from '../pluscal/stale';
import { resultJson, summaryLines } from './summary';
import { quintNotForTlc } from '../formats/tlc-bundle';
import { checkWithTlc, findTlc } from './tlc-engine';

/** What the command touches, replaceable in tests. */
export interface CheckDeps {
  checkModel: (req: CheckRequest, hooks: CheckHooks) => Promise<CheckResult>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** The stream the live progress line goes to (only when it is a TTY). */
  progressStream?: NodeJS.WriteStream;
}

/** In this thread for one worker; otherwise on a pool of worker threads (worker-pool.ts). */
async function checkWith(req: CheckRequest, hooks: CheckHooks): Promise<CheckResult> {
  if ((req.options?.workers ?? 1) <= 1) return checkModel(req, hooks);
  const { checkOnPool } = await import('./worker-pool');
  return checkOnPool(req, hooks);
}

export const defaultCheckDeps: CheckDeps = {
  checkModel: checkWith,
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  progressStream: process.stderr,
};

export async function runCheck(
  argv: string[],
  deps: CheckDeps = defaultCheckDeps,
): Promise<number> {
  const parsed = parseCheckArgs(argv);
  if (!parsed.ok) {
    deps.stderr(`specstage check: ${parsed.error}`);
    deps.stderr(CHECK_USAGE);
    return EXIT.usage;
  }
  const args = parsed.value;
  // With --json, stdout carries the JSON object alone; the human report goes to stderr.
  const report = args.json ? deps.stderr : deps.stdout;

  const quint = args.engine === 'tlc' ? quintNotForTlc(args.spec) : undefined;
  if (quint) return fail(deps, args, quint, EXIT.usage);
  let model;
  try {
    model = loadModel(args.spec, args.config, args.libs);
  } catch (e) {
    if (!(e instanceof LoadError)) throw e;
    return fail(deps, args, e.message, e.kind === 'cfg' ? EXIT.cfgError : EXIT.io);
  }
  translateFirst(model, deps);
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

  const request: CheckRequest = {
    files: model.files,
    mainModule: model.mainModule,
    cfg: model.cfgText,
    cfgName,
    options: {
      workers: args.workers,
      ...(args.memoryBudgetMb
        ? { memoryBudgetBytes: Math.round(args.memoryBudgetMb * 2 ** 20) }
        : {}),
      ...(args.noDeadlock ? { checkDeadlock: false } : {}),
      ...(args.dumpDot ? { collectGraph: true } : {}),
    },
  };
  let engine = deps.checkModel;
  if (args.engine === 'tlc') {
    const tlc = findTlc(args.tlcJar);
    if ('error' in tlc) return fail(deps, args, tlc.error, EXIT.usage);
    engine = (req, hooks) => checkWithTlc(req, hooks, tlc.jar);
  }
  const progress = deps.progressStream ? progressLine(deps.progressStream) : undefined;
  let result: CheckResult;
  try {
    result = await engine(request, { onProgress: (p) => progress?.update(p) });
  } catch (e) {
    progress?.clear();
    const message = e instanceof Error ? e.message : String(e);
    return fail(deps, args, `internal error: ${message}`, EXIT.internalError);
  }
  progress?.clear();

  for (const line of summaryLines(result, cfg.config)) report(line);
  const dumpCode = writeDumps(args, result, model.specPath, deps);
  if (args.json) deps.stdout(JSON.stringify({ ...resultJson(result), output: result.output }));
  const code = exitCodeFor(result, cfgName);
  return code === EXIT.success && dumpCode !== EXIT.success ? dumpCode : code;
}

/**
 * A spec whose PlusCal algorithm and translation disagree (the algorithm edited, not translated
 * again) is checked as its algorithm's translation, with a warning: TLC would check the old one.
 */
function translateFirst(model: LoadedModel, deps: CheckDeps): void {
  const spec = model.files[0];
  if (!hasAlgorithm(spec.text)) return;
  const state = translationState(spec.text);
  if (state.kind === 'stale') {
    model.files[0] = { ...spec, text: state.translation.text };
    deps.stderr(
      `Warning: the PlusCal algorithm of ${model.specPath} and its translation disagree (${state.reason}): ` +
        `checking the algorithm's translation (specstage translate --write ${model.specPath} writes it into the file).`,
    );
  } else if (state.kind === 'error') {
    deps.stderr(
      `Warning: the PlusCal algorithm of ${model.specPath} does not translate (${state.error.message.replace(/\s+/g, ' ')}): ` +
        'checking the translation the module has.',
    );
  }
}

/** Reports a failure before or around the check; with --json, as the final JSON object too. */
function fail(deps: CheckDeps, args: CheckArgs, message: string, code: number): number {
  deps.stderr(`Error: ${message}`);
  if (args.json)
    deps.stdout(JSON.stringify({ result: 'error', error: { message }, exitCode: code }));
  return code;
}

function writeDumps(
  args: CheckArgs,
  result: CheckResult,
  specPath: string,
  deps: CheckDeps,
): number {
  let code: number = EXIT.success;
  const write = (file: string, text: string): void => {
    try {
      writeFileSync(file, text);
    } catch (e) {
      deps.stderr(`Error: cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`);
      code = EXIT.io;
    }
  };
  if (args.dumpTrace) {
    const trace: Trace | undefined = result.trace ?? result.error?.trace;
    if (!trace) {
      deps.stderr(`No counterexample: ${args.dumpTrace.file} not written.`);
    } else if (args.dumpTrace.format === 'itf') {
      const description = result.violated ? `${result.result}: ${result.violated}` : result.result;
      write(
        args.dumpTrace.file,
        JSON.stringify(traceToItf(trace, { source: specPath, description }), null, 2) + '\n',
      );
    } else {
      write(args.dumpTrace.file, printTlcTrace(trace));
    }
  }
  if (args.dumpDot) {
    const graph = result.graph;
    if (!graph) {
      deps.stderr(`The engine recorded no state graph: ${args.dumpDot} not written.`);
    } else {
      if (graph.truncated)
        deps.stderr(`The state graph was cut short: ${args.dumpDot} holds part of it.`);
      const vars = result.trace?.vars ?? Object.keys(graph.states[0]?.state ?? {});
      write(args.dumpDot, writeDot(graph, vars));
    }
  }
  return code;
}
