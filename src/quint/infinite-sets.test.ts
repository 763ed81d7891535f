import { beforeAll, describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';
import { simulateModel } from '../check/search/simulate/simulate';
import { INT, NAT } from '../core/lazy-sets';
import { loadQuint, quintRequest } from '.';
import { sampleInfinite } from '../eval/builtins/quint-sample';

const text = `module inf {
  var x: int
  action init = x' = 0
  action step = {
    nondet d = Int.oneOf()
    nondet n = Nat.oneOf()
    all { n >= 0, x' = d }
  }
  val small = x < 1000
}`;
const files = [{ name: 'inf.qnt', text }];

describe("Int.oneOf() / Nat.oneOf(), sampled as Quint's simulator samples them", () => {
  beforeAll(loadQuint, 60_000);

  it("draws from Quint's range, [-2^255, 2^255), Nat its absolute value", () => {
    let w = 0;
    const words = (): number => [0xffffffff, 0, 0x80000000, 7][w++ % 4];
    // All-ones words: 2^256 - 1 - 2^255 = 2^255 - 1, the top of the range.
    expect(sampleInfinite(INT, () => 0xffffffff)).toBe((1n << 255n) - 1n);
    expect(sampleInfinite(INT, () => 0)).toBe(-(1n << 255n));
    expect(sampleInfinite(NAT, () => 0)).toBe(1n << 255n);
    expect(typeof sampleInfinite(INT, words)).toBe('bigint');
  });

  it('simulate samples them (the same behaviours for the same seed); check says it cannot', async () => {
    const req = quintRequest(files, 'inf', { invariants: ['small'] });
    const sim = () => simulateModel({ ...req, options: { behaviours: 20, maxSteps: 3, seed: 9 } });
    const a = await sim();
    expect(a.error).toBeUndefined();
    // A sampled integer is at least 1000 with probability about 1/2: a violation within 3 steps.
    expect(a.result).toBe('safety failure');
    const last = a.trace!.states[a.trace!.states.length - 1].x as { '#bigint': string };
    expect(BigInt(last['#bigint'])).toBeGreaterThanOrEqual(1000n);
    expect((await sim()).trace).toEqual(a.trace);
    const c = await checkModel(req);
    expect(c.result).toBe('error');
    expect(c.error?.message).toMatch(
      /^Int\.oneOf\(\) at inf\.qnt:5:12: an exhaustive check cannot enumerate the infinite set Int/,
    );
  });
});
