/** Run (or simulate) and cancel, with the engine's progress while a run goes on. */
import { cancelCheck, runCheck } from '../engine/runCheck';
import { runSimulation } from '../engine/runSimulation';
import { useApp } from '../store';
import type { Progress, SimulateProgress } from '../../check/types';
import { formatCount, formatDuration } from './numbers';

const describe = (p: Progress) =>
  `${formatCount(p.distinctStates)} distinct states, depth ${p.depth}, ${formatDuration(p.elapsedMs)}`;

const describeSimulation = (p: SimulateProgress) =>
  `${formatCount(p.behaviours)} behaviours, ${formatCount(p.steps)} steps, ${formatDuration(p.elapsedMs)}`;

export function RunControls() {
  const status = useApp((s) => s.run.status);
  const progress = useApp((s) => s.run.progress);
  const simulation = useApp((s) => s.run.simulation);
  const running = status === 'running';
  const shown = simulation
    ? simulation.progress && describeSimulation(simulation.progress)
    : progress && describe(progress);

  return (
    <section className="panel-section run-controls" aria-label="Run">
      <button
        className="button button--primary"
        onClick={() => void (running ? cancelCheck() : runCheck())}
        title={running ? 'Stop the run' : 'Check the model (Ctrl+Enter in the editor)'}
      >
        {running ? 'Cancel' : 'Run TLC check'}
      </button>
      {!running && (
        <button
          className="button"
          onClick={() => void runSimulation()}
          title="Simulate 1,000 random behaviours of up to 100 steps, as TLC's -simulate"
        >
          Simulate
        </button>
      )}
      <span className="run-controls__status" role="status" data-status={status}>
        {running && (shown || 'Starting…')}
        {status === 'cancelled' && `Cancelled${shown ? ` after ${shown}` : ''}`}
      </span>
    </section>
  );
}
