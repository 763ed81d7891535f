/**
 * A seeded fuzzer of what users hand to specstage: specs, model configs, share links and trace
 * files, each a mutation of a real one (the gallery's examples, their counterexamples). Every
 * input goes through the entry point the CLI and the app use, and the answer is judged:
 *
 * - no internal error: an exception the engine did not mean (the checker's `internal` kind, or a
 *   TypeError/RangeError out of a reader);
 * - the exit code is the error kind's (cli/exit-codes.ts), never guessed;
 * - every range (the error's, each diagnostic's) lies inside the file it names.
 *
 * `npm run fuzz` runs 20,000 inputs (scripts/fuzz/main.ts); tests/fuzz/fuzz.test.ts a fixed slice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkModel } from '../../src/check/check';
import type { CheckRequest, CheckResult, ErrorKind, Trace } from '../../src/check/contract/types';
import { EXIT, exitCodeFor } from '../../src/cli/exit-codes';
import { traceToItf } from '../../src/formats/itf';
import { decodeShareLink, encodeShareLink, type ShareLink } from '../../src/formats/share-link';
import { readTraceFile } from '../../src/formats/trace-file';
import { printTlcTrace } from '../../src/formats/tlc-trace';
import type { Range } from '../../src/tla/ast/ast';

export type Target = 'spec' | 'config' | 'share-link' | 'trace-file';
export const TARGETS: readonly Target[] = ['spec', 'config', 'share-link', 'trace-file'];

export interface Finding {
  target: Target;
  seed: number;
  problem: string;
  input: string;
}

export interface Tally {
  inputs: number;
  perTarget: Record<Target, number>;
  /** Checks stopped at the time limit: long searches, not problems. */
  timedOut: number;
  /** Exit codes of the spec and config inputs, by code. */
  exitCodes: Record<number, number>;
  findings: Finding[];
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fragments that reach the corners: keywords, operators, big numbers, broken delimiters. */
const TOKENS = [
  "'",
  'UNCHANGED ',
  ' /\\ ',
  ' \\/ ',
  ' == ',
  ' = ',
  '9007199254740993',
  '2147483648',
  '-1',
  '0',
  '{',
  '}',
  '<<',
  '>>',
  '[',
  ']',
  '(',
  ')',
  ' \\in ',
  'CHOOSE x \\in {} : TRUE',
  'LET a == 1 IN ',
  'IF TRUE THEN 1 ELSE ',
  'ENABLED ',
  '[]',
  '<>',
  '~>',
  'WF_x(Next)',
  '====',
  '----',
  '(*',
  '*)',
  '\\*',
  '"',
  '\n',
  '\n\n====\n',
  'INIT ',
  'NEXT ',
  'SPECIFICATION ',
  'INVARIANT ',
  'PROPERTY ',
  'CONSTANT ',
  'CONSTANTS N = 3 ',
  ' <- ',
  'SYMMETRY ',
  'CHECK_DEADLOCK FALSE',
  'Next',
  'Init',
  'Spec',
  'TypeOK',
  'x',
  'EXTENDS Naturals, Sequences, FiniteSets, TLC',
  'INSTANCE ',
  'RECURSIVE f(_)',
  '@',
  ':>',
  '@@',
  '\\X',
  'SUBSET ',
  'UNION ',
  'DOMAIN ',
  '..',
  '\u00e9',
  '\t',
  '\r\n',
];

