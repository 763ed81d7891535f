import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/check/types';
import { createNodePool } from './nodeHost';
import { CancelledError, type CheckerPool } from './pool';

const example = (name: string) =>
  readFileSync(new URL(`../src/ui/examples/DieHard/${name}`, import.meta.url), 'utf8');

describe('checker pool in Node worker_threads', () => {
  let pool: CheckerPool | undefined;
  afterEach(() => pool?.dispose());

  it('round-trips a call through a worker', async () => {
    pool = createNodePool();
    expect(await pool.ping({ hello: ['world', 1] })).toEqual({ hello: ['world', 1] });
  });

  it('cancels a call that blocks its worker, then answers again from a fresh worker', async () => {
    pool = createNodePool({ cancelGraceMs: 50 });
    const blocked = pool.ping('late', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await pool.cancel();
    await expect(blocked).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pool.ping('again')).toBe('again');
  });

  it('queues calls beyond its size', async () => {
    pool = createNodePool({ size: 1 });
    const answers = await Promise.all([pool.ping(1, 50), pool.ping(2), pool.ping(3)]);
    expect(answers).toEqual([1, 2, 3]);
  });

  it('carries a check request to the engine and its answer or error back', async () => {
    pool = createNodePool();
    const request = {
      files: [{ name: 'DieHard.tla', text: example('DieHard.tla') }],
      mainModule: 'DieHard',
      cfg: example('DieHard.cfg'),
      cfgName: 'DieHard.cfg',
    };
    let outcome: CheckResult | Error;
    try {
      outcome = await pool.check(request, () => undefined);
    } catch (error) {
      outcome = error as Error;
    }
    if (outcome instanceof Error) {
      // The engine may not exist yet; its error must still cross the boundary intact.
      expect(outcome.message).toMatch(/not implemented/);
    } else {
      expect(outcome.result).toBe('safety failure');
      expect(outcome.violated).toBe('NotSolved');
    }
  });
});
