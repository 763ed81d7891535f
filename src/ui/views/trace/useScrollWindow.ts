/**
 * A scrolling box over rows of one height, rendering only the rows in view (virtualWindow.ts).
 * The box's geometry is tracked from scroll and resize events rather than read from the layout,
 * so that updating the rows (a step) never forces the browser to lay out mid-update.
 */
import { useCallback, useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import { scrollToShow, visibleWindow } from './virtualWindow';

/** Before the first measure, a guess: a few rows are rendered and then corrected. */
const initialGeometry = { scrollTop: 0, viewportHeight: 400 };

export function useScrollWindow(rowHeight: number, count: number) {
  const box = useRef<HTMLDivElement>(null);
  const geometry = useRef(initialGeometry);
  const [view, setView] = useState(initialGeometry);

  useLayoutEffect(() => {
    const scroller = box.current;
    if (!scroller) return;
    const measure = () => {
      geometry.current = { scrollTop: scroller.scrollTop, viewportHeight: scroller.clientHeight };
      setView(geometry.current);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: UIEvent<HTMLElement>) => {
    const { scrollTop } = event.currentTarget;
    if (scrollTop === geometry.current.scrollTop) return;
    geometry.current = { ...geometry.current, scrollTop };
    setView(geometry.current);
  }, []);

  /** Scrolls just enough to show row `index`. */
  const reveal = useCallback(
    (index: number) => {
      const scroller = box.current;
      const top = scrollToShow(index, { ...geometry.current, rowHeight });
      if (!scroller || top === geometry.current.scrollTop) return;
      scroller.scrollTop = top;
      geometry.current = { ...geometry.current, scrollTop: top };
      setView(geometry.current);
    },
    [rowHeight],
  );

  const { start, end } = visibleWindow({
    scrollTop: view.scrollTop,
    viewportHeight: view.viewportHeight,
    rowHeight,
    count,
  });
  return { box, onScroll, reveal, start, end };
}
