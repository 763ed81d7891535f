/**
 * A recorded graph, looked at three ways: whole (when a person can read it), around the shown
 * trace (the start for larger ones: its states and the selected one's neighbours, grown a state
 * or a ring at a time), or as clusters of states grouped by an expression the user picks.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CheckResult, StateGraph, Trace } from '../../../check/contract/types';
import { writeDot } from '../../../formats/dot';
import { selectStep } from '../../explore/actions';
import { formatCount } from '../../panels/numbers';
import { useApp } from '../../store';
import { useTrace } from '../useTrace';
import { GraphCanvas } from './GraphCanvas';
import {
  clusterChoices,
  clusterGraph,
  locateInClusters,
  parseClusterExpr,
  type ClusterExpr,
} from './model/clusters';
import { locateStates } from './model/drawnGraph';
import { errorStateKeys, variablesOf } from './model/errorState';
import { adjacencyOf, grow, localGraph, seedStates, type Adjacency } from './model/localGraph';
import { shortestPathTo, traceOfPath, wholeGraph, type WholeGraph } from './model/wholeGraph';
import { showGraphTrace } from './showTrace';
import { WholeGraphView } from './WholeGraphView';
import { canonicalStateKey } from '../../../trace/keys';

/** Up to this many states the whole graph is the first view; beyond, a hairball. */
export const READABLE_STATES = 100;
/** A cluster opened by a click shows at most this many of its states. */
const CLUSTER_OPENED = 40;

type Mode = 'around' | 'clusters' | 'whole';

/** The mode and the states shown, per recorded graph (a new run has a new graph). */
const remembered = new WeakMap<StateGraph, { mode: Mode; shown?: Set<number> }>();

const modeTitles: Record<Mode, string> = {
  around: 'Around the trace',
  clusters: 'Clusters',
  whole: 'Whole graph',
};

export function RecordedGraphView({ result, graph }: { result: CheckResult; graph: StateGraph }) {
  const whole = useMemo(() => wholeGraph(graph, errorStateKeys(result)), [graph, result]);
  const adj = useMemo(() => adjacencyOf(whole), [whole]);
  const vars = useMemo(() => variablesOf(result), [result]);
  const initName = (result.trace ?? result.error?.trace)?.steps[0]?.action ?? 'Init';
  // What the user chose for this run's graph outlives a visit to another view.
  const kept = remembered.get(graph);
  const [mode, setModeState] = useState<Mode>(
    kept?.mode ?? (whole.nodes.length <= READABLE_STATES ? 'whole' : 'around'),
  );
  const [shown, setShownState] = useState<Set<number> | undefined>(kept?.shown);
  const setMode = (m: Mode) => {
    remembered.set(graph, { mode: m, shown });
    setModeState(m);
  };
  const setShown = useCallback(
    (s: Set<number>) => {
      remembered.set(graph, { mode: remembered.get(graph)?.mode ?? mode, shown: s });
      setShownState(s);
    },
    [graph, mode],
  );

  const modes = (
    <span className="gv-modes" role="group" aria-label="Show">
      {(['around', 'clusters', 'whole'] as const).map((m) => (
        <button
          key={m}
          aria-pressed={m === mode}
          onClick={() => setMode(m)}
          title={
            m === 'whole' && whole.nodes.length > READABLE_STATES
              ? `All ${formatCount(whole.nodes.length)} states: more than one can read`
              : undefined
          }
        >
          {modeTitles[m]}
          {m === 'whole' ? ` (${formatCount(whole.nodes.length)})` : ''}
        </button>
      ))}
    </span>
  );

  if (mode === 'whole')
    return (
      <WholeGraphView
        result={result}
        graph={graph}
        whole={whole}
        vars={vars}
        initName={initName}
        modes={modes}
      />
    );
  if (mode === 'clusters')
    return (
      <ClusterView
        graph={graph}
        whole={whole}
        vars={vars}
        modes={modes}
        open={(members) => {
          const opened = new Set(members.slice(0, CLUSTER_OPENED));
          remembered.set(graph, { mode: 'around', shown: opened });
          setShownState(opened);
          setModeState('around');
        }}
      />
    );
  return (
    <AroundView
      graph={graph}
      whole={whole}
      adj={adj}
      vars={vars}
      initName={initName}
      shown={shown}
      setShown={setShown}
      modes={modes}
    />
  );
}

interface AroundProps {
  graph: StateGraph;
  whole: WholeGraph;
  adj: Adjacency;
  vars: string[];
  initName: string;
  shown: Set<number> | undefined;
  setShown(shown: Set<number>): void;
  modes: ReactNode;
}

