/**
 * Evaluates many constant expressions with the engine, for comparing library operators with TLC:
 * each expression becomes a definition `E_i` of one module that extends the given library modules,
 * evaluated alone, so that an error in one does not hide the others.
 *
 * `natives: false` evaluates the library modules' own TLA+ text instead of the native
 * implementations: the modules of `TEXT_MODULES` are given as files of the user's under another
 * name (`Bags` as `Bags_T`, …), which the native table (keyed by module name) does not know. The
 * modules whose text is a placeholder (Naturals, Sequences, TLC, …) keep their natives.
 */
import { type Value, ModelValue } from '../../../core/values';
import { ensureParser, loadModules } from '../../../check/check';
import { buildModel, readConfig, constantServices } from '../../../check/model/setup';
import { libraryFile, libraryModuleNames } from '../../../tla/library';
import type { Range } from '../../../tla/ast/ast';
import { printValue } from '../../print';

/** Library modules whose definitions are real TLA+ (TLC evaluates them, or overrides them in Java). */
export const TEXT_MODULES = libraryModuleNames().filter(
  (m) =>
    libraryFile(m)!.fileName.startsWith('library/community/') ||
    ['Bags', 'Apalache', 'Variants', 'Option'].includes(m),
);

export const TEXT_SUFFIX = '_T';

/** Model values the expressions may use (declared as constants, assigned to themselves). */
export const MODEL_VALUES = ['mA', 'mB'];

/** An expression's value or error, and the milliseconds its evaluation took. */
export type Outcome = ({ value: Value } | { error: string }) & { ms?: number };

export interface EvalBatch {
  /** Library modules the expressions' module extends. */
  extends: string[];
  /** Extra definitions before the expressions (helpers). */
  defs?: string[];
  exprs: string[];
}

/** The module holding the expressions, as the engine and TLC read it. */
export function batchModule(name: string, batch: EvalBatch, extendsNames = batch.extends): string {
  return [
    `---- MODULE ${name} ----`,
    `EXTENDS ${extendsNames.join(', ')}`,
    `CONSTANTS ${MODEL_VALUES.join(', ')}`,
    ...(batch.defs ?? []),
    ...batch.exprs.map((e, i) => `E_${i} == ${e}`),
    '====',
  ].join('\n');
}

export function batchConfig(): string {
  return `CONSTANTS\n${MODEL_VALUES.map((m) => `  ${m} = ${m}`).join('\n')}\n`;
}

/** A library module's text under its renamed name, with the names of the modules it uses renamed too. */
function renamedText(module: string): string {
  const rename = (name: string): string =>
    TEXT_MODULES.includes(name) ? name + TEXT_SUFFIX : name;
  return libraryFile(module)!
    .text.replace(/(MODULE\s+)([A-Za-z0-9_]+)/, (_, kw: string, n: string) => kw + rename(n))
    .replace(/(INSTANCE\s+)([A-Za-z0-9_]+)/g, (_, kw: string, n: string) => kw + rename(n))
    .replace(
      /^(\s*EXTENDS\s+)([^\n\\]*)/m,
      (_, kw: string, list: string) => kw + list.replace(/[A-Za-z0-9_]+/g, (n) => rename(n)),
    );
}

/** Every text module reachable from `names`, renamed. */
function textFiles(): { name: string; text: string }[] {
  return TEXT_MODULES.map((m) => ({ name: `${m}${TEXT_SUFFIX}.tla`, text: renamedText(m) }));
}

const RANGE: Range = {
  module: 'Exprs',
  start: { line: 1, column: 1 },
  end: { line: 1, column: 1 },
};

/** Evaluates every expression of the batch, with the natives or from the modules' text. */
export async function evaluateBatch(batch: EvalBatch, natives = true): Promise<Outcome[]> {
  await ensureParser();
  const ext = natives
    ? batch.extends
    : batch.extends.map((m) => (TEXT_MODULES.includes(m) ? m + TEXT_SUFFIX : m));
  const text = batchModule('Exprs', batch, ext);
  const req = {
    files: [{ name: 'Exprs.tla', text }, ...(natives ? [] : textFiles())],
    mainModule: 'Exprs',
    cfg: batchConfig(),
  };
  const config = readConfig(req);
  const modules = loadModules(req);
  const output: string[] = [];
  const services = constantServices(output);
  const parts = buildModel(modules, config, services, 'Exprs');
  const out: Outcome[] = [];
  const debug = typeof process !== 'undefined' && process.env.SPECSTAGE_ORACLE_DEBUG;
  for (let i = 0; i < batch.exprs.length; i++) {
    const t0 = performance.now();
    try {
      const ev = parts.compiler.topLevel(
        { kind: 'Ident', name: `E_${i}`, range: RANGE },
        parts.root,
      );
      const v = ev({ s: [], n: null, f: null });
      // PrintT enumerates a set it has no name for ({x \in S : P} over an infinite S): it fails.
      if (printValue(v).includes('<infinite set>'))
        throw new Error(`${printValue(v)} cannot be enumerated to be printed`);
      out.push({ value: v, ms: performance.now() - t0 });
    } catch (e) {
      out.push({ error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 });
    }
    if (debug && performance.now() - t0 > 100)
      console.error(
        `${natives ? 'native' : 'text'} ${Math.round(performance.now() - t0)} ms: ${batch.exprs[i]}`,
      );
  }
  return out;
}

/** The batch's outcomes as text: each value as TLC prints it, or `error: ` and the message. */
export async function evaluateToText(batch: EvalBatch): Promise<string[]> {
  const out = await evaluateBatch(batch);
  return out.map((o) => ('value' in o ? printValue(o.value) : `error: ${o.error}`));
}

export function modelValue(name: string): Value {
  return ModelValue.of(name);
}
