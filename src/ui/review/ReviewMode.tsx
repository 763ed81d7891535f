/**
 * Review mode's screen: one slim bar (what is shown, the verdict, the step, the view, the zoom)
 * over a stage where the trace and the chosen view fill the rest. The trace view already lists the
 * steps; the graph and sequence views get the step list beside them. Nothing here changes the
 * normal layout, so leaving review mode shows it as it was.
 */
import { Suspense, useEffect, useRef, type CSSProperties } from 'react';
import { runCheck } from '../engine/runCheck';
import { selectStep } from '../explore/actions';
import { appStore, useApp } from '../store';
import { views } from '../views/registry';
import { StepList } from '../views/trace/StepList';
import { useTrace } from '../views/useTrace';
import { setReviewZoom, useReview, zoomRange } from './reviewState';
import { leaveReview, reviewShortcut } from './start';
import '../views/trace/trace.css';
import './review.css';
import { shownVerdict } from '../panels/runVerdict';
import { useStaleChanges } from '../panels/StaleNotice';

export default function ReviewMode() {
  const activeView = useApp((s) => s.view.activeView);
  const mainModule = useApp((s) => s.model.mainModule);
  const cfgFile = useApp((s) => s.model.cfgFile);
  const run = useApp((s) => s.run);
  const selected = useApp((s) => s.selectedStep);
  const zoom = useReview((s) => s.zoom);
  const trace = useTrace();
  const root = useRef<HTMLDivElement>(null);
  const entry = views.find((v) => v.id === activeView) ?? views[0];
  const View = entry.component;
  const count = trace?.states.length ?? 0;
  const index = Math.max(0, Math.min(selected, count - 1));

  // The keys step at once: nothing inside the stage needs a click first. A button that toggled
  // review mode may be gone now; the focus goes to the stage rather than being lost.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !root.current?.contains(active)) {
      root.current?.focus({ preventScroll: true });
    }
  }, []);

  const stale = useStaleChanges();
  const result = run.result;
  const shown =
    result &&
    shownVerdict(result, run.simulation?.summary ? { simulation: run.simulation.summary } : {});
  const full = shown
    ? `${shown.headline}${shown.violated ? `: ${shown.violated}` : ''}`
    : run.status === 'cancelled'
      ? 'Not finished: cancelled'
      : 'Not checked yet';
  // Short, so the bar keeps to one line: "NotSolved violated"; the full verdict is its tooltip.
  const verdict = run.status === 'running' ? 'Checking…' : (shown?.short ?? full);
  const tone =
    run.status === 'running'
      ? 'running'
      : (shown?.tone ?? (run.status === 'cancelled' ? 'stopped' : undefined));

  return (
    <div
      ref={root}
      className="review"
      data-view={entry.id}
      tabIndex={-1}
      aria-label="Review mode"
      role="region"
    >
      <header className="review-bar">
        <span className="review-bar__title">
          {mainModule}
          <span className="review-bar__cfg"> · {cfgFile}</span>
        </span>
        <span
          className="review-bar__verdict"
          data-verdict={run.status === 'running' ? 'running' : result?.result}
          data-tone={tone}
          data-testid="review-verdict"
          title={full}
        >
          {verdict}
        </span>
        {stale.length > 0 && (
          <span
            className="review-bar__stale"
            data-testid="review-stale"
            title={`Changed since the check: ${stale.join('; ')}`}
          >
            out of date
          </span>
        )}
        {count > 0 && (
          <span className="review-bar__nav">
            <button
              className="button button--icon"
              aria-label="Previous state"
              title="Previous state (←)"
              disabled={index === 0}
              onClick={() => selectStep(index - 1)}
            >
              ‹
            </button>
            <span className="review-bar__step" data-testid="review-step">
              State {index + 1} of {count}
            </span>
            <button
              className="button button--icon"
              aria-label="Next state"
              title="Next state (→)"
              disabled={index === count - 1}
              onClick={() => selectStep(index + 1)}
            >
              ›
            </button>
          </span>
        )}
        <span className="review-bar__spacer" />
        <div className="segmented" role="group" aria-label="View to show">
          {views.map((v) => (
            <button
              key={v.id}
              className="segmented__button"
              aria-pressed={v.id === entry.id}
              onClick={() => appStore.getState().setActiveView(v.id)}
            >
              {v.title}
            </button>
          ))}
        </div>
        <span className="review-bar__zoom" role="group" aria-label="Text size">
          <button
            className="button button--icon"
            aria-label="Smaller"
            title="Smaller"
            disabled={zoom <= zoomRange.min}
            onClick={() => setReviewZoom(zoom - zoomRange.step)}
          >
            A−
          </button>
          <button
            className="button button--icon"
            aria-label="Larger"
            title="Larger"
            disabled={zoom >= zoomRange.max}
            onClick={() => setReviewZoom(zoom + zoomRange.step)}
          >
            A+
          </button>
        </span>
        <button
          className="button"
          title="Run the TLC check again"
          disabled={run.status === 'running'}
          onClick={() => void runCheck()}
        >
          Run
        </button>
        <button
          className="button button--primary"
          title={`Leave review mode (Esc or ${reviewShortcut})`}
          onClick={leaveReview}
        >
          Exit review
        </button>
      </header>
      <main
        className="review-stage"
        style={{ '--review-zoom': String(zoom) } as CSSProperties}
        data-testid="review-stage"
      >
        {entry.id !== 'trace' && trace && count > 0 && (
          <nav className="review-stage__steps" aria-label="Trace">
            <StepList trace={trace} selected={index} />
          </nav>
        )}
        <div className="review-stage__view">
          <Suspense fallback={<p className="muted view-empty">Loading…</p>}>
            <View />
          </Suspense>
        </div>
      </main>
    </div>
  );
}
