/**
 * Our engine on one batch module in a child process of its own: a fresh process orders strings as
 * a fresh TLC does (by first appearance), and an expression that does not terminate costs a time
 * limit instead of the run. The parent writes a `ChildJob` as JSON on stdin; the child writes one
 * JSON line per expression (`{id, outcome}`) as soon as it has it, then `{end: …}`.
 *
 * `runOursBatch` is the parent's side: it restarts the child after the expression that passed the
 * limit and records that expression as `timeout`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../src/check/contract/types';
import { evaluateBatch, type Outcome, withoutTries } from './ours';

export interface ChildJob {
  module: SourceFile;
  cfg: string;
  libs: SourceFile[];
  /** Ids whose lines are taken out of the module (our front end refused them). */
  strip: number[];
  /** Ids to evaluate; others are left out. */
  only: number[];
}

export type OurOutcome = Outcome | { kind: 'timeout' };

const REGISTER = fileURLToPath(new URL('../../src/cli/register.mjs', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

function runChild(
  job: ChildJob,
  timeoutMs: number,
  onLine: (id: number, o: Outcome) => void,
): Promise<{ timedOut: boolean; rejected?: string; crashed?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--stack-size=4000', '--import', REGISTER, SELF], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let buf = '';
    let stderr = '';
    let end: { rejected?: string } | undefined;
    let timer = setTimeout(kill, timeoutMs);
    let timedOut = false;
    function kill(): void {
      timedOut = true;
      child.kill('SIGKILL');
    }
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.trim()) continue;
        const msg = JSON.parse(line) as {
          id?: number;
          outcome?: Outcome;
          end?: { rejected?: string };
        };
        if (msg.end) end = msg.end;
        else if (msg.id !== undefined && msg.outcome) {
          onLine(msg.id, msg.outcome);
          // Each expression has the whole limit.
          clearTimeout(timer);
          timer = setTimeout(kill, timeoutMs);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('close', () => {
      clearTimeout(timer);
      resolve({
        timedOut,
        rejected: end?.rejected,
        crashed: end || timedOut ? undefined : stderr || 'the child ended without a result',
      });
    });
    child.stdin.end(JSON.stringify(job));
  });
}

/** Our outcomes for the ids of one module TLC ran. */
export async function runOursBatch(
  module: SourceFile,
  cfg: string,
  libs: SourceFile[],
  ids: number[],
  timeoutMs: number,
): Promise<Map<number, OurOutcome>> {
  const out = new Map<number, OurOutcome>();
  const skip = new Set<number>();
  const strip = new Set<number>();
  for (let attempt = 0; attempt <= ids.length; attempt++) {
    const left = ids.filter((id) => !out.has(id) && !skip.has(id));
    if (!left.length) break;
    const r = await runChild(
      { module, cfg, libs, strip: [...strip], only: left },
      timeoutMs,
      (id, o) => out.set(id, o),
    );
    if (r.rejected !== undefined) {
      // The front end refused the module: on one expression's line (recorded as `rejected`, the rest
      // go on without it), or without a line (every expression left gets the message).
      const id = Number(r.rejected);
      if (Number.isInteger(id) && out.has(id)) {
        skip.add(id);
        strip.add(id);
        continue;
      }
      for (const i of left) out.set(i, { kind: 'rejected', message: r.rejected });
      break;
    }
    const next = ids.find((id) => !out.has(id) && !skip.has(id));
    if (next === undefined) break;
    if (r.timedOut) {
      out.set(next, { kind: 'timeout' });
      skip.add(next);
      continue;
    }
    // A crash (out of memory, an exception outside the evaluation): blame the next expression.
    out.set(next, {
      kind: 'error',
      message: `our engine crashed: ${r.crashed ?? ''}`.slice(0, 2000),
    });
    skip.add(next);
  }
  return out;
}

async function childMain(): Promise<void> {
  const job = JSON.parse(readFileSync(0, 'utf8')) as ChildJob;
  const only = new Set(job.only);
  const write = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
  // Expressions outside `only` stay in the module text (TLC read them) but are not evaluated.
  const module = { ...job.module, text: withoutTries(job.module.text, new Set(job.strip)) };
  const r = await evaluateBatch(
    { module, cfg: job.cfg, libs: job.libs },
    (id, outcome) => write({ id, outcome }),
    new Set(),
    only,
  );
  write({ end: { rejected: r.moduleRejected } });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  childMain().catch((e: unknown) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e));
    process.exit(1);
  });
}
