/** Run and cancel, with the engine's progress while a check runs. */
import { cancelCheck, runCheck } from '../engine/runCheck';
import { useApp } from '../store';
import { formatCount, formatDuration } from './numbers';

export function RunControls() {
  const status = useApp((s) => s.run.status);
  const progress = useApp((s) => s.run.progress);
  const running = status === 'running';

  return (
    <section className="panel-section run-controls" aria-label="Run">
      <button
        className="button button--primary"
        onClick={() => void (running ? cancelCheck() : runCheck())}
        title={running ? 'Stop the check' : 'Check the model (Ctrl+Enter in the editor)'}
      >
        {running ? 'Cancel' : 'Run TLC check'}
      </button>
      <span className="run-controls__status" role="status" data-status={status}>
        {running &&
          (progress
            ? `${formatCount(progress.distinctStates)} distinct states, depth ${progress.depth}, ${formatDuration(progress.elapsedMs)}`
            : 'Starting…')}
        {status === 'cancelled' && 'Cancelled'}
      </span>
    </section>
  );
}
