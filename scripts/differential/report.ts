/**
 * The harness's summary: how many expressions agreed (as values, as errors), how many were skipped
 * and why, the disagreements by class, with those that an entry of explained.ts accounts for set
 * apart, and a few examples of each class.
 */
import type { ExprRecord } from './run-exprs';
import { explain, explainSpec } from './explained';
import type { SpecRecord } from './run-specs';

export interface SummaryData {
  seed: number;
  expressions: number;
  agreeValue: number;
  agreeError: number;
  agreeRejected: number;
  skipped: number;
  disagreements: Record<string, number>;
  explained: Record<string, number>;
  unexplained: number;
  families: Record<string, { n: number; errors: number; disagree: number }>;
  tlcRuns: number;
  tlcSeconds: number;
  oursSeconds: number;
  wallSeconds: number;
}

export function summarize(
  records: ExprRecord[],
  figures: { tlcRuns: number; tlcMs: number; oursMs: number; wallMs: number; seed: number },
): { text: string; data: SummaryData } {
  const data: SummaryData = {
    seed: figures.seed,
    expressions: records.length,
    agreeValue: 0,
    agreeError: 0,
    agreeRejected: 0,
    skipped: 0,
    disagreements: {},
    explained: {},
    unexplained: 0,
    families: {},
    tlcRuns: figures.tlcRuns,
    tlcSeconds: Math.round(figures.tlcMs / 100) / 10,
    oursSeconds: Math.round(figures.oursMs / 100) / 10,
    wallSeconds: Math.round(figures.wallMs / 100) / 10,
  };
  const examples = new Map<string, ExprRecord[]>();
  const skipped = new Map<string, number>();
  for (const r of records) {
    const fam = (data.families[r.family] ??= { n: 0, errors: 0, disagree: 0 });
    fam.n++;
    if (r.tlc?.kind === 'error') fam.errors++;
    const j = r.judgement;
    if ('skipped' in j) {
      data.skipped++;
      skipped.set(j.why, (skipped.get(j.why) ?? 0) + 1);
      continue;
    }
    if (j.agree) {
      if (j.how === 'value') data.agreeValue++;
      else if (j.how === 'error') data.agreeError++;
      else data.agreeRejected++;
      continue;
    }
    fam.disagree++;
    const why = explain(r);
    if (why) {
      const key = `${j.cls}: ${why}`;
      data.explained[key] = (data.explained[key] ?? 0) + 1;
      continue;
    }
    data.unexplained++;
    data.disagreements[j.cls] = (data.disagreements[j.cls] ?? 0) + 1;
    const list = examples.get(j.cls) ?? [];
    list.push(r);
    examples.set(j.cls, list);
  }
  const lines: string[] = [];
  lines.push(`Differential run, seed ${data.seed}: ${data.expressions} expressions`);
  lines.push(
    `  agree: ${data.agreeValue} values, ${data.agreeError} errors, ${data.agreeRejected} refused by both`,
  );
  if (data.skipped)
    lines.push(
      `  skipped: ${data.skipped} (${[...skipped].map(([w, n]) => `${w}: ${n}`).join('; ')})`,
    );
  for (const [k, n] of Object.entries(data.explained)) lines.push(`  explained: ${n} × ${k}`);
  lines.push(
    `  unexplained disagreements: ${data.unexplained}${
      data.unexplained
        ? ` (${Object.entries(data.disagreements)
            .map(([c, n]) => `${c}: ${n}`)
            .join(', ')})`
        : ''
    }`,
  );
  for (const [cls, list] of examples) {
    lines.push(`  --- ${cls} (${list.length})`);
    for (const r of list.slice(0, 8)) {
      const j = r.judgement as { detail: string };
      lines.push(`  #${r.id} [${r.family}${r.community ? ', community' : ''}] ${r.expr}`);
      lines.push(
        `      ${j.detail}${r.tlcMessage ? ` | TLC: ${r.tlcMessage.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`,
      );
    }
  }
  lines.push(
    `  TLC: ${data.tlcRuns} runs, ${data.tlcSeconds} s; ours: ${data.oursSeconds} s; wall ${data.wallSeconds} s`,
  );
  return { text: lines.join('\n'), data };
}

export interface SpecSummaryData {
  specs: number;
  agree: Record<string, number>;
  skipped: number;
  disagreements: Record<string, number>;
  explained: Record<string, number>;
  unexplained: number;
  seconds: number;
}

export function summarizeSpecs(
  records: SpecRecord[],
  ms: number,
): { text: string; data: SpecSummaryData } {
  const data: SpecSummaryData = {
    specs: records.length,
    agree: {},
    skipped: 0,
    disagreements: {},
    explained: {},
    unexplained: 0,
    seconds: Math.round(ms / 100) / 10,
  };
  const lines: string[] = [];
  const bad: string[] = [];
  for (const r of records) {
    const j = r.judgement;
    if ('skipped' in j) {
      data.skipped++;
      continue;
    }
    if (j.agree) {
      data.agree[r.tlc.result] = (data.agree[r.tlc.result] ?? 0) + 1;
      continue;
    }
    const why = explainSpec(r);
    if (why) {
      const key = `${j.cls}: ${why}`;
      data.explained[key] = (data.explained[key] ?? 0) + 1;
      continue;
    }
    data.unexplained++;
    data.disagreements[j.cls] = (data.disagreements[j.cls] ?? 0) + 1;
    bad.push(`  ${r.name} [${r.family}] ${j.cls}: ${j.detail}`);
  }
  lines.push(`Generated specs: ${data.specs}`);
  lines.push(
    `  agree: ${
      Object.entries(data.agree)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'none'
    }`,
  );
  if (data.skipped) lines.push(`  skipped (TLC passed the time limit): ${data.skipped}`);
  for (const [k, n] of Object.entries(data.explained)) lines.push(`  explained: ${n} × ${k}`);
  lines.push(`  unexplained disagreements: ${data.unexplained}`);
  lines.push(...bad.slice(0, 30));
  lines.push(`  ${data.seconds} s`);
  return { text: lines.join('\n'), data };
}
