import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult, Progress } from '../src/check/contract/types';
import * as Comlink from 'comlink';
import type { CheckerApi } from './api';
import { createNodePool, spawnNodeWorker } from './nodeHost';
import { CancelledError, CheckerPool, type SpawnWorker } from './pool';

// Checks shared by worker threads here are small: their peers join as soon as they are ready (by
// default only once a level takes the leader 100 ms; parallel/search.test.ts tests that too).
process.env.SPECSTAGE_PARALLEL_JOIN_MS = '0';

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

  /**
   * The browser's first check goes to the worker the page started before the pool exists
   * (earlyWorker.ts checkEarly); the pool adopts that worker with the call in flight. Here the
   * first worker spawned comes with a ping of its own running, sent past the pool.
   */
  function spawnFirstBusy(busyMs: number): { spawn: SpawnWorker; early: () => Promise<unknown> } {
    let first = true;
    let early!: Promise<unknown>;
    const spawn: SpawnWorker = () => {
      const handle = spawnNodeWorker();
      if (!first) return handle;
      first = false;
      let abort!: (error: Error) => void;
      early = new Promise((resolve, reject) => {
        abort = reject;
        Comlink.wrap<CheckerApi>(handle.endpoint).ping('early', busyMs).then(resolve, reject);
      });
      const settled = early.then(
        () => undefined,
        () => undefined,
      );
      return { ...handle, busy: { settled, abort } };
    };
    return { spawn, early: () => early };
  }

  it('adopts a worker with a call in flight: a later call waits for it, on the same worker', async () => {
    const busy = spawnFirstBusy(300);
    pool = new CheckerPool(busy.spawn, { size: 1 });
    pool.warm(1);
    const order: string[] = [];
    const later = pool.ping('later').then((v) => order.push(v));
    const first = (await busy.early()) as string;
    order.push(first);
    await later;
    expect(order).toEqual(['early', 'later']);
  });

  it('adopts a worker with a call in flight that a cancel ends, then answers from a fresh worker', async () => {
    const busy = spawnFirstBusy(60_000);
    pool = new CheckerPool(busy.spawn, { size: 1, cancelGraceMs: 50 });
    pool.warm(1);
    const early = busy.early();
    const later = pool.ping('later');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.cancel();
    await expect(early).rejects.toBeInstanceOf(CancelledError);
    expect(await later).toBe('later');
  });

  it('cancels a call whose worker it has taken but not yet sent the call to', async () => {
    pool = createNodePool({ cancelGraceMs: 50 });
    expect(await pool.ping('warm')).toBe('warm');
    // The slot is taken now; the call goes to the worker a microtask later: the cancel comes in
    // between (a Cancel clicked as a queued call, such as the growth probe, gets its worker).
    const taken = pool.ping('late', 60_000);
    await pool.cancel();
    await expect(taken).rejects.toBeInstanceOf(CancelledError);
    expect(await pool.ping('again')).toBe('again');
  });

  it('queues calls beyond its size', async () => {
    pool = createNodePool({ size: 1 });
    const answers = await Promise.all([pool.ping(1, 50), pool.ping(2), pool.ping(3)]);
    expect(answers).toEqual([1, 2, 3]);
  });

  it('warms its workers ahead of the first call, which waits for the warm-up and is answered in full', async () => {
    pool = createNodePool({ size: 2 });
    pool.warm(5); // at most the pool's size
    const request = {
      files: [{ name: 'DieHard.tla', text: example('DieHard.tla') }],
      mainModule: 'DieHard',
      cfg: example('DieHard.cfg'),
      cfgName: 'DieHard.cfg',
    };
    // Sent at once, while both workers run their warm-up check: the answer is the real one.
    const [one, two] = await Promise.all([pool.check(request), pool.check(request)]);
    for (const result of [one, two]) {
      expect(result).toMatchObject({ result: 'safety failure', violated: 'NotSolved' });
      expect(result.distinctStates).toBe(14);
    }
  });

  it('carries a check request to the engine and its result back', async () => {
    pool = createNodePool();
    const request = {
      files: [{ name: 'DieHard.tla', text: example('DieHard.tla') }],
      mainModule: 'DieHard',
      cfg: example('DieHard.cfg'),
      cfgName: 'DieHard.cfg',
    };
    const result = await pool.check(request, () => undefined);
    // TLC: 14 distinct states, 73 generated, depth 7, NotSolved violated.
    expect(result).toMatchObject({
      result: 'safety failure',
      violated: 'NotSolved',
      distinctStates: 14,
      generatedStates: 73,
      depth: 7,
    });
    expect(result.trace?.states.at(-1)).toMatchObject({ big: { '#bigint': '4' } });
    // The counterexample as a path of choices (share links), replayed to the same states.
    const found = await pool.pathOfTrace(request, result.trace!);
    if (!('path' in found)) throw new Error(found.message);
    const replay = await pool.explore({ ...request, path: found.path });
    expect(replay.trace.states).toEqual(result.trace!.states);
    const broken = await pool.pathOfTrace({ ...request, cfg: 'NOT A CONFIG' }, result.trace!);
    expect(broken).toMatchObject({ step: 0 });
  });

  it('gathers the model for TLC on a worker: every module it reaches, the Deadlock setting', async () => {
    pool = createNodePool();
    const bundle = await pool.tlcBundle({
      files: [
        {
          name: 'Main.tla',
          text: "---- MODULE Main ----\nEXTENDS Naturals, SequencesExt, Helper\nVARIABLE x\nInit == x = 0\nNext == x' = x\n====\n",
        },
        { name: 'Helper.tla', text: '---- MODULE Helper ----\nH == 1\n====\n' },
      ],
      mainModule: 'Main',
      cfg: 'INIT Init\nNEXT Next\n',
      cfgName: 'Main.cfg',
      options: { checkDeadlock: false },
    });
    const names = bundle.files.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Main.tla',
        'Helper.tla',
        'SequencesExt.tla',
        'Main.cfg',
        'README.md',
      ]),
    );
    const cfg = bundle.files.find((f) => f.name === 'Main.cfg')?.text;
    expect(cfg).toMatch(/^CHECK_DEADLOCK FALSE$/m);
    expect(bundle.problems).toEqual([]);
  });

  it('streams progress from an endless search and stops it on cancel', async () => {
    pool = createNodePool();
    const counter =
      "---- MODULE Counter ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x' = x + 1\n====\n";
    const request = {
      files: [{ name: 'Counter.tla', text: counter }],
      mainModule: 'Counter',
      cfg: 'INIT Init\nNEXT Next\n',
    };
    const progress: Progress[] = [];
    let firstProgress!: () => void;
    const progressed = new Promise<void>((resolve) => (firstProgress = resolve));
    const run = pool.check(request, (p) => {
      progress.push(p);
      firstProgress();
    });
    await progressed;
    const cancelledAt = Date.now();
    await pool.cancel();
    // Either the engine stopped at its next poll, or the worker was terminated.
    const outcome = await run.then(
      (result) => result.stopped,
      (error: Error) => error.name,
    );
    expect(['cancelled', 'CancelledError']).toContain(outcome);
    expect(Date.now() - cancelledAt).toBeLessThan(2_000);
    expect(progress[0].distinctStates).toBeGreaterThan(0);
  });

  it('simulates across workers with the same answer as one worker', async () => {
    const request = {
      files: [{ name: 'DieHard.tla', text: example('DieHard.tla') }],
      mainModule: 'DieHard',
      cfg: example('DieHard.cfg'),
      options: { behaviours: 2000, maxSteps: 30, seed: 1 },
    };
    pool = createNodePool({ size: 2 });
    const one = await pool.simulate(request, undefined, 1);
    const two = await pool.simulate(request, () => undefined, 2);
    expect(one).toMatchObject({ result: 'safety failure', violated: 'NotSolved', seed: 1 });
    expect(two.behaviour).toBe(one.behaviour);
    expect(two.trace).toEqual(one.trace);
  }, 30_000);

  it('stops an endless simulation on every worker on cancel, with the figures so far', async () => {
    // A long grace period: this is about the engine's own stop, not the terminate fallback (a
    // loaded machine may take longer than the default 300 ms to reach the next poll).
    pool = createNodePool({ size: 2, cancelGraceMs: 10_000 });
    const counter =
      "---- MODULE Counter ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x' = x + 1\n====\n";
    let progressed!: () => void;
    const firstProgress = new Promise<void>((resolve) => (progressed = resolve));
    const run = pool.simulate(
      {
        files: [{ name: 'Counter.tla', text: counter }],
        mainModule: 'Counter',
        cfg: 'INIT Init\nNEXT Next\n',
        options: { behaviours: 1e9, maxSteps: 100, seed: 5 },
      },
      () => progressed(),
    );
    await firstProgress;
    await pool.cancel();
    const result = await run;
    expect(result).toMatchObject({ result: 'success', stopped: 'cancelled', seed: 5 });
    expect(result.steps).toBe(result.behaviours * 100);
  }, 30_000);

  it('carries an engine error back with its message', async () => {
    pool = createNodePool();
    const request = { files: [], mainModule: 'Missing', cfg: '', cfgName: 'Missing.cfg' };
    const outcome = await pool.check(request).then(
      (result) => result.error?.message ?? result.result,
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/Missing/);
  });
});

