/**
 * States grouped by the value of an expression the user picks, drawn as one node per value with
 * the actions between the groups: the shape of a graph too large to read state by state (which
 * phase the transaction manager is in, how long a queue is).
 *
 * The expressions are read from the states as the check recorded them, in a small part of TLA+:
 * a variable, a function's value or a record's field (`pc["p1"]`, `rmState[r1]`, `msg.type`, and
 * chains of them), `Len(e)`, `Cardinality(e)` and `DOMAIN e`. `clusterChoices` lists the useful
 * ones of a spec.
 */
import { entriesOf, kindOf, view } from '../../../../trace/view';
import type { DrawnEdge, DrawnGraph, DrawnNode } from './drawnGraph';
import type { TraceState, TraceValue } from '../../../../trace/value';
import { printValueOneLine } from '../../../../trace/print';
import { canonicalKey } from '../../../../trace/keys';

export interface ClusterExpr {
  text: string;
  /** The expression's value at a state; undefined where it has none (a missing key). */
  evaluate(state: TraceState): TraceValue | undefined;
}

type Step = { kind: 'apply'; arg: string } | { kind: 'field'; name: string };

const int = (n: number): TraceValue => ({ '#bigint': String(n) });

/** The argument of `f` written as `arg` (`"p1"`, `p1`, `3`, `<<1, 2>>`), compared as printed. */
function apply(f: TraceValue, arg: string): TraceValue | undefined {
  const entries = entriesOf(f);
  if (!entries) return undefined;
  const wanted = arg.replace(/\s+/g, '');
  for (const [k, v] of entries) {
    const printed = printValueOneLine(k).replace(/\s+/g, '');
    // A model value prints bare (`p1`); a string prints quoted, and may be written either way.
    if (printed === wanted || (typeof k === 'string' && k === wanted)) return v;
  }
  return undefined;
}

function size(v: TraceValue | undefined, fn: 'Len' | 'Cardinality' | 'DOMAIN') {
  if (v === undefined) return undefined;
  const w = view(v);
  if (fn === 'Len') return w.kind === 'seq' ? int(w.elements.length) : undefined;
  if (fn === 'Cardinality') return w.kind === 'set' ? int(w.elements.length) : undefined;
  const entries = entriesOf(v);
  return entries ? { '#set': entries.map(([key]) => key) } : undefined;
}

/** Reads an expression; an error says what is not understood. */
export function parseClusterExpr(input: string): ClusterExpr | { error: string } {
  const text = input.trim();
  const wrapped = /^(Len|Cardinality)\s*\((.*)\)$/s.exec(text) ?? /^(DOMAIN)\s+(.*)$/s.exec(text);
  const inner = wrapped ? wrapped[2].trim() : text;
  const head = /^[A-Za-z_][A-Za-z0-9_]*/.exec(inner);
  if (!head) return { error: 'start with a variable: pc, pc["p1"], Len(queue)' };
  const steps: Step[] = [];
  let rest = inner.slice(head[0].length).trim();
  while (rest) {
    const field = /^\.\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (field) {
      steps.push({ kind: 'field', name: field[1] });
      rest = rest.slice(field[0].length).trim();
      continue;
    }
    if (rest.startsWith('[')) {
      // The argument up to the matching bracket (tuples and strings may hold brackets).
      let depth = 0;
      let end = -1;
      let quoted = false;
      for (let i = 0; i < rest.length; i++) {
        const c = rest[i];
        if (c === '"') quoted = !quoted;
        if (quoted) continue;
        if (c === '[') depth++;
        if (c === ']' && --depth === 0) {
          end = i;
          break;
        }
      }
      if (end < 0) return { error: 'a [ without its ]' };
      steps.push({ kind: 'apply', arg: rest.slice(1, end).trim() });
      rest = rest.slice(end + 1).trim();
      continue;
    }
    return { error: `not understood: ${rest}` };
  }
  const variable = head[0];
  const fn = wrapped?.[1] as 'Len' | 'Cardinality' | 'DOMAIN' | undefined;
  return {
    text: fn ? (fn === 'DOMAIN' ? `DOMAIN ${inner}` : `${fn}(${inner})`) : inner,
    evaluate(state) {
      let v: TraceValue | undefined = state[variable];
      for (const step of steps) {
        if (v === undefined) return undefined;
        v =
          step.kind === 'apply'
            ? apply(v, step.arg)
            : kindOf(v) === 'record'
              ? (v as Record<string, TraceValue>)[step.name]
              : undefined;
      }
      return fn ? size(v, fn) : v;
    },
  };
}

