/**
 * The engine's recorded reachable graph as a `DrawnGraph`, with a breadth-first search from the
 * initial states: its levels are the layers of the picture, and its tree gives the shortest trace
 * to any state (the same trace TLC would report for a violation there).
 */
import type { StateGraph, Trace, TraceStep } from '../../../../check/contract/types';
import { mergeEdges, type DrawnGraph } from './drawnGraph';
import { canonicalStateKey } from '../../../../trace/keys';

export interface WholeGraph extends DrawnGraph {
  /** BFS tree: the node each node was first reached from (-1 for initial or unreachable ones). */
  parent: Int32Array;
  /** The action of the tree edge into each node. */
  parentAction: string[];
}

/** `violating`: canonical keys of states to mark (the counterexample's last state). */
export function wholeGraph(
  graph: StateGraph,
  violating: ReadonlySet<string> = new Set(),
): WholeGraph {
  const position = new Map<number, number>();
  graph.states.forEach((s, i) => position.set(s.id, i));
  const transitions = graph.edges
    .filter((e) => position.has(e.from) && position.has(e.to))
    .map((e) => ({
      from: position.get(e.from)!,
      to: position.get(e.to)!,
      action: e.action,
      labels: e.labels,
    }));
  const n = graph.states.length;
  const depth = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const parentAction: string[] = new Array<string>(n).fill('');
  const out: { to: number; action: string }[][] = Array.from({ length: n }, () => []);
  for (const t of transitions) out[t.from].push(t);

  // Multi-source BFS in discovery order, as the engine explored: the same levels and parents.
  let frontier: number[] = [];
  graph.states.forEach((s, i) => {
    if (s.initial) {
      depth[i] = 0;
      frontier.push(i);
    }
  });
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const { to, action } of out[u]) {
        if (depth[to] >= 0) continue;
        depth[to] = depth[u] + 1;
        parent[to] = u;
        parentAction[to] = action;
        next.push(to);
      }
    }
    frontier = next;
  }

  const nodes = graph.states.map((s, i) => {
    const key = canonicalStateKey(s.state);
    // A cut-short recording can hold states whose incoming edges it did not keep.
    return {
      key,
      state: s.state,
      depth: Math.max(0, depth[i]),
      initial: s.initial,
      violating: violating.has(key),
    };
  });
  return { nodes, edges: mergeEdges(transitions), parent, parentAction };
}

/** The nodes of a shortest path from an initial state to `node`, in order. */
export function shortestPathTo(graph: WholeGraph, node: number): number[] {
  const path: number[] = [];
  for (let at = node; at >= 0 && path.length <= graph.nodes.length; at = graph.parent[at])
    path.push(at);
  return path.reverse();
}

/**
 * A path of nodes as a `Trace`. The recorded graph names actions but not their parameters, so
 * each step is labelled with its action's name; replaying the trace through the engine
 * (`pathOfTrace` + `explore`) gives the full labels.
 */
export function traceOfPath(
  graph: WholeGraph,
  path: number[],
  vars: string[],
  initName = 'Init',
): Trace {
  const steps: TraceStep[] = path.map((node, i) =>
    i === 0
      ? { action: initName, params: [], label: 'Initial predicate' }
      : { action: graph.parentAction[node], params: [], label: graph.parentAction[node] },
  );
  return { vars, states: path.map((node) => graph.nodes[node].state), steps };
}
