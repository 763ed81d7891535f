/**
 * Graphviz dot in the shape TLC's `-dump dot` writes it, both ways:
 * - `writeDot` turns our `StateGraph` into such a file (node labels `/\ var = value`, TLC's
 *   escaping, initial states filled, one edge per recorded transition, one rank per BFS level);
 * - `readTlcDot` reads TLC's file back into canonical states and edges, to compare reachable graphs
 *   with TLC's (conformance): states by value, never by label text or fingerprint.
 *
 * TLC's label text is the state's `toString` with `\` → `\\`, `"` → `\"`, trimmed, and newlines
 * written as the two characters `\n`.
 */
import type { StateGraph } from '../check/contract/types';
import { parseTlcValue } from './tla-value';
import type { TraceState } from '../trace/value';
import { printState } from '../trace/print';
import { canonicalStateKey } from '../trace/keys';

export function escapeDotLabel(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').trim().replace(/\n/g, '\\n');
}

export function unescapeDotLabel(label: string): string {
  return label.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

export interface WriteDotOptions {
  /** Label edges with their action's name (TLC: `-dump dot actionlabels`); default true. */
  actionLabels?: boolean;
}

export function writeDot(graph: StateGraph, vars: string[], options: WriteDotOptions = {}): string {
  const actionLabels = options.actionLabels ?? true;
  const byId = new Map(graph.states.map((s) => [s.id, s]));
  const label = (id: number): string => escapeDotLabel(printState(byId.get(id)?.state ?? {}, vars));
  const out = [
    'strict digraph DiskGraph {',
    'nodesep=0.35;',
    'subgraph cluster_graph {',
    'color="white";',
  ];
  const written = new Set<number>();

  for (const s of graph.states) {
    if (!s.initial) continue;
    out.push(`${s.id} [label="${label(s.id)}",style = filled]`);
    written.add(s.id);
  }
  // As TLC: each transition as it is explored, then the successor's label the first time it is seen.
  for (const e of graph.edges) {
    const name = actionLabels ? escapeDotLabel(e.action) : '';
    out.push(`${e.from} -> ${e.to} [label="${name}",color="black",fontcolor="black"];`);
    if (!written.has(e.to)) {
      out.push(`${e.to} [label="${label(e.to)}"];`);
      written.add(e.to);
    }
  }
  for (const s of graph.states) {
    if (!written.has(s.id)) out.push(`${s.id} [label="${label(s.id)}"];`);
  }
  for (const rank of bfsLevels(graph))
    out.push(`{rank = same; ${rank.map((id) => `${id};`).join('')}}`);
  out.push('}', '}');
  return out.join('\n') + '\n';
}

/** States grouped by their distance from the initial states. */
function bfsLevels(graph: StateGraph): number[][] {
  const successors = new Map<number, number[]>();
  for (const e of graph.edges) {
    const list = successors.get(e.from);
    if (list) list.push(e.to);
    else successors.set(e.from, [e.to]);
  }
  const seen = new Set<number>();
  const levels: number[][] = [];
  let level = graph.states.filter((s) => s.initial).map((s) => s.id);
  level.forEach((id) => seen.add(id));
  while (level.length > 0) {
    levels.push(level);
    const nextLevel: number[] = [];
    for (const id of level) {
      for (const to of successors.get(id) ?? []) {
        if (!seen.has(to)) {
          seen.add(to);
          nextLevel.push(to);
        }
      }
    }
    level = nextLevel;
  }
  return levels;
}

/** A state graph read from a dot file, keyed by canonical state (`canonicalStateKey`). */
export interface DotGraph {
  states: Map<string, TraceState>;
  initial: Set<string>;
  /** `edgeKey(from, to)` of every transition; TLC repeats an edge once per action yielding it. */
  edges: Set<string>;
  /** Action labels seen per edge, when the file has them. */
  edgeActions: Map<string, Set<string>>;
}

export function edgeKey(fromState: string, toState: string): string {
  return JSON.stringify([fromState, toState]);
}

/**
 * Reads a state label: `x = v` for one variable, or `/\ x = v` lines (a value's continuation lines
 * start with spaces, never with `/\`).
 */
export function parseStateLabel(text: string): TraceState {
  const state: TraceState = {};
  const parts = text.startsWith('/\\ ') ? text.split(/\n(?=\/\\ )/).map((p) => p.slice(3)) : [text];
  for (const part of parts) {
    const m = /^([^\s=]+) = ([\s\S]*)$/.exec(part);
    if (!m) throw new Error(`not a variable assignment: ${part.slice(0, 60)}`);
    state[m[1]] = parseTlcValue(m[2]);
  }
  return state;
}

const NODE = /^(-?\d+) \[label="((?:[^"\\]|\\.)*)"(.*)\]/;
const EDGE = /^(-?\d+) -> (-?\d+)(?: \[label="((?:[^"\\]|\\.)*)")?/;

export function readTlcDot(text: string): DotGraph {
  const keyOfNode = new Map<string, string>();
  const graph: DotGraph = {
    states: new Map(),
    initial: new Set(),
    edges: new Set(),
    edgeActions: new Map(),
  };
  const rawEdges: [string, string, string | undefined][] = [];
  for (const line of text.split('\n')) {
    const edge = EDGE.exec(line);
    if (edge) {
      rawEdges.push([edge[1], edge[2], edge[3]]);
      continue;
    }
    const node = NODE.exec(line);
    if (!node) continue;
    const state = parseStateLabel(unescapeDotLabel(node[2]));
    const key = canonicalStateKey(state);
    keyOfNode.set(node[1], key);
    graph.states.set(key, state);
    if (/style ?= ?filled/.test(node[3]) && !/fillcolor/.test(node[3])) graph.initial.add(key);
  }
  for (const [from, to, action] of rawEdges) {
    const a = keyOfNode.get(from);
    const b = keyOfNode.get(to);
    if (a === undefined || b === undefined)
      throw new Error(`edge ${from} -> ${to} names a node without a label`);
    const key = edgeKey(a, b);
    graph.edges.add(key);
    if (action) {
      const set = graph.edgeActions.get(key) ?? new Set<string>();
      set.add(unescapeDotLabel(action));
      graph.edgeActions.set(key, set);
    }
  }
  return graph;
}

/** Our engine's graph in the same keyed form, for comparison with `readTlcDot`. */
export function keyedGraph(graph: StateGraph): DotGraph {
  const keyOf = new Map<number, string>();
  const out: DotGraph = {
    states: new Map(),
    initial: new Set(),
    edges: new Set(),
    edgeActions: new Map(),
  };
  for (const s of graph.states) {
    const key = canonicalStateKey(s.state);
    keyOf.set(s.id, key);
    out.states.set(key, s.state);
    if (s.initial) out.initial.add(key);
  }
  for (const e of graph.edges) {
    const key = edgeKey(keyOf.get(e.from) as string, keyOf.get(e.to) as string);
    out.edges.add(key);
    const set = out.edgeActions.get(key) ?? new Set<string>();
    set.add(e.action);
    out.edgeActions.set(key, set);
  }
  return out;
}
