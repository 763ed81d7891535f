import { describe, expect, it } from 'vitest';
import { readTraceUrl, writeTraceUrl } from './urlState';

describe('trace URL state', () => {
  it('reads the step (numbered from 1) and an explored path', () => {
    expect(readTraceUrl('')).toEqual({});
    expect(readTraceUrl('#step=7')).toEqual({ step: 6 });
    expect(readTraceUrl('#explore=0.3.1&step=2')).toEqual({ step: 1, explore: [0, 3, 1] });
    expect(readTraceUrl('#explore=')).toEqual({ explore: [] });
  });

  it('ignores what it cannot read', () => {
    expect(readTraceUrl('#step=0')).toEqual({});
    expect(readTraceUrl('#step=two&explore=1.x')).toEqual({});
  });

  it('writes its keys and keeps everyone else’s', () => {
    expect(writeTraceUrl('', { step: 0 })).toBe('#step=1');
    expect(writeTraceUrl('#spec=abc&step=4', { step: 9 })).toBe('#spec=abc&step=10');
    expect(writeTraceUrl('#spec=abc&step=4&explore=1', {})).toBe('#spec=abc');
    expect(writeTraceUrl('#step=4', {})).toBe('');
    const hash = writeTraceUrl('#spec=abc', { step: 2, explore: [0, 5] });
    expect(readTraceUrl(hash)).toEqual({ step: 2, explore: [0, 5] });
  });
});
