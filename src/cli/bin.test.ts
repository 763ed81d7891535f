/**
 * The launcher end to end: bin/specstage runs the TypeScript sources with no build step (from the
 * bundle src/cli/launch.mjs caches, or through the module loaders), prints TLC's report and exits
 * with TLC's code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/specstage');
const DIEHARD = join(ROOT, '../shared/corpus/examples/DieHard/DieHard.tla');

function run(...args: string[]) {
  return runWith(process.env, ...args);
}

function runWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/specstage', () => {
  it('prints its version', () => {
    expect(run('--version')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^specstage \d+\.\d+\.\d+\n$/),
    });
  });

  it('turns the counterexample of a check into a share link that replays under the spec', () => {
    const itf = join(mkdtempSync(join(tmpdir(), 'specstage-')), 'DieHard.itf.json');
    expect(run('check', DIEHARD, '--dump-trace', `itf:${itf}`).code).toBe(12);
    const r = run('trace', itf, '--link', '--spec', DIEHARD, '--base', 'https://example.org/app/');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^https:\/\/example\.org\/app\/#share=[A-Za-z0-9_-]+\n$/);
    expect(r.stderr).toContain('7 states, replayed under');
  }, 60_000); // two CLI processes: seconds each on a busy two-core machine

  it('simulates DieHard to the NotSolved violation, the same with two worker threads', () => {
    const results = ['1', '2'].map((workers) => {
      const r = run(
        'simulate',
        DIEHARD,
        '--num',
        '2000',
        '--depth',
        '30',
        '--seed',
        '1',
        '--workers',
        workers,
        '--json',
      );
      expect(r.code).toBe(12);
      return JSON.parse(r.stdout.trim());
    });
    expect(results[0]).toMatchObject({ result: 'safety failure', violated: 'NotSolved', seed: 1 });
    expect(results[1].behaviour).toBe(results[0].behaviour);
    expect(results[1].trace).toEqual(results[0].trace);
  }, 60_000);

  it('answers the same from the bundle and through the module loaders (SPECSTAGE_BUNDLE=0)', () => {
    const bundled = run('check', DIEHARD, '--json');
    const loaders = runWith({ ...process.env, SPECSTAGE_BUNDLE: '0' }, 'check', DIEHARD, '--json');
    const answer = (r: { stdout: string }) => {
      const { durationMs: _, ...rest } = JSON.parse(r.stdout.trim()) as { durationMs: number };
      return rest;
    };
    expect(loaders.code).toBe(12);
    expect(answer(loaders)).toEqual(answer(bundled));
  }, 60_000);

  it('rejects an unknown command with exit 154', () => {
    expect(run('frobnicate').code).toBe(154);
  });

  it('checks DieHard: the invariant violation, TLC exit code 12, one JSON line on stdout', () => {
    const r = run('check', DIEHARD, '--json');
    expect(r.code).toBe(12);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ result: 'safety failure', violated: 'NotSolved' });
    expect(r.stderr).toContain('Error: Invariant NotSolved is violated.');
  });
});
