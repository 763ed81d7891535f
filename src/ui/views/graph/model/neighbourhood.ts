/**
 * A piece of a state space too large to draw whole: the states the engine's `explore` answers
 * have shown so far (a trace's states and each one's successors, then whatever the user expands),
 * each with the path of choices that reaches it, so that any of them can be replayed, expanded or
 * turned into a trace. Updates return a new value (React state); sizes stay in the hundreds.
 */
import type { ExploreChoice } from '../../../../check/explore/explore';
import type { DrawnEdge, DrawnGraph, DrawnNode } from './drawnGraph';
import { canonicalStateKey } from '../../../../trace/keys';

export interface Neighbourhood extends DrawnGraph {
  /** The choice path (src/check/explore/explore.ts) that reaches each node. */
  paths: number[][];
}

export const emptyNeighbourhood: Neighbourhood = { nodes: [], edges: [], paths: [] };

/**
 * Adds what `explore(path)` answered: the initial states for an empty path, else the successors
 * of the path's last state, whose canonical key is `fromKey` and which must be a node already;
 * `only` keeps just the choices of those indexes.
 */
export function addChoices(
  nb: Neighbourhood,
  path: number[],
  fromKey: string | undefined,
  choices: ExploreChoice[],
  only?: ReadonlySet<number>,
): Neighbourhood {
  const nodes: DrawnNode[] = [...nb.nodes];
  const paths = [...nb.paths];
  const edges: DrawnEdge[] = [...nb.edges];
  const byKey = new Map(nodes.map((n, i) => [n.key, i]));
  const edgeAt = new Map(edges.map((e, i) => [`${e.from}>${e.to}`, i]));
  const from = fromKey === undefined ? -1 : (byKey.get(fromKey) ?? -2);
  if (from === -2) return nb;
  if (from >= 0) nodes[from] = { ...nodes[from], expandable: false };
  choices.forEach((choice, k) => {
    if (only && !only.has(k)) return;
    const key = canonicalStateKey(choice.state);
    const childPath = [...path, k];
    let at = byKey.get(key);
    if (at === undefined) {
      at = nodes.length;
      byKey.set(key, at);
      nodes.push({
        key,
        state: choice.state,
        depth: childPath.length - 1,
        initial: from < 0,
        violating: choice.violates.length > 0,
        expandable: true,
      });
      paths.push(childPath);
    } else if (childPath.length < paths[at].length) {
      // A shorter way there: its depth (layer) and the trace to it follow the shorter path.
      nodes[at] = { ...nodes[at], depth: childPath.length - 1 };
      paths[at] = childPath;
    }
    if (from < 0) return;
    const pair = `${from}>${at}`;
    const e = edgeAt.get(pair);
    if (e === undefined) {
      edgeAt.set(pair, edges.length);
      edges.push({ from, to: at, actions: [choice.action], labels: [choice.label] });
    } else {
      const edge = edges[e];
      const actions = edge.actions.includes(choice.action)
        ? edge.actions
        : [...edge.actions, choice.action];
      const labels = edge.labels?.includes(choice.label)
        ? edge.labels
        : [...(edge.labels ?? []), choice.label];
      edges[e] = { ...edge, actions, labels };
    }
  });
  return { nodes, edges, paths };
}

/** The neighbourhood as the engine's `StateGraph` shape, for the DOT export. */
export function neighbourhoodStateGraph(nb: Neighbourhood) {
  return {
    states: nb.nodes.map((n, id) => ({ id, state: n.state, initial: n.initial })),
    edges: nb.edges.flatMap((e) => e.actions.map((action) => ({ from: e.from, to: e.to, action }))),
    truncated: true,
  };
}
