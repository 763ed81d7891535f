/**
 * The reachable state graph of the last run: when the run recorded all of it, the recorded graph
 * (whole, around the trace, or in clusters: RecordedGraphView), else the neighbourhood of the
 * shown trace, explored on demand through the engine.
 */
import { useApp } from '../../store';
import { NeighbourhoodView } from './NeighbourhoodView';
import { RecordedGraphView } from './RecordedGraphView';

const ids = new WeakMap<object, number>();
let lastId = 0;
/** A number for an object, the same while it lives: a key that changes with the run's graph. */
function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++lastId));
  return id;
}

/** Past this many states a whole drawing is neither readable nor smooth (see e2e/graph-perf). */
export const WHOLE_GRAPH_LIMIT = 2500;

export default function GraphView() {
  const result = useApp((s) => s.run.result);
  const running = useApp((s) => s.run.status === 'running');
  if (!result) {
    return (
      <div className="view-empty">
        <p>The state graph view draws the states a check reaches and the actions between them.</p>
        <p className="muted">{running ? 'Checking…' : 'Run a check to see it.'}</p>
      </div>
    );
  }
  const { graph } = result;
  if (
    graph &&
    !graph.truncated &&
    graph.states.length > 0 &&
    graph.states.length <= WHOLE_GRAPH_LIMIT
  ) {
    // Keyed by the graph: a new run starts from its own first view.
    return <RecordedGraphView key={idOf(graph)} result={result} graph={graph} />;
  }
  if (result.distinctStates === 0 && !result.trace) {
    return <p className="muted view-empty">The run reached no state to draw.</p>;
  }
  // A graph is not saved across a reload (it can be large), and a simulation records none.
  const note = graph
    ? undefined
    : 'This run kept no graph: check again, with “State graph” on in the model settings, to draw it whole.';
  return <NeighbourhoodView result={result} note={note} />;
}
