/**
 * Running TLC (../shared/tools/tlc: TLC 2.20 with the corpus's library modules on its path) on a
 * module written to a scratch directory, one JVM at a time, with `-workers 1` and a time limit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TLC_SCRIPT = resolve(
  process.env.SPECSTAGE_TLC ??
    join(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/tools/tlc'),
);

let javaChecked: string | undefined | null = null;

/** Why TLC cannot run here (no `java`, no TLC script or jar), or undefined when it can. */
export function tlcUnavailable(): string | undefined {
  if (javaChecked !== null) return javaChecked;
  if (!existsSync(TLC_SCRIPT)) javaChecked = `TLC not found at ${TLC_SCRIPT}`;
  else if (!existsSync(join(TLC_SCRIPT, '..', 'tla2tools.jar')))
    javaChecked = `tla2tools.jar not found beside ${TLC_SCRIPT}`;
  else {
    const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
    javaChecked = r.error || r.status !== 0 ? 'java is not on the PATH' : undefined;
  }
  return javaChecked;
}

export interface TlcRun {
  stdout: string;
  exitCode: number | null;
  timedOut: boolean;
  ms: number;
}

/** Writes the files into `dir` and runs TLC on the first `.tla` with its `.cfg`. */
export async function runTlc(
  dir: string,
  files: { name: string; text: string }[],
  options: { timeoutMs: number; extraArgs?: string[]; config?: string },
): Promise<TlcRun> {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  const main = files.find((f) => f.name.endsWith('.tla'))!.name;
  const cfg = options.config ?? main.replace(/\.tla$/, '.cfg');
  const args = [main, '-config', cfg, '-workers', '1', ...(options.extraArgs ?? [])];
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so that a time limit ends the JVM and not only the script.
    const child = spawn(TLC_SCRIPT, args, {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => (stdout += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      writeFileSync(join(dir, 'tlc.out'), stdout);
      resolvePromise({ stdout, exitCode: code, timedOut, ms: Date.now() - started });
    });
  });
}

/** The text TLC printed after `Starting...` (where PrintT output and evaluation errors go). */
export function afterStart(stdout: string): string | undefined {
  const i = stdout.search(/^Starting\.\.\. \(/m);
  if (i < 0) return undefined;
  const nl = stdout.indexOf('\n', i);
  return nl < 0 ? '' : stdout.slice(nl + 1);
}

/**
 * TLC's error when it stopped before evaluating anything: parse and semantic errors (`*** Errors:`),
 * numbers too big for it, a module it cannot find, and so on; undefined when it got going.
 */
export function startupFailure(stdout: string): string | undefined {
  const errs = /\*\*\* Errors: \d+([\s\S]*?)(?=\nStarting\.\.\.|$)/.exec(stdout);
  if (errs) return errs[1].trim().replace(/\n{2,}/g, '\n');
  const parse =
    /\*\*\*Parse Error\*\*\*([\s\S]*?)(?=\nResidual stack trace|\nStarting\.\.\.|$)/.exec(stdout);
  if (parse) return `Parse error: ${parse[1].trim()}`;
  const start = afterStart(stdout);
  const head = (start ?? stdout).trimStart();
  if (start !== undefined && !head.startsWith('Error:')) return undefined;
  if (/^Error: Evaluating assumption/.test(head)) return undefined;
  return errorBlock(head) ?? head.split('\n').slice(-5).join('\n');
}

/** TLC's first `Error: …` message, up to the `Finished in` line (or the end), or undefined. */
export function errorBlock(out: string): string | undefined {
  const at = out.search(/^Error: /m);
  if (at < 0) return undefined;
  const rest = out.slice(at);
  const end = rest.search(/\nFinished in /);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}
