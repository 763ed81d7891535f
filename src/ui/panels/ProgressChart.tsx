/**
 * The live chart of a check: states per second and queue size over elapsed time, and a line of
 * figures under it. Shown from the start of a check and kept, with the final figures, after it
 * ends or is cancelled.
 *
 * React renders the frame once per run; the samples are drawn by D3 straight from the store (a
 * subscription, at most four times a second), so a progress sample re-renders nothing. The
 * drawing code (and d3) loads with the first check, not with the page.
 */
import { memo, useEffect, useRef } from 'react';
import { appStore, useApp } from '../store';

const redrawMs = 250;

export const ProgressChart = memo(function ProgressChart() {
  const shown = useApp((s) => s.run.history !== undefined && !s.run.simulation);
  const figure = useRef<HTMLElement>(null);

  useEffect(() => {
    const element = figure.current;
    if (!shown || !element) return;
    let disposed = false;
    let stop = () => {};
    void import('./progressChartDraw').then(({ createProgressChart }) => {
      if (disposed) return;
      const chart = createProgressChart(element);
      let timer: ReturnType<typeof setTimeout> | undefined;
      let lastDraw = 0;
      const draw = () => {
        timer = undefined;
        lastDraw = performance.now();
        chart.draw(appStore.getState().run);
      };
      // At most one draw per `redrawMs`; the last change is always drawn.
      const schedule = () => {
        if (timer !== undefined) return;
        timer = setTimeout(draw, Math.max(0, lastDraw + redrawMs - performance.now()));
      };
      const unsubscribe = appStore.subscribe((s, previous) => {
        if (s.run.status !== previous.run.status) {
          // A run's end shows its final figures at once.
          clearTimeout(timer);
          draw();
        } else if (s.run.history !== previous.run.history) schedule();
      });
      const resize = new ResizeObserver(schedule);
      resize.observe(element);
      draw();
      stop = () => {
        unsubscribe();
        resize.disconnect();
        clearTimeout(timer);
        chart.destroy();
      };
    });
    return () => {
      disposed = true;
      stop();
    };
  }, [shown]);

  if (!shown) return null;
  return (
    <figure
      className="progress-chart"
      ref={figure}
      data-testid="progress-chart"
      aria-label="Progress of the check: states per second and queue size over time"
    />
  );
});