function AroundView({ graph, whole, adj, vars, initName, shown, setShown, modes }: AroundProps) {
  const trace = useTrace();
  const selectedStep = useApp((s) => s.selectedStep);
  const mainModule = useApp((s) => s.model.mainModule);
  const traceNodes = useMemo(
    () => (trace ? locateStates(whole, trace.states.map(canonicalStateKey)) : []),
    [whole, trace],
  );
  const seed = useMemo(
    () => seedStates(whole, adj, traceNodes, selectedStep),
    [whole, adj, traceNodes, selectedStep],
  );
  const states = shown ?? seed;
  // A trace shown since (a click, a check) brings its states in, with the selected one's ring.
  useEffect(() => {
    if (shown && traceNodes.some((n) => n >= 0 && !shown.has(n)))
      setShown(new Set([...shown, ...seed]));
  }, [shown, traceNodes, seed, setShown]);
  const local = useMemo(() => localGraph(whole, adj, states), [whole, adj, states]);

  const onNodeClick = useCallback(
    (node: number, traceIndex: number) => {
      const origin = local.origin[node];
      if (local.nodes[node]?.expandable) setShown(grow(adj, states, [origin]));
      if (traceIndex >= 0) selectStep(traceIndex);
      else void showGraphTrace(traceOfPath(whole, shortestPathTo(whole, origin), vars, initName));
    },
    [local, adj, states, setShown, whole, vars, initName],
  );

  const hidden = whole.nodes.length - local.nodes.length;
  return (
    <GraphCanvas
      graph={local}
      vars={vars}
      trace={trace}
      selectedStep={selectedStep}
      onNodeClick={onNodeClick}
      viewKey={graph}
      fileStem={`${mainModule}-around`}
      dot={() => writeDot(graph, vars)}
      modes={modes}
      header={`${formatCount(local.nodes.length)} of ${formatCount(whole.nodes.length)} states, around the ${trace && traceNodes.some((n) => n >= 0) ? 'trace' : 'initial states'}. Click a state to show its neighbours and the trace to it.`}
      controls={
        <>
          <button
            onClick={() => setShown(grow(adj, states))}
            disabled={hidden === 0}
            title="Add the neighbours of every state shown"
          >
            Grow by one step
          </button>
          <button onClick={() => setShown(seed)} disabled={states === seed}>
            Back to the trace
          </button>
          <span className="muted">
            {hidden > 0
              ? `${formatCount(hidden)} states not shown; dashed states have hidden neighbours.`
              : 'Every state is shown.'}
          </span>
        </>
      }
    />
  );
}

interface ClusterProps {
  graph: StateGraph;
  whole: WholeGraph;
  vars: string[];
  modes: ReactNode;
  /** Shows a cluster's states around the trace. */
  open(members: number[]): void;
}

/**
 * The first variable that splits the states into a few groups (2 to 8), else the first part of
 * one that does, else the first variable.
 */
function defaultExpression(whole: WholeGraph, choices: string[], vars: string[]): string {
  const ordered = [
    ...choices.filter((c) => vars.includes(c)),
    ...choices.filter((c) => !vars.includes(c)),
  ];
  for (const text of ordered) {
    const expr = parseClusterExpr(text);
    if ('error' in expr) continue;
    const values = new Set(whole.nodes.map((n) => JSON.stringify(expr.evaluate(n.state) ?? null)));
    if (values.size >= 2 && values.size <= 8) return text;
  }
  return choices[0] ?? '';
}

function ClusterView({ graph, whole, vars, modes, open }: ClusterProps) {
  const trace = useTrace();
  const selectedStep = useApp((s) => s.selectedStep);
  const mainModule = useApp((s) => s.model.mainModule);
  const choices = useMemo(() => clusterChoices(whole.nodes[0]?.state, vars), [whole, vars]);
  const [text, setText] = useState(() => defaultExpression(whole, choices, vars));
  const [applied, setApplied] = useState<ClusterExpr | undefined>(() => {
    const e = parseClusterExpr(text);
    return 'error' in e ? undefined : e;
  });
  const parsed = parseClusterExpr(text);
  const error = 'error' in parsed ? parsed.error : undefined;
  const clusters = useMemo(
    () => (applied ? clusterGraph(whole, applied) : undefined),
    [whole, applied],
  );
  const locate = useCallback(
    (t: Trace) => (clusters && applied ? locateInClusters(clusters, applied, t.states) : []),
    [clusters, applied],
  );
  const apply = (value: string) => {
    setText(value);
    const e = parseClusterExpr(value);
    if (!('error' in e)) setApplied(e);
  };

  const controls = (
    <form
      className="gv-cluster-form"
      onSubmit={(e) => {
        e.preventDefault();
        apply(text);
      }}
    >
      <label>
        Group states by{' '}
        <input
          list="gv-cluster-choices"
          value={text}
          aria-label="Group states by"
          spellCheck={false}
          onChange={(e) => apply(e.target.value)}
        />
      </label>
      <datalist id="gv-cluster-choices">
        {choices.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {error && text.trim() && (
        <span className="gv-cluster-error" role="alert">
          {error}
        </span>
      )}
      <span className="muted">A variable, f[x], r.field, Len(s), Cardinality(S), DOMAIN f.</span>
    </form>
  );

  if (!clusters || !applied)
    return (
      <div className="gv">
        <div className="gv-toolbar">{modes}</div>
        <div className="gv-controls">{controls}</div>
      </div>
    );
  return (
    <GraphCanvas
      graph={clusters}
      vars={[applied.text, 'states']}
      trace={trace}
      selectedStep={selectedStep}
      onNodeClick={(node) => open(clusters.members[node])}
      viewKey={`${applied.text}`}
      fileStem={`${mainModule}-clusters`}
      dot={() => writeDot(graph, vars)}
      modes={modes}
      locate={locate}
      controls={controls}
      header={`${formatCount(clusters.nodes.length)} clusters of ${formatCount(whole.nodes.length)} states by ${applied.text}. Click a cluster to see its states.`}
    />
  );
}
