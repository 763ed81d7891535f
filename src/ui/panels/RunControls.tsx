/**
 * Run (or simulate) and cancel, with the engine's progress while a run goes on: a check's in the
 * live chart (ProgressChart, drawn outside React), a simulation's in the status line.
 */
import { cancelCheck, runCheck } from '../engine/runCheck';
import { finalSample } from '../engine/progressHistory';
import { runSimulation } from '../engine/runSimulation';
import { useApp } from '../store';
import type { Progress, SimulateProgress } from '../../check/contract/types';
import { formatCount, formatDuration } from './numbers';
import { GrowthNotice } from './GrowthNotice';
import { ProgressChart } from './ProgressChart';
import { RunTarget } from './RunTarget';

const describe = (p: Progress) =>
  `${formatCount(p.distinctStates)} distinct states, depth ${formatCount(p.depth)}, ${formatDuration(p.elapsedMs)}`;

const describeSimulation = (p: SimulateProgress) =>
  `${formatCount(p.behaviours)} behaviours, ${formatCount(p.steps)} steps, ${formatDuration(p.elapsedMs)}`;

export function RunControls() {
  const status = useApp((s) => s.run.status);
  // A running check's figures are the chart's: reading them here would re-render per sample.
  const progress = useApp((s) => (s.run.status === 'running' ? undefined : s.run.progress));
  // A run the engine stopped answers with figures newer than its last progress sample.
  const stoppedAt = useApp((s) => (s.run.status === 'cancelled' ? s.run.result : undefined));
  const simulation = useApp((s) => s.run.simulation);
  const running = status === 'running';
  // Our engine checks either language; a Quint user does not run TLC (nor Apalache) here.
  const quint = useApp((s) => s.model.quint !== undefined);
  const shown = simulation
    ? simulation.progress && describeSimulation(simulation.progress)
    : stoppedAt
      ? describe(finalSample(stoppedAt))
      : progress && describe(progress);

  return (
    <section className="panel-section run-controls" aria-label="Run">
      <RunTarget />
      <button
        className="button button--primary"
        onClick={() => void (running ? cancelCheck() : runCheck())}
        title={running ? 'Stop the run' : 'Check every reachable state (Ctrl+Enter in the editor)'}
      >
        {running ? 'Cancel' : quint ? 'Run check' : 'Run TLC check'}
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
        {running && (shown || (simulation ? 'Starting…' : 'Checking…'))}
        {status === 'cancelled' && `Cancelled${shown ? ` after ${shown}` : ''}`}
      </span>
      <GrowthNotice />
      <ProgressChart />
    </section>
  );
}
