/**
 * The expression half of the harness: generate, evaluate with TLC in batches and with our engine on
 * the same module texts, judge each expression.
 */
import { join } from 'node:path';
import {
  type BatchLayout,
  batchModule,
  type BatchRun,
  type ExprCase,
  type TlcOutcome,
  tlcBatch,
  tlcErrorMessage,
} from './batch';
import { type OurOutcome, runOursBatch } from './child';
import { type Judgement, judge } from './compare';
import { DEFAULT_GEN, generateExpr } from './generate';
import { COMMUNITY_EXTENDS, libraryFiles, MODEL_VALUES, STANDARD_EXTENDS } from './libs';

export interface ExprRecord {
  id: number;
  expr: string;
  family: string;
  ty: string;
  community: boolean;
  tlc?: TlcOutcome;
  ours?: OurOutcome;
  judgement: Judgement;
  /** TLC's message when it fails and we do not (fetched for disagreements only). */
  tlcMessage?: string;
}

export interface ExprRunOptions {
  seed: number;
  count: number;
  /** Every n-th expression uses the community modules (0: none). */
  communityEvery: number;
  batchSize: number;
  workDir: string;
  tlcTimeoutMs: number;
  oursTimeoutMs: number;
  log: (line: string) => void;
  /** Fetch TLC's message for each expression TLC fails on and we do not (one TLC run each). */
  fetchMessages: boolean;
}

export function layoutFor(community: boolean): BatchLayout {
  return {
    extends: community ? [...STANDARD_EXTENDS, ...COMMUNITY_EXTENDS] : STANDARD_EXTENDS,
    modelValues: MODEL_VALUES,
  };
}

/** The expressions of a run: ids from 1, generated from (seed, id). */
export function generateCases(
  seed: number,
  count: number,
  communityEvery: number,
): (ExprCase & { ty: string; community: boolean; isolate: boolean })[] {
  const out: (ExprCase & { ty: string; community: boolean; isolate: boolean })[] = [];
  for (let i = 0; i < count; i++) {
    const community = communityEvery > 0 && i % communityEvery === communityEvery - 1;
    const g = generateExpr(seed, i, { ...DEFAULT_GEN, community });
    out.push({
      id: i + 1,
      expr: g.expr,
      family: g.family,
      ty: g.ty,
      community,
      isolate: !!g.isolate,
    });
  }
  return out;
}

export interface ExprRunResult {
  records: ExprRecord[];
  /** Every module our engine evaluated (TLC's completed runs, and refused expressions alone). */
  runs: BatchRun[];
  tlcRuns: number;
  tlcMs: number;
  oursMs: number;
}

export async function runExpressions(o: ExprRunOptions): Promise<ExprRunResult> {
  const cases = generateCases(o.seed, o.count, o.communityEvery);
  const groups: { name: string; community: boolean; cases: typeof cases }[] = [];
  for (const community of [false, true]) {
    const mine = cases.filter((c) => c.community === community && !c.isolate);
    for (let i = 0; i < mine.length; i += o.batchSize) {
      groups.push({
        name: `${community ? 'C' : 'S'}${o.seed}_${i / o.batchSize}`,
        community,
        cases: mine.slice(i, i + o.batchSize),
      });
    }
    for (const c of cases.filter((x) => x.community === community && x.isolate))
      groups.push({ name: `I${o.seed}_${c.id}`, community, cases: [c] });
  }
  const tlcOut = new Map<number, TlcOutcome>();
  const ourOut = new Map<number, OurOutcome>();
  const oursRuns: BatchRun[] = [];
  let tlcRuns = 0;
  let tlcMs = 0;
  let oursMs = 0;
  const libs = libraryFiles();
  for (const g of groups) {
    const layout = layoutFor(g.community);
    const t = await tlcBatch(g.name, layout, g.cases, join(o.workDir, 'tlc'), {
      timeoutMs: o.tlcTimeoutMs,
      log: o.log,
    });
    tlcRuns += t.tlcRuns;
    tlcMs += t.tlcMs;
    for (const [id, out] of t.outcomes) tlcOut.set(id, out);
    const started = Date.now();
    for (const run of t.runs) {
      if (!run.ids.length) continue;
      oursRuns.push(run);
      const r = await runOursBatch(run.module, run.cfg, libs, run.ids, o.oursTimeoutMs);
      for (const [id, out] of r) if (run.ids.includes(id)) ourOut.set(id, out);
    }
    // Expressions TLC refused alone: our front end on the same module alone.
    for (const c of g.cases) {
      const t1 = tlcOut.get(c.id);
      if (t1?.kind !== 'rejected' || ourOut.has(c.id)) continue;
      const { module, cfg } = batchModule(`${g.name}_r${c.id}`, layout, [c]);
      oursRuns.push({ module, cfg, ids: [c.id] });
      const r = await runOursBatch(module, cfg, libs, [c.id], o.oursTimeoutMs);
      const got = r.get(c.id);
      if (got) ourOut.set(c.id, got);
    }
    oursMs += Date.now() - started;
    // The batch's disagreements by class, as they come (the report is written at the end).
    const classes = new Map<string, number>();
    for (const c of g.cases) {
      const j = judge(tlcOut.get(c.id), ourOut.get(c.id));
      if ('agree' in j && !j.agree) classes.set(j.cls, (classes.get(j.cls) ?? 0) + 1);
    }
    const differ = [...classes].map(([k, n]) => `${k} ${n}`).join(', ');
    o.log(
      `${g.name}: ${g.cases.length} expressions, ${t.tlcRuns} TLC runs (${(t.tlcMs / 1000).toFixed(1)} s), ours ${((Date.now() - started) / 1000).toFixed(1)} s${differ ? `; differ: ${differ}` : ''}`,
    );
  }
  const records: ExprRecord[] = [];
  for (const c of cases) {
    const tlc = tlcOut.get(c.id);
    const ours = ourOut.get(c.id);
    const rec: ExprRecord = {
      id: c.id,
      expr: c.expr,
      family: c.family,
      ty: c.ty,
      community: c.community,
      tlc,
      ours,
      judgement: judge(tlc, ours),
    };
    if (
      o.fetchMessages &&
      'agree' in rec.judgement &&
      !rec.judgement.agree &&
      tlc?.kind === 'error' &&
      ours?.kind === 'value' &&
      !tlc.message
    ) {
      rec.tlcMessage = await tlcErrorMessage(
        layoutFor(c.community),
        c,
        join(o.workDir, 'msg'),
        o.tlcTimeoutMs,
      );
    }
    records.push(rec);
  }
  return { records, runs: oursRuns, tlcRuns, tlcMs, oursMs };
}
