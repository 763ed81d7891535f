/**
 * The spec half of the harness: each spec checked by TLC (`-dump dot`, one worker) and by
 * `bin/specstage check --json --dump-dot` in a child process, and judged as the conformance suite
 * judges models, plus the reachable graph when both succeed:
 * - same verdict (TLC finds a violation and we say success: `MISSED VIOLATION`, the worst);
 * - success: same distinct states and depth, and the same reachable graph (states as values,
 *   initial states, edges);
 * - safety violation or deadlock: a counterexample of the same length (BFS makes both shortest);
 * - evaluation errors: both fail.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '../../src/check/contract/types';
import { readTlcDot } from '../../src/formats/dot';
import { parseTlcTrace } from '../../src/formats/tlc-trace';
import { compareGraphs, describeGraphComparison } from '../conformance/compare';
import { runCheckChild } from '../conformance/run-child';
import { type GeneratedSpec, generateSpec } from './spec-gen';
import { errorBlock, runTlc } from './tlc';

export interface SpecOutcome {
  result: Verdict | 'timeout';
  distinctStates?: number;
  generatedStates?: number;
  depth?: number;
  traceLength?: number;
  violated?: string;
  message?: string;
}

export type SpecJudgement =
  | { agree: true; how: string }
  | {
      agree: false;
      cls: 'MISSED VIOLATION' | 'verdict' | 'counts' | 'graph' | 'trace' | 'we-timeout';
      detail: string;
    }
  | { skipped: true; why: string };

export interface SpecRecord {
  name: string;
  family: string;
  tlc: SpecOutcome;
  ours: SpecOutcome;
  judgement: SpecJudgement;
}

/** TLC's verdict and figures from its output. */
export function parseTlcResult(out: string): SpecOutcome {
  // The last figures: TLC prints progress lines with the same words before its final ones.
  const num = (re: RegExp): number | undefined => {
    const all = [...out.matchAll(new RegExp(re.source, 'g'))];
    return all.length ? Number(all[all.length - 1][1].replace(/,/g, '')) : undefined;
  };
  const figures = {
    generatedStates: num(/([\d,]+) states generated/),
    distinctStates: num(/([\d,]+) distinct states found/),
    depth: num(/The depth of the complete state graph search is (\d+)/),
  };
  const trace = parseTlcTrace(out);
  // A violation in an initial state is printed without `State 1:`.
  const traceLength =
    trace?.states.length ?? (/violated by the initial state/.test(out) ? 1 : undefined);
  if (/^Model checking completed\. No error has been found\./m.test(out))
    return { result: 'success', ...figures };
  const m = /^Error: Invariant (\S+) is violated/m.exec(out);
  if (m) return { result: 'safety failure', violated: m[1], traceLength, ...figures };
  // An action property is named by TLC by its position when it has no name of its own.
  if (/^Error: Action property .* is violated/m.test(out))
    return { result: 'safety failure', traceLength, ...figures };
  if (/^Error: Deadlock reached\./m.test(out))
    return { result: 'deadlock failure', traceLength, ...figures };
  if (/^Error: Temporal properties were violated\./m.test(out))
    return { result: 'liveness failure', traceLength, ...figures };
  if (/^Error: Assumption .* is false\./m.test(out))
    return { result: 'assumption failure', ...figures };
  const err = errorBlock(out) ?? /\*\*\* Errors:[\s\S]*?(?=\n\n\n|$)/.exec(out)?.[0];
  return {
    result: 'error',
    message: err ? err.slice(0, 1500) : out.trim().split('\n').slice(-8).join('\n'),
    ...figures,
  };
}

const isViolation = (v: string): boolean => v !== 'success' && v !== 'error' && v !== 'timeout';

export function judgeSpec(
  tlc: SpecOutcome,
  ours: SpecOutcome,
  graphs?: { tlcDot: string; ourDot: string },
): SpecJudgement {
  if (tlc.result === 'timeout') return { skipped: true, why: 'TLC passed the time limit' };
  if (ours.result === 'timeout')
    return {
      agree: false,
      cls: 'we-timeout',
      detail: `TLC: ${tlc.result} (${tlc.distinctStates} states)`,
    };
  if (tlc.result !== ours.result) {
    const detail = `TLC: ${tlc.result}${tlc.violated ? ` (${tlc.violated})` : ''}${tlc.message ? `: ${tlc.message.slice(0, 300)}` : ''}; ours: ${ours.result}${ours.violated ? ` (${ours.violated})` : ''}${ours.message ? `: ${ours.message.slice(0, 300)}` : ''}`;
    if (isViolation(tlc.result) && ours.result === 'success')
      return { agree: false, cls: 'MISSED VIOLATION', detail };
    return { agree: false, cls: 'verdict', detail };
  }
  // TLC's figures at a verdict other than an error (an error's figures are TLC's at the moment
  // it stopped, which the conformance suite does not ask for either): the states it generated
  // (each successor enumerated, duplicates and incomplete ones included) and distinct ones.
  if (tlc.result !== 'error' && tlc.result !== 'assumption failure') {
    const differs = (a: number | undefined, b: number | undefined): boolean =>
      a !== undefined && b !== undefined && a !== b;
    if (
      differs(tlc.generatedStates, ours.generatedStates) ||
      differs(tlc.distinctStates, ours.distinctStates)
    ) {
      return {
        agree: false,
        cls: 'counts',
        detail: `TLC ${tlc.generatedStates} generated, ${tlc.distinctStates} distinct; ours ${ours.generatedStates} generated, ${ours.distinctStates} distinct`,
      };
    }
  }
  switch (tlc.result) {
    case 'error':
      return { agree: true, how: 'error' };
    case 'success': {
      if (tlc.distinctStates !== ours.distinctStates || tlc.depth !== ours.depth) {
        return {
          agree: false,
          cls: 'counts',
          detail: `TLC ${tlc.distinctStates} states, depth ${tlc.depth}; ours ${ours.distinctStates}, depth ${ours.depth}`,
        };
      }
      if (graphs) {
        const c = compareGraphs(readTlcDot(graphs.tlcDot), readTlcDot(graphs.ourDot));
        if (!c.match) return { agree: false, cls: 'graph', detail: describeGraphComparison(c) };
        return { agree: true, how: `success, ${tlc.distinctStates} states, same graph` };
      }
      return { agree: true, how: `success, ${tlc.distinctStates} states` };
    }
    case 'safety failure':
    case 'deadlock failure':
      if (tlc.traceLength !== ours.traceLength) {
        return {
          agree: false,
          cls: 'trace',
          detail: `counterexample of ${ours.traceLength} states, TLC ${tlc.traceLength}`,
        };
      }
      return { agree: true, how: `${tlc.result}, ${tlc.traceLength} states` };
    default:
      return { agree: true, how: tlc.result };
  }
}

