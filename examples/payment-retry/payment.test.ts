/**
 * Checking the system against its spec, both ways (README.md, "Check your system"):
 * 1. tests driven by the spec: behaviours generated from PaymentRetry.tla (as `specstage simulate
 *    --out-itf` writes them) are replayed step by step against the implementation, comparing its
 *    observable state with the spec's after every step;
 * 2. trace validation: the logs the implementation writes under a deterministic simulation are
 *    validated against the spec (as `specstage validate --mapping mapping.json` does).
 * The broken variant (src/broken.ts, a fresh idempotency key per retry) fails both, at the step
 * and at the log event where its retry reaches the gateway under a new key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateModel } from '../../src/check/search/simulate/simulate';
import type { CheckRequest } from '../../src/check/contract/types';
import { traceToItf, type ItfTrace } from '../../src/formats/itf';
import { checkMapping, readLogText } from '../../src/validate/log';
import type { ValidateResult } from '../../src/validate/types';
import { Validation } from '../../src/validate/validate';
import { PaymentSystem, simulateRun, type Observed, type SystemOptions } from './src/system';

const here = (f: string) => join(__dirname, f);
const request: CheckRequest = {
  files: [{ name: 'PaymentRetry.tla', text: readFileSync(here('PaymentRetry.tla'), 'utf8') }],
  mainModule: 'PaymentRetry',
  cfg: readFileSync(here('PaymentRetry.cfg'), 'utf8'),
  cfgName: 'PaymentRetry.cfg',
};
const mapping = checkMapping(JSON.parse(readFileSync(here('mapping.json'), 'utf8')));

/** An ITF value as plain data: integers as numbers, sets as sorted arrays. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('#bigint' in o) return Number(o['#bigint']);
    if ('#set' in o) return (o['#set'] as unknown[]).map(plain).sort();
    if ('#tup' in o) return (o['#tup'] as unknown[]).map(plain);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/**
 * Replays one ITF behaviour against the implementation: the first step where the implementation
 * cannot take the spec's step, or ends up in another state than the spec's, or undefined.
 */
function replay(
  itf: ItfTrace,
  options: SystemOptions,
): { step: number; action: string; why: string } | undefined {
  const system = new PaymentSystem(options);
  const expected = (i: number): Observed =>
    Object.fromEntries(itf.vars.map((v) => [v, plain(itf.states[i][v])])) as unknown as Observed;
  expect(system.observe()).toEqual(expected(0));
  for (let i = 1; i < itf.states.length; i++) {
    const meta = itf.states[i]['#meta'] as { action: string; params?: Record<string, unknown> };
    const params = meta.params ? (plain(meta.params) as Record<string, unknown>) : undefined;
    try {
      system.perform({ action: meta.action, params });
    } catch (e) {
      return { step: i, action: meta.action, why: (e as Error).message };
    }
    const got = system.observe();
    if (JSON.stringify(got) !== JSON.stringify(expected(i)))
      return {
        step: i,
        action: meta.action,
        why: `${JSON.stringify(got)} is not the spec's ${JSON.stringify(expected(i))}`,
      };
  }
  return undefined;
}

let suite: ItfTrace[];
let validation: Validation;
const validate = (log: string): Promise<ValidateResult> =>
  validation.validate(readLogText(log, validation.vars, mapping), mapping);

beforeAll(async () => {
  // What `specstage simulate PaymentRetry.tla --num 300 --depth 12 --seed 42 --out-itf DIR` writes.
  const sim = await simulateModel({
    ...request,
    options: { behaviours: 300, maxSteps: 12, seed: 42, collectTraces: true },
  });
  expect(sim.result).toBe('success');
  suite = sim.traces!.map((b) => JSON.parse(JSON.stringify(traceToItf(b.trace))) as ItfTrace);
  validation = await Validation.open(request);
});

describe('tests generated from the spec', () => {
  it('every generated behaviour replays on the implementation, state for state', () => {
    for (const itf of suite) expect(replay(itf, {})).toBeUndefined();
    // The suite exercises every action, lost replies and timeouts included.
    const actions = new Set(
      suite.flatMap((t) => t.states.slice(1).map((s) => (s['#meta'] as { action: string }).action)),
    );
    expect([...actions].sort()).toEqual([
      'Gateway',
      'GiveUp',
      'LoseReply',
      'Receive',
      'Send',
      'Timeout',
    ]);
  });

  it('catch the broken variant at the retry: its second Send puts a new key in flight', () => {
    const failures = suite
      .map((itf) => replay(itf, { broken: true }))
      .filter((f) => f !== undefined);
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) {
      expect(f.action).toBe('Send');
      expect(f.why).toMatch(/order-42-retry-\d/);
    }
  });
});

describe('the implementation logs, validated against the spec', () => {
  it('the logs of 30 seeded runs are behaviours of the spec', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = await validate(simulateRun(seed));
      expect(r.result, `seed ${seed}: ${JSON.stringify(r.divergence)}`).toBe('behaviour');
    }
  });

  it('the sample log in logs/ is what the implementation writes, and validates', async () => {
    const sample = readFileSync(here('logs/run-seed-13.ndjson'), 'utf8');
    expect(simulateRun(13)).toBe(sample);
    const r = await validate(sample);
    expect(r.result).toBe('behaviour');
    // The log starts at the first attempt: the initial state is the one step it does not show.
    expect(r.stepEvents).toEqual([null, ...r.stepEvents!.slice(1).map((_, i) => i)]);
    // Three attempts, the second charged at last, and the order given up anyway: a behaviour the
    // spec allows (the card is charged once, the order failed; the late reply changes nothing).
    expect(r.trace!.steps.map((s) => s.action)).toEqual([
      'Init',
      'Send',
      'Timeout',
      'Send',
      'Timeout',
      'Gateway',
      'Send',
      'Gateway',
      'Timeout',
      'GiveUp',
      'Receive',
    ]);
  });

  it("the broken variant's logs are rejected where its retry reaches the gateway under a new key", async () => {
    let rejected = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const log = simulateRun(seed, { broken: true });
      const events = log
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const retry = events.findIndex(
        (e) => e.component === 'gateway' && e.idempotencyKey !== 'order-42',
      );
      const r = await validate(log);
      if (retry < 0) {
        // No retry reached the gateway: the run is a behaviour of the spec, bug or not.
        expect(r.result).toBe('behaviour');
        continue;
      }
      rejected++;
      expect(r.result).toBe('divergence');
      expect(r.divergence!.event).toBe(retry);
      expect(r.divergence!.closest?.disagree.map((d) => d.what)).toContain('params.k');
    }
    expect(rejected).toBeGreaterThan(0);
    const sample = readFileSync(here('logs/broken-seed-3.ndjson'), 'utf8');
    expect(simulateRun(3, { broken: true })).toBe(sample);
    expect((await validate(sample)).result).toBe('divergence');
  });
});
