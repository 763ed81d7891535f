/**
 * Properties of traces on the gallery's retry and idempotency examples: idempotence as an action
 * property (`[][effect ran => it does not run again]_vars`) and exactly-once as a temporal one,
 * both over the history variables the specs keep (`processed`, `charges`, `effects`). As shipped,
 * each is violated and the counterexample shows the retry arriving after the state moved on;
 * with the exercise solved, each holds. TLC gives the same verdicts (when java and its jar are here;
the test skips otherwise).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/check';
import type { CheckRequest, CheckResult, Trace } from '../../src/check/contract/types';
import { findTlc, checkWithTlc } from '../../src/cli/tlc-engine';
import { canonicalKey } from '../../src/trace/keys';
import { durableStep } from '../../src/ui/examples/DurableStep/meta';
import { idempotentQueue } from '../../src/ui/examples/IdempotentQueue/meta';
import { paymentRetry } from '../../src/ui/examples/PaymentRetry/meta';
import type { ExampleMeta } from '../../src/ui/examples/types';

const GALLERY = join(__dirname, '../../src/ui/examples');
const JAR = join(__dirname, '../../../shared/tools/tla2tools.jar');
const tlc = existsSync(JAR) ? findTlc(JAR) : { error: 'no jar' };

function request(meta: ExampleMeta, cfg: string, solved: boolean): CheckRequest {
  let text = readFileSync(join(GALLERY, meta.id, `${meta.id}.tla`), 'utf8');
  if (solved) for (const e of meta.goal!.solution) text = text.replace(e.find, e.replace);
  return {
    files: [{ name: `${meta.id}.tla`, text }],
    mainModule: meta.id,
    cfg,
    cfgName: 'Props.cfg',
    options: { workers: 1 },
  };
}

const params = (t: Trace, i: number) =>
  Object.fromEntries(t.steps[i].params.map((p) => [p.name, canonicalKey(p.value)]));
const num = (v: unknown) => Number((v as { '#bigint': string })['#bigint']);

interface Case {
  meta: ExampleMeta;
  cfg: string;
  property: string;
  verdict: CheckResult['result'];
  /** What the counterexample must show: the effect, something that moved the state on, the effect again. */
  story: (t: Trace) => void;
}

const CASES: Case[] = [
  {
    meta: idempotentQueue,
    cfg: 'CONSTANT Keys = {k1, k2}\nINIT Init\nNEXT Next\nPROPERTY EffectIdempotent\nCHECK_DEADLOCK FALSE\n',
    property: 'EffectIdempotent',
    verdict: 'safety failure',
    story: (t) => {
      const n = t.steps.length - 1;
      const k = params(t, n).k;
      const processed = (i: number) =>
        num(
          (t.states[i].processed as { '#map': [unknown, unknown][] })['#map'].find(
            ([x]) => canonicalKey(x as never) === k,
          )![1],
        );
      expect(t.steps[n].action).toMatch(/^ProcessAnd?A/);
      expect([processed(n - 1), processed(n)]).toEqual([1, 2]);
      // The key was forgotten after its first processing, and the message came back.
      const forget = t.steps.findIndex((s, i) => s.action === 'Forget' && params(t, i).k === k);
      const first = t.steps.findIndex(
        (s, i) => s.action.startsWith('Process') && params(t, i).k === k,
      );
      expect(first).toBeGreaterThan(0);
      expect(forget).toBeGreaterThan(first);
    },
  },
  {
    meta: paymentRetry,
    cfg: 'CONSTANT MaxAttempts = 3\nINIT Init\nNEXT Next\nPROPERTY ChargeIdempotent\nCHECK_DEADLOCK FALSE\n',
    property: 'ChargeIdempotent',
    verdict: 'safety failure',
    story: (t) => paymentStory(t),
  },
  {
    meta: paymentRetry,
    cfg: 'CONSTANT MaxAttempts = 3\nINIT Init\nNEXT Next\nPROPERTY ChargedOnceStaysOnce\nCHECK_DEADLOCK FALSE\n',
    property: 'ChargedOnceStaysOnce',
    verdict: 'liveness failure',
    story: (t) => paymentStory(t),
  },
  {
    meta: durableStep,
    cfg: 'CONSTANTS\n  Steps = {1, 2}\n  MaxCrashes = 2\nSPECIFICATION Spec\nPROPERTY EffectIdempotent\nCHECK_DEADLOCK FALSE\n',
    property: 'EffectIdempotent',
    verdict: 'safety failure',
    story: (t) => {
      const n = t.steps.length - 1;
      expect(t.steps[n].action).toBe('Call');
      // The first call applied the effect, the worker crashed before its checkpoint, and the
      // replay called again with a fresh key.
      const calls = t.steps.map((s, i) => (s.action === 'Call' ? i : -1)).filter((i) => i > 0);
      const crash = t.steps.findIndex((s) => s.action === 'Crash');
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(crash).toBeGreaterThan(calls[0]);
      expect(t.states[n].key).not.toEqual(t.states[calls[0]].key);
    },
  },
];

/** PaymentRetry: charged once, a timeout, a retry under a new key, charged again. */
function paymentStory(t: Trace): void {
  const charges = t.states.map((s) => num(s.charges));
  const second = charges.indexOf(2);
  const first = charges.indexOf(1);
  expect(second).toBeGreaterThan(first);
  expect(t.steps[second].action).toBe('Gateway');
  expect(t.steps[first].action).toBe('Gateway');
  expect(params(t, second).k).not.toBe(params(t, first).k);
  const sends = t.steps.map((s, i) => (s.action === 'Send' ? i : -1)).filter((i) => i > 0);
  expect(sends.length).toBeGreaterThanOrEqual(2);
  expect(t.steps.findIndex((s) => s.action === 'Timeout')).toBeLessThan(sends[1]);
}

describe('idempotence and exactly-once on the gallery', () => {
  for (const c of CASES) {
    it(`${c.meta.id}: ${c.property} is violated by a retry after the state moved on`, async () => {
      const r = await checkModel(request(c.meta, c.cfg, false));
      expect(r.result).toBe(c.verdict);
      expect(r.uncheckedProperties ?? []).toEqual([]);
      if (c.verdict === 'safety failure') expect(r.violated).toBe(c.property);
      c.story(r.trace!);
    });

    it(`${c.meta.id}: ${c.property} holds once the exercise is solved`, async () => {
      const r = await checkModel(request(c.meta, c.cfg, true));
      expect(r.error?.message).toBeUndefined();
      expect(r.result).toBe('success');
      expect(r.uncheckedProperties ?? []).toEqual([]);
    });

    it.skipIf('error' in tlc)(
      `${c.meta.id}: TLC gives the same verdict for ${c.property}`,
      async () => {
        if ('error' in tlc) return;
        for (const solved of [false, true]) {
          const ours = await checkModel(request(c.meta, c.cfg, solved));
          const theirs = await checkWithTlc(request(c.meta, c.cfg, solved), {}, tlc.jar);
          expect(theirs.result).toBe(ours.result);
          if (ours.result === 'success') expect(theirs.distinctStates).toBe(ours.distinctStates);
          // A breadth-first search finds a shortest counterexample to a property of steps (TLC
          // labels the steps under Next's \E by Next, without parameters: the story is ours).
          if (ours.result === 'safety failure') {
            expect(theirs.violated).toBe(c.property);
            expect(theirs.trace!.states).toHaveLength(ours.trace!.states.length);
          }
        }
      },
      60_000,
    );
  }
});
