import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration } from './numbers';

describe('panel number formats', () => {
  it('groups counts and scales durations', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(2345)).toBe('2.3 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(280_000)).toBe('4 min 40 s');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
  });

  it('rounds before splitting units: never "1 min 60 s" nor "1000 ms"', () => {
    expect(formatDuration(119_600)).toBe('2 min 0 s');
    expect(formatDuration(119_400)).toBe('1 min 59 s');
    expect(formatDuration(59_960)).toBe('1 min 0 s');
    expect(formatDuration(59_940)).toBe('59.9 s');
    expect(formatDuration(999.7)).toBe('1.0 s');
    expect(formatDuration(3_599_700)).toBe('1 h 0 min');
    for (let ms = 0; ms < 4_000_000; ms += 97.3) {
      const text = formatDuration(ms);
      expect(text).not.toMatch(/\b60 s|\b60 min|\b1000 ms/);
    }
  });

  it('shows nothing odd for a missing or negative duration', () => {
    expect(formatDuration(Number.NaN)).toBe('0 ms');
    expect(formatDuration(-5)).toBe('0 ms');
  });
});
