/**
 * Expressions evaluated by TLC in batches: one module per batch, one line per expression,
 *
 *   Try(id, e) == AssertError("@@", PrintT(<<id, e>>)) \/ PrintT(<<id, "@@done">>)
 *   ASSUME Try(17, <expression>)
 *
 * TLCExt's AssertError evaluates its second argument and catches an evaluation error in it (it is
 * TRUE only for the message "@@", which no error has), so a failing expression does not stop the
 * run: a value prints `<<id, v>>` then `<<id, "@@done">>`, an error only the second line. An error
 * AssertError does not catch stops TLC ("Evaluating assumption line L"); the batch then goes on
 * from the next expression in a new run. A module TLC refuses (a parse or semantic error, a number
 * too big for it) is split in halves until the expression it refuses is alone. An expression that
 * passes the time limit is recorded as such and the batch goes on without it.
 *
 * Every module TLC completed is kept (`runs`), with the ids it evaluated: our engine evaluates the
 * same texts, so that strings are interned in the same order on both sides.
 */
import { join } from 'node:path';
import type { SourceFile } from '../../src/check/contract/types';
import { afterStart, errorBlock, runTlc, startupFailure } from './tlc';
import { type Canon, parseTlcValue } from './values';

export interface ExprCase {
  id: number;
  /** One line of TLA+. */
  expr: string;
  /** The generator's production at the root (`Append`, `SetFilter`, `error:Head`, …). */
  family: string;
}

export type TlcOutcome =
  | { kind: 'value'; value: Canon; text: string }
  | { kind: 'error'; message?: string }
  /** TLC refused the module because of this expression (SANY, or a literal too big). */
  | { kind: 'rejected'; message: string }
  | { kind: 'timeout' };

export interface BatchRun {
  module: SourceFile;
  cfg: string;
  /** The expressions TLC evaluated in this run, in order (the last may be the one that stopped it). */
  ids: number[];
}

export interface BatchLayout {
  extends: string[];
  modelValues: string[];
}

export const TRY_LINE =
  'Try(id, e) == AssertError("@@", PrintT(<<id, e>>)) \\/ PrintT(<<id, "@@done">>)';

export function batchModule(
  name: string,
  layout: BatchLayout,
  cases: readonly ExprCase[],
): { module: SourceFile; cfg: string } {
  const lines = [
    `---- MODULE ${name} ----`,
    `EXTENDS ${layout.extends.join(', ')}`,
    ...(layout.modelValues.length ? [`CONSTANTS ${layout.modelValues.join(', ')}`] : []),
    TRY_LINE,
    ...cases.map((c) => `ASSUME Try(${c.id}, ${c.expr})`),
    '====',
    '',
  ];
  const cfg = layout.modelValues.length
    ? `CONSTANTS\n${layout.modelValues.map((m) => `  ${m} = ${m}`).join('\n')}\n`
    : '';
  return { module: { name: `${name}.tla`, text: lines.join('\n') }, cfg };
}

interface ParsedRun {
  /** Values printed, by id. */
  values: Map<number, string>;
  /** Ids whose `@@done` line was printed, in order. */
  done: number[];
  /** An error that stopped TLC, and the line of the ASSUME it names. */
  stopped?: { message: string; line?: number };
}

/** Splits TLC's output after `Starting...` into the `<<id, …>>` items and a stopping error. */
export function parseRunOutput(out: string, modelValues: ReadonlySet<string>): ParsedRun {
  const values = new Map<number, string>();
  const done: number[] = [];
  let stopped: ParsedRun['stopped'];
  const itemStart = /^<<\s*(\d+),\s*/gm;
  const errAt = out.search(/^Error: /m);
  const body = errAt >= 0 ? out.slice(0, errAt) : out;
  const starts: { id: number; at: number; text: number }[] = [];
  for (let m = itemStart.exec(body); m; m = itemStart.exec(body))
    starts.push({ id: Number(m[1]), at: m.index, text: m.index + m[0].length });
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1].at : body.length;
    // An item is its first line and the indented lines after it (TLC breaks long values); a line
    // that starts at the margin is TLC's own (a warning, `Computing initial states...`).
    const lines = body.slice(starts[i].text, end).split('\n');
    let k = 1;
    while (k < lines.length && /^\s/.test(lines[k]) && lines[k].trim() !== '') k++;
    const chunk = lines.slice(0, k).join('\n').trimEnd();
    if (!chunk.endsWith('>>')) continue;
    const text = chunk.slice(0, -2).trim();
    if (text === '"@@done"') done.push(starts[i].id);
    else values.set(starts[i].id, text);
  }
  if (errAt >= 0) {
    const msg = errorBlock(out.slice(errAt)) ?? 'Error';
    const line = /Evaluating assumption line (\d+)/.exec(msg);
    stopped = { message: msg, line: line ? Number(line[1]) : undefined };
  }
  void modelValues;
  return { values, done, stopped };
}

