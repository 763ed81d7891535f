/**
 * "Out of date": the shown result or trace comes from a check of a spec that has been edited
 * since. Says what changed and offers to run again (a check, or a simulation if that was the run).
 */
import { useMemo } from 'react';
import { runCheck } from '../engine/runCheck';
import { runSimulation } from '../engine/runSimulation';
import { changesSince } from '../engine/staleness';
import { useApp } from '../store';

/** What changed since the shown run; empty while it is current, running, or there is none. */
export function useStaleChanges(): string[] {
  const checked = useApp((s) => (s.run.status === 'running' ? undefined : s.run.checked));
  const files = useApp((s) => s.files);
  const model = useApp((s) => s.model);
  return useMemo(() => changesSince(checked, { files, model }), [checked, files, model]);
}

export function StaleNotice({ what }: { what: 'result' | 'trace' }) {
  const changes = useStaleChanges();
  const simulation = useApp((s) => s.run.simulation !== undefined);
  if (changes.length === 0) return null;
  const subject =
    what === 'result'
      ? 'This result is from before your changes'
      : 'This comes from the check before your changes; the spec may no longer do this';
  return (
    <div className="stale-notice" role="status" data-testid={`stale-${what}`}>
      <p>
        <strong>Out of date.</strong> {subject}: {changes.join('; ')}.
      </p>
      <button
        className="button"
        onClick={() => void (simulation ? runSimulation() : runCheck())}
        title="Check the spec as it is now"
      >
        {simulation ? 'Simulate again' : 'Re-run check'}
      </button>
    </div>
  );
}
