/**
 * Evaluates a few expressions with TLC and with our engine and prints both, side by side:
 *
 *   npx tsx scripts/differential/probe.ts '{1, "a"}' 'Head(<<>>)'
 *   npx tsx scripts/differential/probe.ts --file exprs.txt [--community]
 *
 * For looking into a disagreement the harness reported.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchModule, type ExprCase, tlcBatch, tlcErrorMessage } from './batch';
import { runOursBatch } from './child';
import { judge } from './compare';
import { COMMUNITY_EXTENDS, libraryFiles, MODEL_VALUES, STANDARD_EXTENDS } from './libs';

async function main(argv: string[]): Promise<void> {
  const exprs: string[] = [];
  let community = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--file')
      exprs.push(
        ...readFileSync(argv[++i], 'utf8')
          .split('\n')
          .filter((l) => l.trim() && !l.startsWith('#')),
      );
    else if (argv[i] === '--community') community = true;
    else exprs.push(argv[i]);
  }
  const cases: ExprCase[] = exprs.map((expr, i) => ({ id: i + 1, expr, family: 'probe' }));
  const layout = {
    extends: [...STANDARD_EXTENDS, ...(community ? COMMUNITY_EXTENDS : [])],
    modelValues: MODEL_VALUES,
  };
  const dir = mkdtempSync(join(tmpdir(), 'specstage-probe-'));
  try {
    const tlc = await tlcBatch('Probe', layout, cases, dir, { timeoutMs: 60_000 });
    const ours = new Map<
      number,
      Awaited<ReturnType<typeof runOursBatch>> extends Map<number, infer O> ? O : never
    >();
    for (const run of tlc.runs) {
      const r = await runOursBatch(run.module, run.cfg, libraryFiles(), run.ids, 30_000);
      for (const [id, o] of r) ours.set(id, o);
    }
    // Expressions TLC refused alone: our front end on the same module alone.
    for (const c of cases) {
      if (tlc.outcomes.get(c.id)?.kind !== 'rejected') continue;
      const { module, cfg } = batchModule(`Probe_r${c.id}`, layout, [c]);
      const r = await runOursBatch(module, cfg, libraryFiles(), [c.id], 30_000);
      const got = r.get(c.id);
      if (got) ours.set(c.id, got);
    }
    for (const c of cases) {
      const t = tlc.outcomes.get(c.id);
      const o = ours.get(c.id);
      const j = judge(t, o);
      const tlcText =
        t?.kind === 'value'
          ? t.text
          : t?.kind === 'error'
            ? `error${t.message ? ': ' + t.message : ''}`
            : t?.kind;
      const ourText =
        o?.kind === 'value'
          ? o.printed
          : o?.kind === 'error' || o?.kind === 'rejected'
            ? `${o.kind}: ${o.message}`
            : o?.kind;
      console.log(`${c.id}. ${c.expr}`);
      console.log(`   TLC:  ${tlcText?.replace(/\n/g, ' ')}`);
      if (t?.kind === 'error' && !t.message && 'agree' in j && !j.agree)
        console.log(
          `         (${(await tlcErrorMessage(layout, c, dir, 60_000))?.replace(/\n/g, ' ') ?? 'no message'})`,
        );
      console.log(`   ours: ${ourText?.replace(/\n/g, ' ')}`);
      console.log(
        `   ${'agree' in j ? (j.agree ? `agree (${j.how})` : `DISAGREE ${j.cls}: ${j.detail}`) : `skipped: ${j.why}`}`,
      );
    }
    console.log(`(${tlc.tlcRuns} TLC runs, ${tlc.tlcMs} ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
