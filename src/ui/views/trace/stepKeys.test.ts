import { describe, expect, it } from 'vitest';
import { stepForKey } from './stepKeys';

describe('stepForKey', () => {
  it('steps with arrows, j/k, pages, Home and End, within the trace', () => {
    expect(stepForKey({ key: 'ArrowRight' }, 3, 10)).toBe(4);
    expect(stepForKey({ key: 'j' }, 3, 10)).toBe(4);
    expect(stepForKey({ key: 'k' }, 3, 10)).toBe(2);
    expect(stepForKey({ key: 'ArrowLeft' }, 0, 10)).toBe(0);
    expect(stepForKey({ key: 'ArrowRight' }, 9, 10)).toBe(9);
    expect(stepForKey({ key: 'PageDown' }, 5, 10)).toBe(9);
    expect(stepForKey({ key: 'Home' }, 5, 10)).toBe(0);
    expect(stepForKey({ key: 'End' }, 5, 10)).toBe(9);
  });

  it('leaves other keys, modified keys and typing in fields alone', () => {
    expect(stepForKey({ key: 'x' }, 3, 10)).toBeUndefined();
    expect(stepForKey({ key: 'j', ctrlKey: true }, 3, 10)).toBeUndefined();
    expect(stepForKey({ key: 'j', target: { tagName: 'INPUT' } }, 3, 10)).toBeUndefined();
    expect(stepForKey({ key: 'End' }, 0, 0)).toBeUndefined();
  });
});