export interface SpecRunOptions {
  workDir: string;
  tlcTimeoutMs: number;
  oursTimeoutMs: number;
  log: (line: string) => void;
  /** Our checker's workers (`--workers`; default one). */
  workers?: number;
}

/** TLC on one spec (`-dump dot`, one worker), in `workDir/<name>`: its outcome and its graph. */
export async function tlcOnSpec(
  spec: GeneratedSpec,
  o: Pick<SpecRunOptions, 'workDir' | 'tlcTimeoutMs'>,
): Promise<{ tlc: SpecOutcome; tlcDot?: string }> {
  const dir = join(o.workDir, spec.name);
  mkdirSync(dir, { recursive: true });
  const tla = `${spec.name}.tla`;
  const cfg = `${spec.name}.cfg`;
  writeFileSync(join(dir, tla), spec.tla);
  writeFileSync(join(dir, cfg), spec.cfg);
  const t = await runTlc(
    dir,
    [
      { name: tla, text: spec.tla },
      { name: cfg, text: spec.cfg },
    ],
    {
      timeoutMs: o.tlcTimeoutMs,
      extraArgs: ['-dump', 'dot', 'tlc.dot'],
    },
  );
  const tlc: SpecOutcome = t.timedOut ? { result: 'timeout' } : parseTlcResult(t.stdout);
  const tlcDot = join(dir, 'tlc.dot');
  return {
    tlc,
    ...(tlc.result === 'success' && existsSync(tlcDot)
      ? { tlcDot: readFileSync(tlcDot, 'utf8') }
      : {}),
  };
}

/** Checks one spec (files already chosen) with both checkers and judges it. */
export async function runSpec(spec: GeneratedSpec, o: SpecRunOptions): Promise<SpecRecord> {
  const dir = join(o.workDir, spec.name);
  const tla = `${spec.name}.tla`;
  const cfg = `${spec.name}.cfg`;
  const { tlc, tlcDot } = await tlcOnSpec(spec, o);
  const workers = o.workers && o.workers > 1 ? ['--workers', String(o.workers)] : [];
  const child = await runCheckChild([tla, '--config', cfg, '--dump-dot', 'ours.dot', ...workers], {
    cwd: dir,
    timeoutMs: o.oursTimeoutMs,
    memoryMb: 4096,
  });
  const j = child.json;
  const ours: SpecOutcome = child.timedOut
    ? { result: 'timeout' }
    : j
      ? {
          result: (j.result ?? 'error') as Verdict,
          distinctStates: j.distinctStates,
          generatedStates: j.generatedStates,
          depth: j.depth,
          traceLength: j.trace?.states.length,
          violated: j.violated,
          message: j.error?.message,
        }
      : {
          result: 'error',
          message: `no result: exit ${child.exitCode}; ${child.stderrTail.slice(-500)}`,
        };
  const ourDot = join(dir, 'ours.dot');
  const graphs =
    tlcDot !== undefined && existsSync(ourDot)
      ? { tlcDot, ourDot: readFileSync(ourDot, 'utf8') }
      : undefined;
  return {
    name: spec.name,
    family: spec.family,
    tlc,
    ours,
    judgement: judgeSpec(tlc, ours, graphs),
  };
}

export async function runSpecs(
  seed: number,
  count: number,
  o: SpecRunOptions,
): Promise<{ records: SpecRecord[]; ms: number }> {
  const started = Date.now();
  const records: SpecRecord[] = [];
  for (let i = 0; i < count; i++) {
    const rec = await runSpec(generateSpec(seed, i), o);
    records.push(rec);
    const j = rec.judgement;
    if ('agree' in j && !j.agree) o.log(`spec ${rec.name} [${rec.family}]: ${j.cls}: ${j.detail}`);
  }
  return { records, ms: Date.now() - started };
}
