/**
 * Our side of the expression comparison: the very module text TLC ran (see batch.ts), parsed and
 * bound as `check` does (loadModules, buildModel), each `ASSUME Try(id, e)` evaluated as its `e`
 * alone, in order, each in its own try/catch. Strings are ordered as the sources are read, so a
 * batch must run in a fresh process (child.ts) for the order of strings to be TLC's.
 */
import type { Expr, Unit } from '../../src/tla/ast/ast';
import { ensureParser, FrontEndFailure, loadModules } from '../../src/check/check';
import { buildModel, readConfig, constantServices } from '../../src/check/model/setup';
import type { SourceFile } from '../../src/check/contract/types';
import {
  type Value,
  FunctionBase,
  ModelValue,
  OpValue,
  SetBase,
  ValueError,
} from '../../src/core/values';
import { EvalError } from '../../src/eval/errors';
import { printValue } from '../../src/eval/print';
import type { Ctx } from '../../src/eval/scope';
import { setParseTimeLimit } from '../../src/tla/parse/parser';
import type { Canon } from './values';

/** What one expression gave: a value (neutral form and our printing of it) or an error. */
export type Outcome =
  | { kind: 'value'; value: Canon; printed: string }
  | { kind: 'error'; message: string }
  /** The front end refused the module because of this expression (its ASSUME's line). */
  | { kind: 'rejected'; message: string };

export function toCanon(v: Value): Canon {
  switch (typeof v) {
    case 'boolean':
      return { k: 'bool', v };
    case 'number':
      return { k: 'int', v: String(v) };
    case 'string':
      return { k: 'str', v };
  }
  if (v instanceof ModelValue) return { k: 'mv', v: v.name };
  if (v instanceof SetBase) {
    if (!v.isFinite()) return { k: 'sym', text: printValue(v) };
    return { k: 'set', elems: v.enumerate().elems.map(toCanon) };
  }
  if (v instanceof FunctionBase) {
    const pairs: [Canon, Canon][] = [];
    for (let i = 0; i < v.size(); i++) pairs.push([toCanon(v.domainAt(i)), toCanon(v.valueAt(i))]);
    return { k: 'fn', pairs };
  }
  if (v instanceof OpValue) return { k: 'sym', text: `<operator ${v.name}>` };
  return { k: 'sym', text: String(v) };
}

export interface BatchInput {
  /** The module's file name and text, as written for TLC. */
  module: SourceFile;
  cfg: string;
  /** Library modules handed to the engine as files (as `--lib` does). */
  libs: SourceFile[];
}

/** The `ASSUME Try(id, e)` units of the module, in order. */
function tries(units: readonly Unit[]): { id: number; expr: Expr; line: number }[] {
  const out: { id: number; expr: Expr; line: number }[] = [];
  for (const u of units) {
    if (u.kind !== 'Assume' || u.expr.kind !== 'OpApp' || u.expr.name !== 'Try') continue;
    const [idE, e] = u.expr.args;
    if (idE?.kind !== 'Num' || !e) continue;
    out.push({ id: Number(idE.value), expr: e, line: u.range.start.line });
  }
  return out;
}

function messageOf(e: unknown): string {
  if (e instanceof EvalError || e instanceof ValueError) return e.message;
  if (e instanceof RangeError) return `RangeError: ${e.message}`;
  return `Internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

/**
 * Evaluates every `Try` of the batch, calling `report` after each (so that a caller in another
 * process sees progress up to an expression that does not terminate). When the front end refuses
 * the module, the refusal is reported for the expression on the diagnostic's line and for no other
 * (the caller re-runs the rest without it), or for the whole module when no line is known.
 */
export async function evaluateBatch(
  input: BatchInput,
  report: (id: number, o: Outcome) => void,
  skip: ReadonlySet<number> = new Set(),
  only?: ReadonlySet<number>,
): Promise<{ moduleRejected?: string }> {
  await ensureParser();
  // A batch module is long and the machine may be busy: the parser's 5 s guard (meant for the
  // editor) would refuse whole batches by load alone; the caller's time limit bounds it instead.
  setParseTimeLimit(600_000);
  const mainModule = input.module.name.replace(/\.tla$/, '');
  const req = {
    files: [input.module, ...input.libs],
    mainModule,
    cfg: input.cfg,
    cfgName: `${mainModule}.cfg`,
  };
  const config = readConfig(req);
  let modules;
  try {
    modules = loadModules(req);
  } catch (e) {
    if (!(e instanceof FrontEndFailure)) throw e;
    const line = e.error.range?.module === mainModule ? e.error.range.start.line : undefined;
    const id = line !== undefined ? idOnLine(input.module.text, line) : undefined;
    if (id !== undefined) {
      report(id, { kind: 'rejected', message: e.error.message });
      return { moduleRejected: `${id}` };
    }
    return { moduleRejected: e.error.message };
  }
  const output: string[] = [];
  const services = constantServices(output);
  const parts = buildModel(modules, config, services, mainModule);
  const main = modules.get(mainModule)!;
  for (const t of tries(main.units)) {
    if (skip.has(t.id) || (only && !only.has(t.id))) continue;
    let o: Outcome;
    try {
      const ev = parts.compiler.topLevel(t.expr, parts.root);
      const ctx: Ctx = { s: [], n: null, f: null };
      const v = ev(ctx);
      const value = toCanon(v);
      o = { kind: 'value', value, printed: safePrint(v) };
    } catch (e) {
      o = { kind: 'error', message: messageOf(e) };
    }
    report(t.id, o);
  }
  return {};
}

function safePrint(v: Value): string {
  try {
    return printValue(v);
  } catch (e) {
    return `<unprintable: ${messageOf(e)}>`;
  }
}

/** The module text without the `ASSUME Try(id, …)` lines of these ids. */
export function withoutTries(text: string, ids: ReadonlySet<number>): string {
  if (!ids.size) return text;
  return text
    .split('\n')
    .filter((l) => {
      const m = /^ASSUME Try\((\d+),/.exec(l);
      return !m || !ids.has(Number(m[1]));
    })
    .join('\n');
}

/** The id of the `ASSUME Try(id, …)` that starts on or before `line` (1-based). */
export function idOnLine(text: string, line: number): number | undefined {
  const lines = text.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const m = /^ASSUME Try\((\d+),/.exec(lines[i]);
    if (m) return Number(m[1]);
  }
  return undefined;
}
