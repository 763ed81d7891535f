import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration } from './numbers';

describe('panel number formats', () => {
  it('groups counts and scales durations', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(2345)).toBe('2.3 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