describe('a check shared by worker threads', () => {
  let pool: CheckerPool | undefined;
  afterEach(() => pool?.dispose());

  const grid = (extra: string, cfg: string) => ({
    files: [
      {
        name: 'Grid.tla',
        text: `---- MODULE Grid ----\nEXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\nNext == \\/ x < 40 /\\ x' = x + 1 /\\ y' = y\n        \\/ y < 40 /\\ y' = y + 1 /\\ x' = x\n        \\/ x + y < 50 /\\ x' = (x + 3) % 41 /\\ y' = (y + 2) % 41\n${extra}\n====\n`,
      },
    ],
    mainModule: 'Grid',
    cfg,
    cfgName: 'Grid.cfg',
  });
  const essence = ({ durationMs, output, ...rest }: CheckResult) => (
    void durationMs,
    void output,
    rest
  );

  it('gives the one-worker answer with two workers: figures and counterexample', async () => {
    pool = createNodePool({ size: 2 });
    for (const request of [
      grid('', 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE'),
      grid('Inv == x + y # 61', 'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE'),
      // Liveness on the behaviour graph the workers gather: a success, and a failure with its lasso.
      ...['<>(x + y > 3)', '[]<>(x = 0)'].map((prop) =>
        grid(
          `Spec == Init /\\ [][Next]_<<x, y>> /\\ WF_<<x, y>>(Next)\nProp == ${prop}`,
          'SPECIFICATION Spec\nPROPERTY Prop\nCHECK_DEADLOCK FALSE',
        ),
      ),
    ]) {
      const one = await pool.check({ ...request, options: { workers: 1 } });
      const two = await pool.check({ ...request, options: { workers: 2 } }, () => undefined);
      expect(essence(two)).toEqual(essence(one));
      expect(two.uncheckedProperties).toBeUndefined();
    }
    const full = await pool.check({
      ...grid('', 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE'),
      options: { workers: 2 },
    });
    expect(full).toMatchObject({ result: 'success', distinctStates: 41 * 41 });
  }, 60_000);

  it('streams progress and stops every worker on cancel, keeping the figures so far', async () => {
    // A long grace period: the workers must stop by themselves, not be terminated.
    pool = createNodePool({ size: 2, cancelGraceMs: 10_000 });
    const counter =
      "---- MODULE Counter ----\nEXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\nNext == x' = x + 1 /\\ y' \\in 0..3\n====\n";
    const progress: Progress[] = [];
    let progressed!: () => void;
    const firstProgress = new Promise<void>((resolve) => (progressed = resolve));
    const run = pool.check(
      {
        files: [{ name: 'Counter.tla', text: counter }],
        mainModule: 'Counter',
        cfg: 'INIT Init\nNEXT Next\n',
        options: { workers: 2 },
      },
      (p) => {
        progress.push(p);
        if (p.distinctStates > 1000) progressed();
      },
    );
    await firstProgress;
    const cancelledAt = Date.now();
    await pool.cancel();
    const result = await run;
    const stopMs = Date.now() - cancelledAt;
    expect(result.stopped).toBe('cancelled');
    expect(result.distinctStates).toBeGreaterThan(1000);
    // 200 ms on an idle machine; a loaded CI box gets more slack.
    expect(stopMs).toBeLessThan(1_500);
    // And the pool answers again.
    const again = await pool.check({
      ...grid('', 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE'),
      options: { workers: 2 },
    });
    expect(again.distinctStates).toBe(41 * 41);
  }, 60_000);
});
