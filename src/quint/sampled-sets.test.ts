import { beforeAll, describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';
import { simulateModel } from '../check/search/simulate/simulate';
import { FcnSetValue, INT, IntervalValue, NAT, ProductValue } from '../core/lazy-sets';
import { SetBase, SetValue, ValueError, type Value } from '../core/values';
import { loadQuint, quintRequest } from '.';
import {
  BigIntervalValue,
  countOf,
  oneOfSet,
  pickedSet,
  sampleInfinite,
} from '../eval/builtins/quint-sample';
import { runQuintTests } from '../check/quint-tests/run';

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

describe("Int.oneOf(), Nat.oneOf() and sets too large to enumerate, sampled as Quint's simulator samples them", () => {
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

  // Quint's simulator picks one element of any set without listing it: coin.qnt's
  // `0.to(2^256 - 1).oneOf()`, erc20.qnt's `ADDR.setOfMaps(0.to(100)).oneOf()` (10^8 maps).
  it('counts large sets without enumerating them and samples one of their elements', () => {
    const amounts = new IntervalValue(0, 100);
    const addr = new SetValue(['a', 'b', 'c', 'd']);
    const maps = new FcnSetValue(addr, amounts);
    const huge = new BigIntervalValue(0n, (1n << 256n) - 1n);
    expect(countOf(maps)).toBe(101n ** 4n);
    expect(countOf(new ProductValue([addr, huge]))).toBe(4n << 256n);
    expect(countOf(huge)).toBe(1n << 256n);
    let w = 0;
    const words = (): number => (w = (Math.imul(w, 1664525) + 1013904223) >>> 0);
    for (const set of [maps, huge, new ProductValue([addr, huge])]) {
      const picked = oneOfSet(set, words, () => 'unused');
      expect(picked).toBeInstanceOf(SetValue);
      expect((picked as SetValue).elems).toHaveLength(1);
      expect(set.contains((picked as SetValue).elems[0])).toBe(true);
    }
    // A small set is left whole (the run enumerates its successors); without a sampler (a check)
    // a set beyond a million elements is refused with the message given.
    expect(oneOfSet(amounts, words, () => 'unused')).toBe(amounts);
    expect(() => oneOfSet(maps, undefined, (what) => `cannot: ${what}`)).toThrow(
      new ValueError('cannot: a set of 104060401 elements'),
    );
  });

  const coin = `module coin {
    pure val MAX = 2^256 - 1
    var total: int
    action init = total' = 0
    action step = {
      nondet amount = 0.to(MAX).oneOf()
      total' = total + amount
    }
    val fitsInv = total <= MAX
    action arbitrary = {
      nondet m = Set("a", "b").setOfMaps(0.to(100)).setOfMaps(0.to(100)).oneOf()
      total' = m.keys().size()
    }
    run arbitraryTest = arbitrary.then(all { assert(total == 10201), total' = total })
  }`;

  it('simulate and tests sample a set too large to enumerate; check says it cannot', async () => {
    const req = quintRequest([{ name: 'coin.qnt', text: coin }], 'coin', {
      invariants: ['fitsInv'],
    });
    const sim = await simulateModel({
      ...req,
      options: { behaviours: 20, maxSteps: 5, seed: 3, checkDeadlock: false },
    });
    expect(sim.error).toBeUndefined();
    // Two sampled amounts overflow with probability about 1/2 each step.
    expect(sim.result).toBe('safety failure');
    const c = await checkModel(req);
    expect(c.result).toBe('error');
    expect(c.error?.message).toMatch(
      /^oneOf\(\) at coin\.qnt:6:\d+: an exhaustive check cannot enumerate a set of 115792089237316195423570985008687907853269984665640564039457584007913129639936 elements \(Quint's simulator samples it: use simulate\)$/,
    );
    // A set of 101^(101^2) maps (on the 101^2 maps from {a, b}), picked from inside an action of a run.
    const t = runQuintTests([{ name: 'coin.qnt', text: coin }], 'coin', { seed: 1, maxSamples: 5 });
    if (!t.ok) throw new Error(t.message);
    expect(t.results.map((r) => [r.name, r.status, r.samples])).toEqual([
      ['arbitraryTest', 'passed', 5],
    ]);
  });
});

describe("S.oneOf() replayed with a recorded pick (pickedSet, Quint's mbt::nondetPicks)", () => {
  const cannot = (what: string): string => `cannot enumerate ${what}`;
  const elems = (s: SetBase): readonly Value[] => s.enumerate().elems;

  it('is the pick alone where the set has it, without enumerating the set', () => {
    const huge = new BigIntervalValue(0n, (1n << 256n) - 1n);
    expect(elems(pickedSet(huge, { value: 1n << 200n, matches: () => false }, cannot))).toEqual([
      1n << 200n,
    ]);
    expect(elems(pickedSet(INT, { value: -5, matches: () => false }, cannot))).toEqual([-5]);
    // Not in the set, or not even of its type: no element.
    expect(
      elems(pickedSet(new IntervalValue(0, 3), { value: 9, matches: () => true }, cannot)),
    ).toEqual([]);
    expect(
      elems(pickedSet(new IntervalValue(0, 3), { value: 'a', matches: () => true }, cannot)),
    ).toEqual([]);
  });

  it('is the matching elements of an enumerable set for a pick with no plain value, none for none', () => {
    const s = new SetValue([1, 2, 3]);
    expect(elems(pickedSet(s, { matches: (v) => v === 2 }, cannot))).toEqual([2]);
    expect(elems(pickedSet(s, 'none', cannot))).toEqual([]);
    expect(() => pickedSet(NAT, { matches: () => true }, cannot)).toThrow(/cannot enumerate/);
  });
});
