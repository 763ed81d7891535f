/**
 * `specstage check spec.qnt --workers 2` (through bin/specstage: the worker threads load the
 * bundle) gives the one-worker answer: verdict, counts, depth, the counterexample itself.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/specstage');
const SPEC = join(ROOT, 'src/quint/testdata/counter.qnt');

function check(workers: string, ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [BIN, 'check', SPEC, '--main', 'counter3', '--workers', workers, '--json', ...args],
    { encoding: 'utf8', timeout: 60_000 },
  );
  const json = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  delete json.durationMs;
  return { code: r.status, json };
}

describe('specstage check spec.qnt --workers N', () => {
  it('answers as one worker, for a success and for a violation', () => {
    const invariants = ['--invariant', 'firstIsZero,arithmetic,lastBusy'];
    const one = check('1', ...invariants);
    expect(one).toMatchObject({ code: 0, json: { result: 'success', distinctStates: 9 } });
    expect(check('2', ...invariants)).toEqual(one);
    const bad = check('1', '--invariant', 'small');
    expect(bad).toMatchObject({ code: 12, json: { result: 'safety failure', violated: 'small' } });
    expect(check('2', '--invariant', 'small')).toEqual(bad);
  }, 120_000); // four CLI processes: seconds each on a busy two-core machine
});
