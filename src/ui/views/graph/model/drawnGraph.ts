import type { TraceState } from '../../../../trace/value';
/**
 * The graph a picture is drawn from, whatever produced it: the engine's whole reachable graph
 * (wholeGraph.ts) or a neighbourhood explored around a trace (neighbourhood.ts). Nodes are
 * identified by their position in `nodes`; states by their canonical key, so that the states of a
 * trace (from a check, from explore mode, from a file) can be found in either.
 */

export interface DrawnNode {
  /** `canonicalStateKey` of the state. */
  key: string;
  state: TraceState;
  /** Distance from the initial states (the BFS level): the layer the node is drawn in. */
  depth: number;
  initial: boolean;
  /** The state violates an invariant (or is the last state of the run's counterexample). */
  violating: boolean;
  /** Neighbourhood mode only: its successors have not been asked for yet. */
  expandable?: boolean;
}

export interface DrawnEdge {
  from: number;
  to: number;
  /** Every action that takes `from` to `to`, in the order first seen (colours, legend). */
  actions: string[];
  /** The steps it stands for with their parameters, `Acquire(c1)`, as traces label them. */
  labels?: string[];
}

/** An edge's text: its steps with their parameters, else its actions' names. */
export function edgeText(e: DrawnEdge): string {
  return (e.labels && e.labels.length > 0 ? e.labels : e.actions).join(', ');
}

export interface DrawnGraph {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

/** The distinct action names of a graph, sorted: the legend's order and the colour indexes. */
export function actionNames(graph: DrawnGraph): string[] {
  const names = new Set<string>();
  for (const e of graph.edges) for (const a of e.actions) names.add(a);
  return [...names].sort();
}

/** Merges parallel transitions into one edge per ordered pair of nodes. */
export function mergeEdges(
  edges: Iterable<{ from: number; to: number; action: string; labels?: string[] }>,
): DrawnEdge[] {
  const byPair = new Map<string, DrawnEdge & { labels: string[] }>();
  for (const e of edges) {
    const pair = `${e.from}>${e.to}`;
    let seen = byPair.get(pair);
    if (!seen) byPair.set(pair, (seen = { from: e.from, to: e.to, actions: [], labels: [] }));
    if (!seen.actions.includes(e.action)) seen.actions.push(e.action);
    for (const l of e.labels ?? [e.action]) if (!seen.labels.includes(l)) seen.labels.push(l);
  }
  return [...byPair.values()];
}

/** The node of each state of a trace, or -1 where the graph does not hold it. */
export function locateStates(graph: DrawnGraph, keys: string[]): number[] {
  const byKey = new Map(graph.nodes.map((n, i) => [n.key, i]));
  return keys.map((k) => byKey.get(k) ?? -1);
}
