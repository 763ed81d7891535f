/**
 * `specstage validate Spec.tla --log run.ndjson [--mapping map.json]`: is the log of a run of the
 * implementation a behaviour of the spec? (src/validate/validate.ts does the search.) Prints the
 * matching behaviour's size, or the first event no behaviour explains with the closest state,
 * what disagrees and the actions enabled there. Exit 0 when it is a behaviour, 12 when it is not
 * (the implementation did something the spec forbids, as a safety violation), and `check`'s codes
 * for everything else.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename } from 'node:path';
import { formatCfgError, parseConfig } from '../cfg/parse';
import { FrontEndFailure } from '../check/check';
import type { CheckRequest } from '../check/contract/types';
import { EvalError } from '../eval/errors';
import { traceToItf } from '../formats/itf';
import { printTlcTrace } from '../formats/tlc-trace';
import { EventReader, LogError, checkMapping } from '../validate/log';
import type { LogEvent, LogMapping, ValidateProgress, ValidateResult } from '../validate/types';
import { Validation } from '../validate/validate';
import { EXIT } from './exit-codes';
import { LoadError, loadModel } from './load-model';
import { optionTokens, refusedToken, type OptionSpec } from './options';
import { formatDuration } from './summary';
import { printValueOneLine } from '../trace/print';

export const VALIDATE_USAGE = `Usage: specstage validate Spec.tla --log run.ndjson [options]

Is the log of a run of your implementation a behaviour of the spec? The log is NDJSON: one JSON
object per event, with the action ("action"), its parameters ("params") and any of the spec's
variables (by name, or as --mapping says). Exit 0: it is; 12: it is not (the first event no
behaviour explains is reported, with the closest state and the actions enabled there).

Options:
  --log FILE          the log (NDJSON; - reads stdin)
  --mapping FILE      JSON: log fields → variables, action names, missing events, clocks
  --config FILE       the model config (default: Spec.cfg beside the spec)
  --lib DIR           also load the .tla modules of DIR (repeatable)
  --max-silent N      up to N unlogged steps before each event (the mapping's maxSilentSteps)
  --stutter           an event without an action may log the state again without a step
  --out-itf FILE      write the matching behaviour (or the prefix that matched) as ITF
  --json              print one JSON object on stdout (the report goes to stderr)`;

export interface ValidateArgs {
  spec: string;
  log: string;
  mapping?: string;
  config?: string;
  libs: string[];
  maxSilent?: number;
  stutter: boolean;
  outItf?: string;
  json: boolean;
}

/** The options as node:util's parseArgs reads them (options.ts); the values are checked below. */
const VALIDATE_OPTIONS = {
  json: { type: 'boolean' },
  stutter: { type: 'boolean' },
  log: { type: 'string' },
  mapping: { type: 'string' },
  config: { type: 'string' },
  lib: { type: 'string', multiple: true },
  'out-itf': { type: 'string' },
  'max-silent': { type: 'string' },
} as const satisfies OptionSpec;

export function parseValidateArgs(
  argv: string[],
): { ok: true; value: ValidateArgs } | { ok: false; error: string } {
  const a: Partial<ValidateArgs> & { libs: string[]; stutter: boolean; json: boolean } = {
    libs: [],
    stutter: false,
    json: false,
  };
  for (const t of optionTokens(argv, VALIDATE_OPTIONS)) {
    const refused = refusedToken(t, VALIDATE_OPTIONS);
    if (refused !== undefined) return { ok: false, error: refused };
    if (t.kind === 'terminator') continue;
    if (t.kind === 'positional') {
      const arg = t.value;
      if (a.spec) return { ok: false, error: `one spec at a time (got ${a.spec} and ${arg})` };
      a.spec = arg;
      continue;
    }
    const name = t.raw;
    if (t.name === 'json' || t.name === 'stutter') {
      a[t.name] = true;
      continue;
    }
    const v = t.value;
    if (!v) return { ok: false, error: `${name} needs a value` };
    if (name === '--log') a.log = v;
    else if (name === '--mapping') a.mapping = v;
    else if (name === '--config') a.config = v;
    else if (name === '--lib') a.libs.push(v);
    else if (name === '--out-itf') a.outItf = v;
    else {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0)
        return { ok: false, error: `--max-silent needs a whole number, not '${v}'` };
      a.maxSilent = n;
    }
  }
  if (!a.spec) return { ok: false, error: 'no spec given' };
  if (!a.log) return { ok: false, error: 'no log given (--log run.ndjson)' };
  return { ok: true, value: a as ValidateArgs };
}

