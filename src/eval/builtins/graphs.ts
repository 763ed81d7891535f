/**
 * Graphs and UndirectedGraphs (Community Modules): the paths of a graph. Their definitions quantify
 * over `Seq(G.node)`, which neither TLC nor the engine can enumerate (the Community Modules give
 * them Java overrides, which TLC 2.20 does not have): these natives compute what the definitions
 * say, by search. A graph that is not a record of finite sets `node` and `edge` is left to the
 * definitions (natives.ts).
 */
import {
  type Value,
  SetValue,
  TupleValue,
  UnsortableSetValue,
  binarySearch,
  isSet,
} from '../../core/values';
import type { Builtin } from './types';
import { native1, nativeN, fcnArg, elemsArg, useDefinition } from './natives';

interface Graph {
  /** The nodes, sorted. */
  nodes: readonly Value[];
  /** Successors by node index. */
  next: number[][];
}

/** A node set and the edges between its nodes; `ends` reads an edge's endpoints (or skips it). */
function graphOf(g: Value, ends: (e: Value) => [Value, Value][] | undefined): Graph {
  const rec = fcnArg(g);
  const nodeSet = rec.apply('node');
  const edgeSet = rec.apply('edge');
  if (nodeSet === undefined || edgeSet === undefined) useDefinition();
  const nodes = elemsArg(nodeSet!);
  const next = nodes.map(() => [] as number[]);
  for (const e of writtenElems(edgeSet!)) {
    for (const [a, b] of ends(e) ?? []) {
      const i = nodeIndex(nodes, a);
      const j = nodeIndex(nodes, b);
      if (i >= 0 && j >= 0 && !next[i].includes(j)) next[i].push(j);
    }
  }
  return { nodes, next };
}

/**
 * A set's elements, also when TLC could not sort them (an edge to a value of another kind than the
 * nodes): the definitions only test node pairs for membership in G.edge, which TLC does by equality.
 */
function writtenElems(s: Value): readonly Value[] {
  if (s instanceof SetValue || s instanceof UnsortableSetValue) return s.elems;
  return elemsArg(s);
}

/** The node equal to v (an endpoint of another kind than the nodes is none of them, as in Java). */
function nodeIndex(nodes: readonly Value[], v: Value): number {
  try {
    return binarySearch(nodes, v);
  } catch {
    return -1;
  }
}

/** <<a, b>> is the edge from a to b (the definitions test `<<p[i], p[i+1]>> \in G.edge`). */
const directed = (e: Value): [Value, Value][] | undefined =>
  e instanceof TupleValue && e.elems.length === 2 ? [[e.elems[0], e.elems[1]]] : undefined;

/** {a, b} joins a and b both ways (`{p[i], p[i+1]} \in G.edge`); {a} is a loop. */
const undirected = (e: Value): [Value, Value][] | undefined => {
  if (!isSet(e) || !e.isFinite()) return undefined;
  const el = e.enumerate().elems;
  if (el.length === 1) return [[el[0], el[0]]];
  if (el.length === 2)
    return [
      [el[0], el[1]],
      [el[1], el[0]],
    ];
  return undefined;
};

function reachable(g: Graph, from: number): Set<number> {
  const seen = new Set<number>([from]);
  const todo = [from];
  while (todo.length > 0) {
    for (const j of g.next[todo.pop()!]) {
      if (seen.has(j)) continue;
      seen.add(j);
      todo.push(j);
    }
  }
  return seen;
}

function areConnectedIn(m: Value, n: Value, g: Graph): boolean {
  const i = nodeIndex(g.nodes, m);
  const j = nodeIndex(g.nodes, n);
  return i >= 0 && j >= 0 && reachable(g, i).has(j);
}

/** Every non-empty path that visits no node twice. */
function simplePaths(g: Graph): Value {
  const out: Value[] = [];
  const path: number[] = [];
  const on = new Set<number>();
  const go = (i: number): void => {
    path.push(i);
    on.add(i);
    out.push(new TupleValue(path.map((k) => g.nodes[k])));
    for (const j of g.next[i]) if (!on.has(j)) go(j);
    on.delete(i);
    path.pop();
  };
  for (let i = 0; i < g.nodes.length; i++) go(i);
  return SetValue.of(out);
}

export const graphsNatives: Builtin[] = [
  nativeN('AreConnectedIn', 3, ([m, n, g]) => areConnectedIn(m, n, graphOf(g, directed))),
  native1('SimplePath', (g) => simplePaths(graphOf(g, directed))),
];

export const undirectedGraphsNatives: Builtin[] = [
  nativeN('AreConnectedIn', 3, ([m, n, g]) => areConnectedIn(m, n, graphOf(g, undirected))),
  native1('SimplePath', (g) => simplePaths(graphOf(g, undirected))),
  native1('ConnectedComponents', (gv) => {
    const g = graphOf(gv, undirected);
    const done = new Set<number>();
    const out: Value[] = [];
    for (let i = 0; i < g.nodes.length; i++) {
      if (done.has(i)) continue;
      const cc = reachable(g, i);
      for (const k of cc) done.add(k);
      out.push(SetValue.of([...cc].map((k) => g.nodes[k])));
    }
    return SetValue.of(out);
  }),
];