export interface TlcBatchResult {
  outcomes: Map<number, TlcOutcome>;
  runs: BatchRun[];
  tlcRuns: number;
  tlcMs: number;
}

/** Evaluates the cases with TLC as described at the top of this file. */
export async function tlcBatch(
  name: string,
  layout: BatchLayout,
  cases: readonly ExprCase[],
  workDir: string,
  options: { timeoutMs: number; log?: (line: string) => void },
): Promise<TlcBatchResult> {
  const mvs = new Set(layout.modelValues);
  const outcomes = new Map<number, TlcOutcome>();
  const runs: BatchRun[] = [];
  let tlcRuns = 0;
  let tlcMs = 0;
  let serial = 0;

  const runOnce = async (part: readonly ExprCase[]) => {
    const modName = `${name}_${serial++}`;
    const { module, cfg } = batchModule(modName, layout, part);
    const r = await runTlc(
      join(workDir, modName),
      [module, { name: `${modName}.cfg`, text: cfg }],
      { timeoutMs: options.timeoutMs },
    );
    tlcRuns++;
    tlcMs += r.ms;
    return { module, cfg, r };
  };

  const solve = async (part: readonly ExprCase[]): Promise<void> => {
    let rest = part;
    while (rest.length) {
      const { module, cfg, r } = await runOnce(rest);
      const failure = r.timedOut ? undefined : startupFailure(r.stdout);
      if (failure !== undefined) {
        if (rest.length === 1) {
          outcomes.set(rest[0].id, { kind: 'rejected', message: failure });
          options.log?.(
            `TLC refuses expression ${rest[0].id}: ${failure.replace(/\s+/g, ' ').slice(0, 200)}`,
          );
          return;
        }
        const half = Math.ceil(rest.length / 2);
        await solve(rest.slice(0, half));
        await solve(rest.slice(half));
        return;
      }
      const parsed = parseRunOutput(afterStart(r.stdout) ?? '', mvs);
      const evaluated: number[] = [];
      for (const id of parsed.done) {
        const text = parsed.values.get(id);
        outcomes.set(
          id,
          text === undefined
            ? { kind: 'error' }
            : { kind: 'value', text, value: parseTlcValue(text, mvs) },
        );
        evaluated.push(id);
      }
      const doneSet = new Set(parsed.done);
      const firstLeft = rest.findIndex((c) => !doneSet.has(c.id));
      if (firstLeft < 0) {
        runs.push({ module, cfg, ids: evaluated });
        return;
      }
      const culprit = rest[firstLeft];
      if (r.timedOut) {
        outcomes.set(culprit.id, { kind: 'timeout' });
        options.log?.(`TLC: expression ${culprit.id} passed the time limit`);
      } else if (parsed.stopped) {
        outcomes.set(culprit.id, { kind: 'error', message: parsed.stopped.message });
        evaluated.push(culprit.id);
        options.log?.(
          `TLC stopped at expression ${culprit.id}: ${parsed.stopped.message.split('\n').slice(1, 3).join(' ')}`,
        );
      } else {
        outcomes.set(culprit.id, {
          kind: 'error',
          message: `TLC stopped without a message (exit ${r.exitCode})`,
        });
      }
      runs.push({ module, cfg, ids: evaluated });
      rest = rest.slice(firstLeft + 1);
    }
  };

  await solve(cases);
  return { outcomes, runs, tlcRuns, tlcMs };
}

/**
 * TLC's own message for an expression it fails on (AssertError hides it): the expression alone,
 * printed without the catch. For the report of a disagreement only.
 */
export async function tlcErrorMessage(
  layout: BatchLayout,
  c: ExprCase,
  workDir: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const name = `Msg_${c.id}`;
  const { module, cfg } = batchModule(name, layout, [c]);
  const text = module.text
    .replace(`ASSUME Try(${c.id}, `, `ASSUME PrintT(<<${c.id}, `)
    .replace(/\)\n====/, '>>)\n====');
  const r = await runTlc(
    join(workDir, name),
    [
      { name: module.name, text },
      { name: `${name}.cfg`, text: cfg },
    ],
    { timeoutMs },
  );
  const out = afterStart(r.stdout) ?? r.stdout;
  const m = errorBlock(out);
  return m
    ? m
        .replace(
          /^Error: Evaluating assumption line \d+, col \d+ to line \d+, col \d+ of module \w+ failed\.\n?/,
          '',
        )
        .trim()
    : undefined;
}
