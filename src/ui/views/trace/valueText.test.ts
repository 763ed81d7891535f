import { describe, expect, it } from 'vitest';
import { valueSummary, valueTooltip } from './valueText';
import type { TraceValue } from '../../../trace/value';

const n = (x: number): TraceValue => ({ '#bigint': String(x) });

describe('valueSummary', () => {
  it('prints small values whole, as TLC does', () => {
    expect(valueSummary({ '#set': [n(1), n(2)] })).toBe('{1, 2}');
    expect(valueSummary({ type: 'ack', rm: { '#mv': 'r1' } })).toBe('[type |-> "ack", rm |-> r1]');
  });

  it('cuts long values, from their first parts only', () => {
    const big = Array.from({ length: 1000 }, (_, i) => n(i));
    const text = valueSummary(big, 30);
    expect(text).toBe('<<0, 1, 2, 3, 4, 5, 6, 7, 8, …');
    expect(text).toHaveLength(30);
    const many = { '#set': Array.from({ length: 50 }, () => 'a') };
    expect(valueSummary(many)).toMatch(/^\{"a", "a".*"a"…$/);
    expect(valueTooltip(big)).toBeUndefined();
    expect(valueTooltip([n(1)])).toBe('<<1>>');
  });
});
