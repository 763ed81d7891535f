/**
 * In the results panel: when a check stops at the memory budget, or its projection says it needs
 * long (estimate.ts), the step to TLC with an estimate and the export at hand.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { ExportTlcButton } from './ExportTlcButton';
import { handoffEstimate } from './estimate';
import './handoff.css';

export function HandoffSuggestion() {
  const run = useApp(
    useShallow((s) => ({
      status: s.run.status,
      history: s.run.history,
      atBudget: s.run.result?.stopped === 'memory budget',
      simulating: s.run.simulation !== undefined,
      workers: s.run.checked ? s.model.workers : 1,
    })),
  );
  const [tlcWorkers, setTlcWorkers] = useState(16);
  const estimate = useMemo(
    () =>
      run.history && !run.simulating
        ? handoffEstimate(run.history, run.atBudget, tlcWorkers, run.workers)
        : undefined,
    [run.history, run.simulating, run.atBudget, tlcWorkers, run.workers],
  );
  if (!estimate || run.status === 'failed') return null;
  return (
    <div className="handoff" data-testid="tlc-suggestion" role="note">
      <p className="handoff__title">
        <strong>
          {estimate.reason === 'memory budget'
            ? 'This model outgrows the tab: check it with TLC'
            : 'This check will take long here: TLC can take it'}
        </strong>
      </p>
      <p className="muted">
        TLC runs the same spec on every core of a machine, or on many machines, with what it has
        seen on disk. The export holds the spec, every module it reaches, the .cfg as set here and a
        README with the commands.
      </p>
      <ul className="handoff__figures">
        {estimate.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <label className="handoff__workers">
        Estimate for{' '}
        <input
          type="number"
          min={1}
          max={4096}
          value={tlcWorkers}
          aria-label="TLC workers to estimate for"
          onChange={(e) =>
            setTlcWorkers(
              Number.isFinite(e.target.valueAsNumber)
                ? Math.min(4096, Math.max(1, Math.round(e.target.valueAsNumber)))
                : 1,
            )
          }
        />{' '}
        TLC workers
      </label>
      <ExportTlcButton primary />
    </div>
  );
}
