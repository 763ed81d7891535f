/**
 * TLC itself (../shared/tools/tlc: TLC 2.20 with the corpus's library modules on its path), run
 * live: for recording what it reports, and where a stored result is stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTlcOutput, type TlcOutcome } from '../../src/formats/tlc-output';
import { CORPUS } from './corpus';

export const TLC = join(CORPUS, '../tools/tlc');

let unavailable: string | undefined | null = null;

/** Why TLC cannot run here (no TLC, no java), or undefined when it can. */
export function tlcUnavailable(): string | undefined {
  if (unavailable !== null) return unavailable;
  if (!existsSync(TLC) || !existsSync(join(TLC, '..', 'tla2tools.jar')))
    unavailable = `no TLC at ${TLC}`;
  else {
    const java = spawnSync('java', ['-version']);
    unavailable = java.error || java.status !== 0 ? 'java is not on the PATH' : undefined;
  }
  return unavailable;
}

/**
 * Runs TLC with one worker on `module` in `cwd`; its states/ folder goes to a temporary
 * directory. `extra`: more arguments (`-deadlock`, `-dump dot FILE`).
 */
export function runTlc(
  cwd: string,
  module: string,
  config: string,
  extra: string[] = [],
  timeoutMs = 300_000,
): TlcOutcome & { output: string } {
  const meta = mkdtempSync(join(tmpdir(), 'specstage-tlc-'));
  try {
    const r = spawnSync(
      TLC,
      [module, '-config', config, '-workers', '1', '-metadir', meta, ...extra],
      { cwd, encoding: 'utf8', timeout: timeoutMs },
    );
    const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
    return { ...parseTlcOutput(output), output };
  } finally {
    rmSync(meta, { recursive: true, force: true });
  }
}
