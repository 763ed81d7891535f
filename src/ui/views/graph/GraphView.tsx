/** Placeholder for the D3 state graph view (another issue); says what the last run recorded. */
import { useApp } from '../../store';

export default function GraphView() {
  const graph = useApp((s) => s.run.result?.graph);
  return (
    <div className="view-empty">
      <p>The state graph view is not built yet.</p>
      <p className="muted">
        {graph
          ? `The last run recorded ${graph.states.length} states and ${graph.edges.length} transitions${graph.truncated ? ' (cut short)' : ''}.`
          : 'Runs with “record state graph” on keep the reachable graph for it.'}
      </p>
    </div>
  );
}
