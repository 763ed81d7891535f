/** Run and cancel, with the engine's progress while a check runs. */
import { cancelCheck, runCheck } from '../engine/runCheck';
import { useApp } from '../store';
import type { Progress } from '../../check/types';
import { formatCount, formatDuration } from './numbers';

const describe = (p: Progress) =>
  `${formatCount(p.distinctStates)} distinct states, depth ${p.depth}, ${formatDuration(p.elapsedMs)}`;

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
        {running && (progress ? describe(progress) : 'Starting…')}
        {status === 'cancelled' && `Cancelled${progress ? ` after ${describe(progress)}` : ''}`}
      </span>
    </section>
  );
}
