/**
 * The trace viewer: the steps of the shown trace (a counterexample, an explored path, an opened
 * file), the selected state as a tree marked with what its step changed, watch expressions, and in
 * explore mode the choices that extend the path. Everything shown is read from the store.
 */
import { useMemo, useRef } from 'react';
import type { Trace } from '../../../check/contract/types';
import { ChoicesPanel } from '../../explore/ChoicesPanel';
import { startExploring } from '../../explore/actions';
import type { TraceSource } from '../../explore/state';
import { formatCount } from '../../panels/numbers';
import { shownVerdict } from '../../panels/runVerdict';
import { useApp } from '../../store';
import { useTrace } from '../useTrace';
import { StatePanel } from './StatePanel';
import { StepList } from './StepList';
import { TraceToolbar } from './TraceToolbar';
import { useStepKeys } from './useStepKeys';
import { traceViolation, type TraceViolation } from './violation';
import './trace.css';

export default function TraceView() {
  const source = useApp((s) => s.traceView.source);
  const selected = useApp((s) => s.selectedStep);
  const trace = useTrace();
  const root = useRef<HTMLDivElement>(null);
  const count = trace?.states.length ?? 0;
  const index = Math.max(0, Math.min(selected, count - 1));
  useStepKeys(root, index, count);
  const violation = useViolation(trace);
  const headline = useApp((s) =>
    s.traceView.source === 'imported'
      ? s.traceView.importedHeadline?.text
      : s.traceView.source === 'check'
        ? s.run.tlc?.headline
        : undefined,
  );
  const log = useApp((s) =>
    s.traceView.source === 'imported' ? s.traceView.importedLog : undefined,
  );
  const sample = useApp((s) =>
    s.traceView.source === 'check' ? s.run.simulation?.summary : undefined,
  );

  return (
    <div ref={root} className="trace-viewer" data-source={source}>
      <TraceToolbar trace={trace} index={index} />
      {headline && (
        <p className="trace-viewer__headline" data-testid="trace-headline">
          This trace comes with TLC’s verdict: <strong>{headline}</strong>
        </p>
      )}
      {log && (
        <p
          className="trace-viewer__headline"
          data-testid="trace-log-verdict"
          data-ok={log.ok || undefined}
        >
          Log <strong>{log.file}</strong>: {log.text}
        </p>
      )}
      {sample?.sample !== undefined && trace && (
        <p className="trace-viewer__sample" data-testid="trace-sample">
          A sample behaviour of the simulation (#{sample.sample} of {formatCount(sample.behaviours)}
          , seed {sample.seed}); the simulation found no error.
        </p>
      )}
      <div className="trace-viewer__body">
        {trace && count > 0 ? (
          <>
            <StepList trace={trace} selected={index} violation={violation} />
            <div className="trace-viewer__state">
              <StatePanel
                trace={trace}
                index={index}
                violation={violation?.index === index ? violation : undefined}
              />
            </div>
          </>
        ) : (
          <EmptyTrace source={source} />
        )}
        {source === 'explore' && <ChoicesPanel />}
      </div>
    </div>
  );
}

/** The failing state of the shown trace, if it has one (violation.ts). */
function useViolation(trace: Trace | undefined): TraceViolation | undefined {
  const result = useApp((s) => s.run.result);
  const traceView = useApp((s) => s.traceView);
  return useMemo(
    () => traceViolation({ run: { status: 'done', result }, traceView }, trace),
    [result, traceView, trace],
  );
}

function EmptyTrace({ source }: { source: TraceSource }) {
  const result = useApp((s) => s.run.result);
  const behaviours = useApp((s) => s.run.simulation?.summary?.behaviours);
  const cancelled = useApp((s) => s.run.status === 'cancelled');
  const verdict = result
    ? shownVerdict(result, behaviours !== undefined ? { simulation: { behaviours } } : {})
    : undefined;
  if (source === 'explore') {
    return (
      <div className="view-empty trace-viewer__empty">
        <p>Explore by hand: choose an initial state, then one enabled action after another.</p>
        <p className="muted">No check is needed; the path you build is a trace like any other.</p>
      </div>
    );
  }
  return (
    <div className="view-empty trace-viewer__empty">
      <p>No trace: a check that finds an error shows its trace here.</p>
      {verdict?.tone === 'pass' && <p className="muted">The last check found no error.</p>}
      {verdict?.tone === 'partial' && <p className="muted">The last run: {verdict.headline}.</p>}
      {(verdict?.tone === 'stopped' || (!result && cancelled)) && (
        <p className="trace-viewer__stopped" data-testid="trace-stopped">
          The last check was stopped before it finished: no verdict, and no trace to show.
        </p>
      )}
      <p>
        <button className="button" onClick={startExploring}>
          Explore by hand
        </button>{' '}
        <span className="muted">to walk through the spec’s behaviours step by step.</span>
      </p>
    </div>
  );
}