export interface ValidateDeps {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  progressStream?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadableStream;
}

const defaultDeps: ValidateDeps = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  progressStream: process.stderr,
  stdin: process.stdin,
};

const number = new Intl.NumberFormat('en-US');

export function validateProgressText(p: ValidateProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(p.events / seconds) : 0;
  return `Validating: ${number.format(p.events)} of ${number.format(p.totalEvents)} events, ${number.format(p.candidates)} candidate state(s), ${seconds.toFixed(1)}s, ${number.format(rate)} events/s`;
}

/** Reads the log line by line (a stream: the file is never held as one string). */
export async function readEvents(
  file: string,
  reader: EventReader,
  deps: ValidateDeps,
): Promise<LogEvent[]> {
  const input =
    file === '-' ? (deps.stdin ?? process.stdin) : createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const out: LogEvent[] = [];
  let n = 0;
  for await (const line of lines) {
    const e = reader.line(line, ++n);
    if (e) out.push(e);
  }
  return out;
}

function shown(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 200 ? s.slice(0, 197) + '...' : s;
}

/** The human report of a result. */
export function validateReport(r: ValidateResult, mainModule: string): string[] {
  const out: string[] = [];
  if (r.result === 'behaviour') {
    const states = r.trace?.states.length ?? 0;
    const unlogged = r.stepEvents?.slice(1).filter((x) => x === null).length ?? 0;
    const notes = [
      ...(r.stepEvents?.[0] === null ? ['the log starts after the initial state'] : []),
      ...(unlogged ? [`${unlogged} step(s) the log does not show`] : []),
    ];
    out.push(
      `The log is a behaviour of ${mainModule}: ${number.format(r.events)} events explained by a behaviour of ${number.format(states)} states` +
        (notes.length ? ` (${notes.join('; ')}).` : '.'),
    );
  } else if (r.result === 'divergence' && r.divergence) {
    const d = r.divergence;
    out.push(`Error: the log is not a behaviour of ${mainModule}.`);
    out.push(
      `Event ${d.event + 1}${d.line !== undefined ? ` (line ${d.line})` : ''} is the first that no behaviour of the spec explains` +
        (d.explained ? ` (the ${number.format(d.explained)} before it are explained):` : ':'),
    );
    out.push(
      `  ${shown({ ...(d.logged.process !== undefined ? { process: d.logged.process } : {}), ...(d.logged.action !== undefined ? { action: d.logged.action } : {}), ...(d.logged.params !== undefined ? { params: d.logged.params } : {}), ...d.logged.vars })}`,
    );
    if (d.closest) {
      const where =
        d.event === 0 && !r.trace
          ? 'The closest initial state'
          : `The closest step from the last state that matched: ${d.closest.label}`;
      out.push(`${where}; it disagrees on:`);
      for (const x of d.closest.disagree)
        out.push(
          `  ${x.what}: the log says ${shown(x.logged)}, the spec ${x.spec === undefined ? 'has none' : printValueOneLine(x.spec)}`,
        );
    } else if (r.trace) {
      out.push('No action is enabled in the last state that matched.');
    }
    if (r.trace)
      out.push(`Actions enabled there: ${d.enabled.length ? d.enabled.join(', ') : 'none'}`);
    if (r.trace) {
      out.push(
        `The behaviour that explains the events before it (${r.trace.states.length} states):`,
      );
      out.push(printTlcTrace(r.trace).trimEnd());
    }
  } else if (r.result === 'stopped') {
    out.push(`Stopped: ${r.stopped}`);
  } else if (r.error) {
    out.push(`Error: ${r.error.message}`);
    if (r.trace) out.push(printTlcTrace(r.trace).trimEnd());
  }
  out.push(
    `${number.format(r.events)} events, at most ${number.format(r.maxCandidates)} candidate state(s) at once, ${formatDuration(r.durationMs)}.`,
  );
  return out;
}

export function validateExitCode(r: ValidateResult, cfgName: string): number {
  switch (r.result) {
    case 'behaviour':
      return EXIT.success;
    case 'divergence':
      return EXIT.safetyViolation;
    case 'stopped':
      return EXIT.internalError;
    case 'error': {
      const e = r.error;
      if (e?.diagnostics?.length) return EXIT.specError;
      if (e?.range && (e.range.module === cfgName || e.range.module.endsWith('.cfg')))
        return EXIT.cfgError;
      if (e?.range || e?.trace) return EXIT.evalError;
      return EXIT.io; // the log itself (no clock where one is needed, mixed clocks)
    }
  }
}

