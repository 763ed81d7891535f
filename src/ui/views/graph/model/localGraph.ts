/**
 * A readable piece of a recorded graph too large to read whole: the states of the shown trace and
 * the neighbours of the selected one (or the initial states and theirs), grown on request, a
 * state or a whole ring at a time. Pure: the view keeps which states are shown.
 */
import type { DrawnGraph } from './drawnGraph';
import type { WholeGraph } from './wholeGraph';

export interface Adjacency {
  /** Successors and predecessors of each node, without repeats. */
  next: number[][];
  previous: number[][];
}

export function adjacencyOf(graph: WholeGraph): Adjacency {
  const next: Set<number>[] = graph.nodes.map(() => new Set());
  const previous: Set<number>[] = graph.nodes.map(() => new Set());
  for (const e of graph.edges) {
    next[e.from].add(e.to);
    previous[e.to].add(e.from);
  }
  return { next: next.map((s) => [...s]), previous: previous.map((s) => [...s]) };
}

const around = (adj: Adjacency, node: number) => [...adj.next[node], ...adj.previous[node]];

/**
 * Where to start: the trace's states with the neighbours of the selected one; without a trace in
 * the graph, the initial states with their successors.
 */
export function seedStates(
  graph: WholeGraph,
  adj: Adjacency,
  traceNodes: number[],
  selected: number,
): Set<number> {
  const onTrace = traceNodes.filter((n) => n >= 0);
  if (onTrace.length > 0) {
    const shown = new Set(onTrace);
    const at = traceNodes[selected] ?? onTrace[onTrace.length - 1];
    if (at >= 0) for (const n of around(adj, at)) shown.add(n);
    return shown;
  }
  const shown = new Set<number>();
  graph.nodes.forEach((n, i) => {
    if (!n.initial) return;
    shown.add(i);
    for (const s of adj.next[i]) shown.add(s);
  });
  return shown;
}

/** `shown` with the neighbours of `nodes` (of every shown state when `nodes` is absent). */
export function grow(adj: Adjacency, shown: ReadonlySet<number>, nodes?: number[]): Set<number> {
  const out = new Set(shown);
  for (const node of nodes ?? [...shown]) for (const n of around(adj, node)) out.add(n);
  return out;
}

export interface LocalGraph extends DrawnGraph {
  /** The recorded graph's node of each drawn node. */
  origin: number[];
}

/** The shown states and the edges between them; a state with hidden neighbours can be expanded. */
export function localGraph(
  graph: WholeGraph,
  adj: Adjacency,
  shown: ReadonlySet<number>,
): LocalGraph {
  const origin = [...shown].sort((a, b) => a - b);
  const position = new Map(origin.map((n, i) => [n, i]));
  const nodes = origin.map((n) => ({
    ...graph.nodes[n],
    expandable: around(adj, n).some((m) => !shown.has(m)),
  }));
  const edges = graph.edges
    .filter((e) => position.has(e.from) && position.has(e.to))
    .map((e) => ({ ...e, from: position.get(e.from)!, to: position.get(e.to)! }));
  return { nodes, edges, origin };
}
