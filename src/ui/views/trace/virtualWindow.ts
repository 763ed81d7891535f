/**
 * Which rows of a long list of equal-height rows to render: those in view plus a margin, so that a
 * trace of thousands of steps costs the DOM only a screenful of rows.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Rows rendered beyond each edge of the view, so that scrolling does not show blanks. */
  overscan?: number;
}

/** Rows `[start, end)`. */
export function visibleWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  count,
  overscan = 8,
}: WindowInput): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first - overscan, count));
  const end = Math.min(count, first + inView + overscan);
  return { start, end: Math.max(start, end) };
}

/** The scroll position that brings row `index` into view, or `scrollTop` when it is in view. */
export function scrollToShow(
  index: number,
  { scrollTop, viewportHeight, rowHeight }: Omit<WindowInput, 'count' | 'overscan'>,
): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