export async function runValidate(
  argv: string[],
  deps: ValidateDeps = defaultDeps,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    deps.stdout(VALIDATE_USAGE);
    return EXIT.success;
  }
  const parsed = parseValidateArgs(argv);
  if (!parsed.ok) {
    deps.stderr(`specstage validate: ${parsed.error}\n${VALIDATE_USAGE}`);
    return EXIT.usage;
  }
  const args = parsed.value;
  const report = args.json ? deps.stderr : deps.stdout;
  const fail = (message: string, code: number): number => {
    deps.stderr(`Error: ${message}`);
    if (args.json)
      deps.stdout(JSON.stringify({ result: 'error', error: { message }, exitCode: code }));
    return code;
  };

  let model;
  try {
    model = loadModel(args.spec, args.config, args.libs);
  } catch (e) {
    if (!(e instanceof LoadError)) throw e;
    return fail(e.message, e.kind === 'cfg' ? EXIT.cfgError : EXIT.io);
  }
  const cfgName = basename(model.cfgPath);
  const cfg = parseConfig(model.cfgText, cfgName);
  if (!cfg.config) {
    for (const e of cfg.errors) report(formatCfgError(e));
    return fail(`the config ${model.cfgPath} has ${cfg.errors.length} error(s)`, EXIT.cfgError);
  }
  let mapping: LogMapping = {};
  if (args.mapping) {
    try {
      mapping = checkMapping(JSON.parse(readFileSync(args.mapping, 'utf8')));
    } catch (e) {
      return fail(`${args.mapping}: ${(e as Error).message}`, EXIT.io);
    }
  }
  if (args.maxSilent !== undefined) mapping = { ...mapping, maxSilentSteps: args.maxSilent };
  if (args.stutter) mapping = { ...mapping, stutter: true };

  const request: CheckRequest = {
    files: model.files,
    mainModule: model.mainModule,
    cfg: model.cfgText,
    cfgName,
  };
  let validation: Validation;
  try {
    validation = await Validation.open(request);
  } catch (e) {
    if (e instanceof FrontEndFailure) {
      const r = e.error.range;
      return fail(e.message, r && r.module.endsWith('.cfg') ? EXIT.cfgError : EXIT.specError);
    }
    if (e instanceof EvalError)
      return fail(e.message, e.range?.module.endsWith('.cfg') ? EXIT.cfgError : EXIT.specError);
    throw e;
  }
  let events: LogEvent[];
  try {
    events = await readEvents(args.log, new EventReader(validation.vars, mapping), deps);
  } catch (e) {
    if (e instanceof LogError) return fail(`${args.log}: ${e.message}`, EXIT.io);
    return fail(`cannot read ${args.log}: ${(e as Error).message}`, EXIT.io);
  }
  if (events.length === 0) return fail(`${args.log} holds no event`, EXIT.io);

  const stream = deps.progressStream;
  const tty = !!stream?.isTTY;
  const result = await validation.validate(events, mapping, {
    onProgress: (p) => {
      if (tty)
        stream!.write(
          '\r' + validateProgressText(p).slice(0, (stream!.columns ?? 120) - 1) + '\x1b[K',
        );
    },
  });
  if (tty) stream!.write('\r\x1b[K');

  for (const line of validateReport(result, model.mainModule)) report(line);
  let code = validateExitCode(result, cfgName);
  if (args.outItf) {
    if (!result.trace) deps.stderr(`No behaviour to write: ${args.outItf} not written.`);
    else {
      const itf = traceToItf(result.trace, {
        source: model.specPath,
        description: `validate ${args.log}: ${result.result}`,
      });
      itf.states.forEach((s, i) => {
        const ev = result.stepEvents?.[i];
        (s['#meta'] as Record<string, unknown>).event = ev ?? null;
      });
      try {
        writeFileSync(args.outItf, JSON.stringify(itf, null, 2) + '\n');
      } catch (e) {
        deps.stderr(`Error: cannot write ${args.outItf}: ${(e as Error).message}`);
        if (code === EXIT.success) code = EXIT.io;
      }
    }
  }
  if (args.json) deps.stdout(JSON.stringify({ ...result, exitCode: code }));
  return code;
}
