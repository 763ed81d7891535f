import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleWindow } from './virtualWindow';

describe('visibleWindow', () => {
  const base = { rowHeight: 24, viewportHeight: 240, overscan: 2 };

  it('renders the rows in view and a margin', () => {
    expect(visibleWindow({ ...base, scrollTop: 0, count: 1000 })).toEqual({ start: 0, end: 13 });
    expect(visibleWindow({ ...base, scrollTop: 2400, count: 1000 })).toEqual({
      start: 98,
      end: 113,
    });
  });

  it('stays within the list', () => {
    expect(visibleWindow({ ...base, scrollTop: 0, count: 5 })).toEqual({ start: 0, end: 5 });
    expect(visibleWindow({ ...base, scrollTop: 99_999, count: 1000 })).toEqual({
      start: 1000,
      end: 1000,
    });
    expect(visibleWindow({ ...base, scrollTop: 0, count: 0 })).toEqual({ start: 0, end: 0 });
  });
});

describe('scrollToShow', () => {
  const view = { rowHeight: 24, viewportHeight: 240 };
  it('scrolls only as far as needed', () => {
    expect(scrollToShow(3, { ...view, scrollTop: 0 })).toBe(0);
    expect(scrollToShow(20, { ...view, scrollTop: 0 })).toBe(21 * 24 - 240);
    expect(scrollToShow(2, { ...view, scrollTop: 480 })).toBe(48);
  });
});
