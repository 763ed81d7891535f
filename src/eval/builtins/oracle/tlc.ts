/**
 * TLC as the oracle for library operators: one run of TLC 2.20 (../shared/tools/tlc, with the
 * library modules on its path, `-workers 1`) evaluates a batch of expressions, each in its own
 *
 *   ASSUME H!AssertError("", PrintT(<<i, expression i>>)) \/ TRUE
 *
 * TLCExt!AssertError catches TLC's evaluation errors, so an expression that fails prints nothing and
 * the next one is still evaluated: one JVM answers "value or error" for a whole batch. What TLC
 * does not catch (a Java exception), or an expression TLC does not return from (a time limit),
 * ends the run; the batch then goes on after that expression, which counts as an error.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EvalBatch, batchConfig, MODEL_VALUES } from './engine';
import { TlcValueReader } from './tlc-values';

export const TLC_SCRIPT = resolve(
  process.env.SPECSTAGE_TLC ??
    join(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/tools/tlc'),
);

/** Why TLC cannot run here, or undefined when it can. */
export function tlcUnavailable(): string | undefined {
  if (!existsSync(TLC_SCRIPT)) return `TLC not found at ${TLC_SCRIPT}`;
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'java is not on the PATH';
  return undefined;
}

/** TLC's answer for one expression: the value as TLC printed it, or null for an error. */
export type TlcAnswer = string | null;

function specText(batch: EvalBatch, indices: number[]): string {
  return [
    '---- MODULE Exprs ----',
    `EXTENDS ${batch.extends.join(', ')}`,
    `CONSTANTS ${MODEL_VALUES.join(', ')}`,
    'H__ == INSTANCE TLCExt',
    ...(batch.defs ?? []),
    // Inline, not as definitions: TLC evaluates every constant definition when it starts.
    ...indices.map(
      (i) => `ASSUME H__!AssertError("", PrintT(<<${i}, ${batch.exprs[i]}>>)) \\/ TRUE`,
    ),
    'VARIABLE x__',
    'Init__ == x__ = 0',
    "Next__ == x__' = x__",
    '====',
  ].join('\n');
}

/** The values TLC printed after `Starting...`, by expression index, as TLC printed them. */
function printed(stdout: string): Map<number, string> {
  const out = new Map<number, string>();
  const start = stdout.search(/^Starting\.\.\. \(/m);
  if (start < 0) return out;
  let body = stdout.slice(stdout.indexOf('\n', start) + 1);
  const end = body.search(
    /^(Computing initial states|Error:|Finished in|The error occurred|TLC threw|@!@!@)/m,
  );
  if (end >= 0) body = body.slice(0, end);
  // Each PrintT output is <<i, v>>, from the start of a line; TLC's warnings come between them.
  const reader = new TlcValueReader(body);
  const lineStart = /^<</gm;
  for (let m = lineStart.exec(body); m; m = lineStart.exec(body)) {
    const a = reader.answerAt(m.index);
    if (!a) continue;
    out.set(a.index, a.raw);
    lineStart.lastIndex = a.end;
  }
  return out;
}

interface TlcRunResult {
  answers: Map<number, string>;
  completed: boolean;
  timedOut: boolean;
  stdout: string;
}

function runOnce(
  dir: string,
  batch: EvalBatch,
  indices: number[],
  timeoutMs: number,
): TlcRunResult {
  writeFileSync(join(dir, 'Exprs.tla'), specText(batch, indices));
  writeFileSync(join(dir, 'Exprs.cfg'), `${batchConfig()}INIT Init__\nNEXT Next__\n`);
  const log = join(dir, 'tlc.out');
  const fd = openSync(log, 'w');
  const r = spawnSync(TLC_SCRIPT, ['Exprs.tla', '-config', 'Exprs.cfg', '-workers', '1'], {
    cwd: dir,
    stdio: ['ignore', fd, fd],
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  closeSync(fd);
  const stdout = readFileSync(log, 'utf8');
  if (/\*\*\* Errors:|Semantic errors|Parse Error|can't handle a number this big/.test(stdout))
    throw new Error(`TLC could not read the batch:\n${stdout.slice(-3000)}`);
  return {
    answers: printed(stdout),
    completed: /Finished computing initial states|Model checking completed/.test(stdout),
    timedOut: r.signal !== null || r.error !== undefined,
    stdout,
  };
}

/**
 * Evaluates the batch with TLC; one answer per expression (null: an error, or no answer in time).
 * A run that TLC does not finish in time (an expression it does not return from; its buffered
 * output is lost) is split into eight and each part run again, down to the expression at fault.
 */
export function tlcEvaluate(
  batch: EvalBatch,
  opts: { timeoutMs?: number; log?: (s: string) => void } = {},
): TlcAnswer[] {
  const answers: TlcAnswer[] = new Array<TlcAnswer>(batch.exprs.length).fill(null);
  const dir = mkdtempSync(join(tmpdir(), 'specstage-tlc-'));
  const timeout = opts.timeoutMs ?? 120_000;
  const run = (indices: number[], timeoutMs: number): void => {
    let todo = indices;
    while (todo.length > 0) {
      const r = runOnce(dir, batch, todo, timeoutMs);
      for (const [i, v] of r.answers) answers[i] = v;
      if (r.completed) return;
      if (r.timedOut) {
        if (todo.length === 1) {
          opts.log?.(
            `TLC does not return from expression ${todo[0]} (${batch.exprs[todo[0]]}) in ${timeoutMs} ms`,
          );
          return;
        }
        const rest = todo.filter((i) => !r.answers.has(i));
        const part = Math.ceil(rest.length / 8);
        for (let k = 0; k < rest.length; k += part)
          run(rest.slice(k, k + part), Math.max(20_000, timeoutMs / 2));
        return;
      }
      // An error TLC does not catch ends the run: it is the expression after the last answered one.
      const last = Math.max(-1, ...[...r.answers.keys()].map((i) => todo.indexOf(i)));
      const failed = todo[last + 1];
      if (failed === undefined)
        throw new Error(`TLC ended without evaluating the batch:\n${r.stdout.slice(-3000)}`);
      const why = r.stdout
        .slice(r.stdout.search(/^Error:/m))
        .split('\n')
        .slice(0, 3)
        .join(' | ');
      opts.log?.(`TLC stopped at expression ${failed} (${batch.exprs[failed]}): ${why}`);
      todo = todo.slice(last + 2);
    }
  };
  try {
    run(
      batch.exprs.map((_, i) => i),
      timeout,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return answers;
}
