/**
 * `specstage check --engine tlc`: the same model handed to TLC. The model is exported as a folder
 * TLC runs unchanged (formats/tlc-bundle.ts) in a temporary directory, TLC runs on it in `-tool`
 * mode, its progress reports feed our progress line, and its output is read back into a
 * CheckResult (verdict, counts, depth, the counterexample), so the report, the JSON and the exit
 * code are those of a specstage run: a CI job switches engine with one flag.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureParser, type CheckHooks } from '../check/check';
import type { CheckRequest, CheckResult } from '../check/contract/types';
import { tlcBundle } from '../formats/tlc-bundle';
import {
  resultFromTlc,
  toolMessageAsText,
  toolProgress,
  toolReader,
  type ToolMessage,
} from '../formats/tlc-output';

/** TLC's output read into a CheckResult (src/formats/tlc-output.ts, where the app reads it too). */
export { resultFromTlc };

export const NO_JAR_HELP =
  "--engine tlc needs TLC's tla2tools.jar: give --tlc-jar PATH or set TLA2TOOLS_JAR (download it from https://github.com/tlaplus/tlaplus/releases), and java 11 or newer on the PATH";

/** The jar to run: `--tlc-jar`, else $TLA2TOOLS_JAR; why not, when there is none or no java. */
export function findTlc(
  jarArg: string | undefined,
  env = process.env,
): { jar: string } | { error: string } {
  const jar = jarArg ?? env.TLA2TOOLS_JAR;
  if (!jar) return { error: NO_JAR_HELP };
  if (!existsSync(jar)) return { error: `no TLC jar at ${jar}: ${NO_JAR_HELP}` };
  const java = spawnSync('java', ['-version']);
  if (java.error || java.status !== 0) return { error: `java is not on the PATH: ${NO_JAR_HELP}` };
  return { jar: resolve(jar) };
}

/** Runs TLC on the model (its bundle in a temporary folder); progress through `hooks`. */
export async function checkWithTlc(
  req: CheckRequest,
  hooks: CheckHooks,
  jar: string,
): Promise<CheckResult> {
  const started = Date.now();
  await ensureParser();
  const bundle = tlcBundle(req);
  const dir = mkdtempSync(join(tmpdir(), 'specstage-tlc-'));
  try {
    for (const f of bundle.files) writeFileSync(join(dir, f.name), f.text);
    const args = [
      '-XX:+UseParallelGC',
      '-cp',
      jar,
      'tlc2.TLC',
      '-tool',
      '-workers',
      String(req.options?.workers ?? 1),
      '-config',
      bundle.cfgFile,
      '-metadir',
      join(dir, 'states'),
      '-noGenerateSpecTE',
      req.mainModule,
    ];
    const text: string[] = [];
    const errorCodes: number[] = [];
    await new Promise<void>((done, fail) => {
      const child = spawn('java', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      const reader = toolReader();
      const take = (ms: ToolMessage[]) => {
        for (const m of ms) {
          text.push(toolMessageAsText(m));
          if (m.severity === 1) errorCodes.push(m.code);
          const p = toolProgress(m);
          if (p) hooks.onProgress?.({ ...p, elapsedMs: Date.now() - started });
        }
      };
      const stop = setInterval(() => {
        if (hooks.shouldStop?.()) child.kill('SIGTERM');
      }, 200);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (d: string) => take(reader.feed(d)));
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (d: string) => text.push(d));
      child.on('error', (e) => {
        clearInterval(stop);
        fail(e);
      });
      child.on('close', () => {
        clearInterval(stop);
        take(reader.end());
        done();
      });
    });
    return resultFromTlc(text.join('\n'), Date.now() - started, errorCodes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