/** One mutation of `text`; a few are applied per input. */
function mutate(text: string, rnd: () => number): string {
  const at = () => Math.floor(rnd() * (text.length + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  switch (Math.floor(rnd() * 8)) {
    case 0: {
      // delete a span
      const i = at();
      return text.slice(0, i) + text.slice(Math.min(text.length, i + 1 + Math.floor(rnd() * 40)));
    }
    case 1: {
      // duplicate a span
      const i = at();
      const j = Math.min(text.length, i + Math.floor(rnd() * 60));
      return text.slice(0, j) + text.slice(i, j) + text.slice(j);
    }
    case 2:
    case 3: {
      const i = at();
      return text.slice(0, i) + pick(TOKENS) + text.slice(i);
    }
    case 4: {
      // swap two lines
      const lines = text.split('\n');
      const a = Math.floor(rnd() * lines.length);
      const b = Math.floor(rnd() * lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 5:
      return text.slice(0, at());
    case 6: {
      // replace a word by another word of the text
      const words = text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? ['x'];
      const from = pick(words);
      const to = pick(words);
      return text.replace(from, to);
    }
    default: {
      // replace a number by a corner value
      return text.replace(/\b\d+\b/, pick(['0', '-1', '2147483647', '9007199254740993', '1000']));
    }
  }
}

export interface Seeds {
  models: { name: string; tla: string; cfg: string }[];
  links: string[];
  traces: string[];
}

/** The gallery's examples, and for the first few their counterexample as a link and as files. */
export async function loadSeeds(examplesDir: string): Promise<Seeds> {
  const models = readdirSync(examplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const files = readdirSync(join(examplesDir, d.name));
      const tla = files.find((f) => f === `${d.name}.tla`);
      const cfg = files.find((f) => f === `${d.name}.cfg`);
      if (!tla || !cfg) return undefined;
      return {
        name: d.name,
        tla: readFileSync(join(examplesDir, d.name, tla), 'utf8'),
        cfg: readFileSync(join(examplesDir, d.name, cfg), 'utf8'),
      };
    })
    .filter((m) => m !== undefined);
  const links: string[] = [];
  const traces: string[] = [];
  for (const m of models.slice(0, 4)) {
    const result = await checkModel(request(m.name, m.tla, m.cfg), stopAfter(5_000));
    const trace: Trace | undefined = result.trace ?? result.error?.trace;
    const link: ShareLink = {
      version: 1,
      modules: [{ name: `${m.name}.tla`, text: m.tla }],
      mainModule: m.name,
      cfg: { name: `${m.name}.cfg`, text: m.cfg },
      ...(trace ? { trace: traceToItf(trace), step: trace.states.length - 1 } : {}),
      verdict: { result: result.result, distinctStates: result.distinctStates },
    };
    links.push(await encodeShareLink(link));
    if (trace) {
      traces.push(JSON.stringify(traceToItf(trace), null, 2));
      traces.push(printTlcTrace(trace));
    }
  }
  return { models, links, traces };
}

function request(name: string, tla: string, cfg: string): CheckRequest {
  return {
    files: [{ name: `${name}.tla`, text: tla }],
    mainModule: name,
    cfg,
    cfgName: `${name}.cfg`,
    options: { checkDeadlock: true },
  };
}

function stopAfter(ms: number) {
  const until = Date.now() + ms;
  return { shouldStop: () => Date.now() > until };
}

const KIND_EXIT: Record<ErrorKind, number> = {
  spec: EXIT.specError,
  config: EXIT.cfgError,
  eval: EXIT.evalError,
  internal: EXIT.internalError,
};

/** Where a range may point: the lines of each file, by module name (the .cfg by its file name). */
function outside(range: Range, files: Map<string, string>): string | undefined {
  const text = files.get(range.module);
  if (text === undefined) return undefined; // a library module: not the user's file
  const lines = text.split('\n');
  const ok = (p: { line: number; column: number }) =>
    p.line >= 1 &&
    p.column >= 1 &&
    p.line <= lines.length &&
    p.column <= lines[p.line - 1].length + 1;
  if (!ok(range.start) || !ok(range.end))
    return `range ${range.module}:${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column} outside the file (${lines.length} lines)`;
  return undefined;
}

function judgeCheck(result: CheckResult, files: Map<string, string>): string[] {
  const problems: string[] = [];
  const code = exitCodeFor(result, '');
  const e = result.error;
  if (result.result === 'error') {
    if (!e) problems.push('an error result with no error');
    else if (!e.kind) problems.push(`an error without a kind: ${e.message}`);
    else if (e.kind === 'internal') problems.push(`internal error: ${e.message}`);
    else if (code !== KIND_EXIT[e.kind]) problems.push(`exit ${code} for kind ${e.kind}`);
  }
  for (const r of [e?.range, ...(e?.diagnostics ?? []).map((d) => d.range)]) {
    const bad = r && outside(r, files);
    if (bad) problems.push(bad);
  }
  return problems;
}

/** An exception a reader did not mean to throw: a bug, not a refusal. */
function unmeant(e: unknown): boolean {
  return e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError;
}

/**
 * Runs `count` inputs from `seed`, round-robin over the targets. `checkMs` bounds each check (a
 * mutation that still parses may have a large state space).
 */
export async function fuzz(
  seeds: Seeds,
  seed: number,
  count: number,
  checkMs = 150,
  onProgress?: (t: Tally) => void,
): Promise<Tally> {
  const tally: Tally = {
    inputs: 0,
    perTarget: { spec: 0, config: 0, 'share-link': 0, 'trace-file': 0 },
    timedOut: 0,
    exitCodes: {},
    findings: [],
  };
  for (let i = 0; i < count; i++) {
    const inputSeed = (seed * 1_000_003 + i) >>> 0;
    const rnd = random(inputSeed);
    const target = TARGETS[i % TARGETS.length];
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const mutations = 1 + Math.floor(rnd() * 3);
    const many = (text: string) => {
      for (let k = 0; k < mutations; k++) text = mutate(text, rnd);
      return text;
    };
    let input: string;
    let problems: string[] = [];
    if (target === 'spec' || target === 'config') {
      const m = pick(seeds.models);
      const tla = target === 'spec' ? many(m.tla) : m.tla;
      const cfg = target === 'config' ? many(m.cfg) : m.cfg;
      input = target === 'spec' ? tla : cfg;
      const files = new Map([
        [m.name, tla],
        [`${m.name}.cfg`, cfg],
      ]);
      const result = await checkModel(request(m.name, tla, cfg), stopAfter(checkMs));
      if (result.stopped === 'cancelled') tally.timedOut++;
      const code = exitCodeFor(result, `${m.name}.cfg`);
      tally.exitCodes[code] = (tally.exitCodes[code] ?? 0) + 1;
      problems = judgeCheck(result, files);
    } else if (target === 'share-link') {
      input = many(pick(seeds.links));
      try {
        await decodeShareLink(input);
      } catch (e) {
        problems.push(`decodeShareLink threw: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      input = many(pick(seeds.traces));
      try {
        readTraceFile(input);
      } catch (e) {
        if (unmeant(e))
          problems.push(`readTraceFile: ${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    tally.inputs++;
    tally.perTarget[target]++;
    for (const problem of problems)
      tally.findings.push({ target, seed: inputSeed, problem, input });
    if (onProgress && i % 500 === 499) onProgress(tally);
  }
  return tally;
}
