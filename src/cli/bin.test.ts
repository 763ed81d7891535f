/**
 * The launcher end to end: bin/specstage runs the TypeScript sources through tsx with no build,
 * prints TLC's report and exits with TLC's code.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/specstage');
const DIEHARD = join(ROOT, '../shared/corpus/examples/DieHard/DieHard.tla');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/specstage', () => {
  it('prints its version', () => {
    expect(run('--version')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^specstage \d+\.\d+\.\d+\n$/),
    });
  });

  it('says plainly what is not implemented, with exit 150', () => {
    expect(run('trace', 'x.json')).toMatchObject({
      code: 150,
      stderr: 'specstage trace: not implemented yet\n',
    });
  });

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
