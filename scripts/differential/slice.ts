/**
 * A fixed-seed slice of the differential harness with TLC's answers recorded
 * (tests/differential/slice.json), so that `npm test` runs the harness without Java: the first
 * expressions of one seed in the very modules TLC ran (strings interned in the same order), and
 * the first generated specs with TLC's verdict, figures and reachable graph.
 *
 *   npx tsx scripts/differential/record.ts slice     re-record it (after a change to the generators)
 *
 * `tests/differential/slice.test.ts` evaluates the same modules and checks the same specs with our
 * engine and judges them as the live harness does; an explained class (explained.ts) is counted
 * apart, anything else fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BatchRun, TlcOutcome } from './batch';
import { type ExprRecord, runExpressions } from './run-exprs';
import { type SpecOutcome, tlcOnSpec } from './run-specs';
import { generateSpec } from './spec-gen';

export const SLICE_FILE = fileURLToPath(
  new URL('../../tests/differential/slice.json', import.meta.url),
);

/** What the slice covers: change it here, then re-record. */
export const SLICE = { seed: 2, exprs: 240, communityEvery: 4, specs: 8 };

export interface SliceCase {
  id: number;
  expr: string;
  family: string;
  ty: string;
  community: boolean;
  tlc?: TlcOutcome;
  tlcMessage?: string;
}

export interface SliceSpec {
  name: string;
  family: string;
  tla: string;
  cfg: string;
  tlc: SpecOutcome;
  /** TLC's reachable graph (`-dump dot`) when it succeeded. */
  tlcDot?: string;
}

export interface SliceFile {
  seed: number;
  exprs: number;
  communityEvery: number;
  cases: SliceCase[];
  /** The modules TLC ran, with the ids each evaluated: ours evaluates the same texts. */
  runs: BatchRun[];
  specs: SliceSpec[];
}

export function readSlice(): SliceFile {
  return JSON.parse(readFileSync(SLICE_FILE, 'utf8')) as SliceFile;
}

/** A slice case as the explanations see a record (TLC's side only: ours is filled in by the test). */
export function sliceRecord(c: SliceCase): Omit<ExprRecord, 'judgement' | 'ours'> {
  return {
    id: c.id,
    expr: c.expr,
    family: c.family,
    ty: c.ty,
    community: c.community,
    tlc: c.tlc,
    ...(c.tlcMessage ? { tlcMessage: c.tlcMessage } : {}),
  };
}

/** Runs TLC on the slice's expressions and specs and writes the file. */
export async function recordSlice(workDir: string, log: (l: string) => void): Promise<SliceFile> {
  const ex = await runExpressions({
    seed: SLICE.seed,
    count: SLICE.exprs,
    communityEvery: SLICE.communityEvery,
    batchSize: SLICE.exprs,
    workDir,
    tlcTimeoutMs: 120_000,
    oursTimeoutMs: 30_000,
    log,
    fetchMessages: true,
  });
  const specs: SliceSpec[] = [];
  for (let i = 0; i < SLICE.specs; i++) {
    const g = generateSpec(SLICE.seed, i);
    const { tlc, tlcDot } = await tlcOnSpec(g, {
      workDir: `${workDir}/specs`,
      tlcTimeoutMs: 120_000,
    });
    specs.push({
      name: g.name,
      family: g.family,
      tla: g.tla,
      cfg: g.cfg,
      tlc,
      ...(tlcDot ? { tlcDot } : {}),
    });
    log(`spec ${g.name}: ${tlc.result}, ${tlc.distinctStates} states`);
  }
  const slice: SliceFile = {
    seed: SLICE.seed,
    exprs: SLICE.exprs,
    communityEvery: SLICE.communityEvery,
    cases: ex.records.map((r) => ({
      id: r.id,
      expr: r.expr,
      family: r.family,
      ty: r.ty,
      community: r.community,
      tlc: r.tlc,
      ...(r.tlcMessage ? { tlcMessage: r.tlcMessage } : {}),
    })),
    runs: ex.runs,
    specs,
  };
  writeFileSync(SLICE_FILE, JSON.stringify(slice, null, 1) + '\n');
  return slice;
}