/** Expressions worth grouping by, from a state: each variable, and each part of a small one. */
export function clusterChoices(state: TraceState | undefined, vars: string[]): string[] {
  if (!state) return vars;
  const out: string[] = [];
  for (const v of vars) {
    out.push(v);
    const value = state[v];
    if (value === undefined) continue;
    const k = kindOf(value);
    if (k === 'set') out.push(`Cardinality(${v})`);
    else if (k === 'seq') out.push(`Len(${v})`);
    if (k === 'map' || k === 'record' || k === 'seq') {
      const entries = entriesOf(value) ?? [];
      if (entries.length <= 8)
        for (const [key] of entries)
          out.push(k === 'record' ? `${v}.${key as string}` : `${v}[${printValueOneLine(key)}]`);
    }
  }
  return out;
}

export interface ClusterGraph extends DrawnGraph {
  /** The recorded graph's nodes in each cluster. */
  members: number[][];
  /** The cluster of a value's canonical key. */
  clusterOf: Map<string, number>;
}

const NO_VALUE = '(no value)';
/** Actions named on an edge between clusters; more are counted. */
const MAX_EDGE_ACTIONS = 3;

/**
 * One node per value of `expr` (its state: the expression and the number of states), layered by
 * the depth of its first state; one edge per pair of clusters, labelled with its actions and how
 * many transitions each stands for.
 */
export function clusterGraph(graph: DrawnGraph, expr: ClusterExpr): ClusterGraph {
  const clusterOf = new Map<string, number>();
  const members: number[][] = [];
  const nodes: DrawnNode[] = [];
  const nodeCluster = graph.nodes.map((n, i) => {
    const value = expr.evaluate(n.state);
    const key = value === undefined ? NO_VALUE : canonicalKey(value);
    let c = clusterOf.get(key);
    if (c === undefined) {
      c = nodes.length;
      clusterOf.set(key, c);
      members.push([]);
      nodes.push({
        key: `cluster:${key}`,
        state: { [expr.text]: value ?? NO_VALUE, states: int(0) },
        depth: n.depth,
        initial: false,
        violating: false,
      });
    }
    members[c].push(i);
    const node = nodes[c];
    nodes[c] = {
      ...node,
      state: { ...node.state, states: int(members[c].length) },
      depth: Math.min(node.depth, n.depth),
      initial: node.initial || n.initial,
      violating: node.violating || n.violating,
    };
    return c;
  });
  const byPair = new Map<string, { from: number; to: number; counts: Map<string, number> }>();
  for (const e of graph.edges) {
    const from = nodeCluster[e.from];
    const to = nodeCluster[e.to];
    const pair = `${from}>${to}`;
    let edge = byPair.get(pair);
    if (!edge) byPair.set(pair, (edge = { from, to, counts: new Map() }));
    for (const a of e.actions) edge.counts.set(a, (edge.counts.get(a) ?? 0) + 1);
  }
  const edges: DrawnEdge[] = [...byPair.values()].map(({ from, to, counts }) => {
    // The busiest actions first; a long tail is counted, not listed.
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const labels = ranked.slice(0, MAX_EDGE_ACTIONS).map(([a, n]) => (n > 1 ? `${a} ×${n}` : a));
    if (ranked.length > MAX_EDGE_ACTIONS) labels.push(`+${ranked.length - MAX_EDGE_ACTIONS} more`);
    return { from, to, actions: ranked.map(([a]) => a), labels };
  });
  // Layers by distance between clusters from the initial ones (a state's own depth would spread
  // one step between clusters over many layers).
  const level: number[] = nodes.map((n) => (n.initial ? 0 : -1));
  let frontier = level.flatMap((l, i) => (l === 0 ? [i] : []));
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const e of edges) {
      if (level[e.to] >= 0 || !frontier.includes(e.from)) continue;
      level[e.to] = level[e.from] + 1;
      next.push(e.to);
    }
    frontier = next;
  }
  nodes.forEach((n, i) => (nodes[i] = { ...n, depth: Math.max(0, level[i]) }));
  return { nodes, edges, members, clusterOf };
}

/** The cluster of each state of a trace, -1 where the graph has no cluster for it. */
export function locateInClusters(
  clusters: ClusterGraph,
  expr: ClusterExpr,
  states: TraceState[],
): number[] {
  return states.map((s) => {
    const value = expr.evaluate(s);
    return clusters.clusterOf.get(value === undefined ? NO_VALUE : canonicalKey(value)) ?? -1;
  });
}
