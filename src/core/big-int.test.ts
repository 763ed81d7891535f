import { describe, expect, it } from 'vitest';
import * as big from './big-int';
import { Hasher } from './fingerprint';
import { SetValue, TupleValue, compare, equals, hashInto, type Value } from './values';
import { IntervalValue, InfiniteSetValue } from './lazy-sets';
import { printValue } from '../eval/print';
import { toTraceValue } from '../trace/from-engine';
import { matchValue } from '../validate/match';
import { WordReader, WordWriter } from '../check/search/parallel/state-codec';

const fp = (v: Value): string => {
  const h = new Hasher();
  hashInto(h, v);
  return `${h.finishHi()}:${h.finishLo()}`;
};

describe("Quint's big integers: one canonical form per integer", () => {
  it('is a number inside the 32-bit range and a bigint only outside it', () => {
    expect(big.fromBig(2147483647n)).toBe(2147483647);
    expect(big.fromBig(-2147483648n)).toBe(-2147483648);
    expect(big.fromBig(2147483648n)).toBe(2147483648n);
    expect(big.fromBig(-2147483649n)).toBe(-2147483649n);
    expect(big.add(2147483647, 1)).toBe(2147483648n);
    expect(big.sub(2147483648n, 1)).toBe(2147483647);
    expect(big.neg(-2147483648)).toBe(2147483648n);
    expect(big.div(-2147483648, -1)).toBe(2147483648n);
    expect(big.fromDigits('00042')).toBe(42);
  });

  it('computes exactly beyond 2^53', () => {
    // 2^31 * 2^31 = 2^62 is a double, but (2^31 + 1)^2 = 2^62 + 2^32 + 1 is not.
    expect(big.mul(2147483647, 2147483647)).toBe(4611686014132420609n);
    expect(big.mul(-2147483648, 2147483647)).toBe(-4611686016279904256n);
    expect(big.pow(2, 64)).toBe(18446744073709551616n);
    expect(big.add(big.pow(2, 64), 1)).toBe(18446744073709551617n);
    expect(big.sub(big.add(big.pow(2, 64), 5), big.pow(2, 64))).toBe(5);
    expect(big.mul(0, -5)).toBe(0);
    expect(Object.is(big.mul(0, -5), -0)).toBe(false);
  });

  it("divides as Quint does (truncation, the dividend's sign)", () => {
    expect(big.div(-7, 2)).toBe(-3);
    expect(big.mod(-7, 2)).toBe(-1);
    expect(big.div(-(2n ** 64n), 3)).toBe(-6148914691236517205n);
    expect(big.mod(-(2n ** 64n), 7)).toBe(-2);
    expect(big.div(2n ** 40n, 2n ** 40n)).toBe(1);
    expect(() => big.div(2n ** 40n, 0)).toThrow(/Division by zero/);
    expect(() => big.pow(0, 0)).toThrow(/0\^0/);
    expect(() => big.pow(2, -1)).toThrow(/j < 0/);
    expect(() => big.add(1, 'a')).toThrow(/expects an integer/);
  });

  it('orders, compares and hashes numbers and bigints as one kind', () => {
    const b = 2n ** 40n;
    expect(compare(5, b)).toBe(-1);
    expect(compare(b, 5)).toBe(1);
    expect(compare(-b, -5)).toBe(-1);
    expect(compare(b, 2n ** 40n)).toBe(0);
    expect(equals(b, 2n ** 40n)).toBe(true);
    expect(equals(b, 5)).toBe(false);
    expect(() => equals(b, 'a')).toThrow(/different kinds/);
    expect(SetValue.sorted([b, 3, -b, 3]).elems).toEqual([-b, 3, b]);
    expect(fp(b)).toBe(fp(2n ** 40n));
    expect(fp(b)).not.toBe(fp(b + 1n));
    // A number's fingerprint takes its 32 bits: a bigint must not collide with its low word.
    expect(fp(2n ** 32n + 7n)).not.toBe(fp(7));
    expect(fp(new TupleValue([b]))).not.toBe(fp(new TupleValue([0])));
  });

  it('is a member of Int and Nat, and of no interval of numbers', () => {
    expect(new InfiniteSetValue('Int').contains(-(2n ** 40n))).toBe(true);
    expect(new InfiniteSetValue('Nat').contains(2n ** 40n)).toBe(true);
    expect(new InfiniteSetValue('Nat').contains(-(2n ** 40n))).toBe(false);
    expect(new IntervalValue(0, 10).contains(2n ** 40n)).toBe(false);
  });

  it('prints, becomes a trace value and matches ITF by its digits', () => {
    const b = -(2n ** 64n);
    expect(printValue(new TupleValue([b, 1]))).toBe('<<-18446744073709551616, 1>>');
    expect(toTraceValue(b)).toEqual({ '#bigint': '-18446744073709551616' });
    expect(matchValue(b, { '#bigint': '-18446744073709551616' })).toBe(true);
    expect(matchValue(b, { '#bigint': '18446744073709551616' })).toBe(false);
  });

  it('travels between workers in the state codec', () => {
    const w = new WordWriter();
    const v = new TupleValue([2n ** 70n, 3, -(2n ** 31n) - 1n]);
    w.value(v);
    const { words, strings } = w.take();
    const back = new WordReader(words, strings).value();
    expect(equals(back, v)).toBe(true);
    expect((back as TupleValue).elems[2]).toBe(-2147483649n);
  });
});
