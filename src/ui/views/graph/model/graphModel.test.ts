import { describe, expect, it } from 'vitest';
import type { ExploreChoice } from '../../../../check/explore/explore';
import type { StateGraph } from '../../../../check/contract/types';
import { actionNames, edgeText, locateStates, mergeEdges } from './drawnGraph';
import { addChoices, emptyNeighbourhood, neighbourhoodStateGraph } from './neighbourhood';
import { shortestPathTo, traceOfPath, wholeGraph } from './wholeGraph';
import type { TraceState } from '../../../../trace/value';
import { canonicalStateKey } from '../../../../trace/keys';

const int = (n: number) => ({ '#bigint': String(n) });
const st = (x: number): TraceState => ({ x: int(x) });

/** 0 → 1 → 2 → 3, 0 → 2 (a shortcut), 3 → 1 (back), 2 → 2 (self loop); 4 is a second initial state. */
const graph: StateGraph = {
  states: [0, 1, 2, 3, 4].map((x) => ({ id: x, state: st(x), initial: x === 0 || x === 4 })),
  edges: [
    { from: 0, to: 1, action: 'Inc' },
    { from: 1, to: 2, action: 'Inc' },
    { from: 2, to: 3, action: 'Inc' },
    { from: 0, to: 2, action: 'Jump' },
    { from: 3, to: 1, action: 'Back' },
    { from: 2, to: 2, action: 'Stay' },
    { from: 2, to: 2, action: 'Idle' },
    { from: 4, to: 3, action: 'Inc' },
  ],
  truncated: false,
};

describe('wholeGraph', () => {
  const g = wholeGraph(graph, new Set([canonicalStateKey(st(3))]));

  it('layers states by their BFS distance from any initial state', () => {
    expect(g.nodes.map((n) => n.depth)).toEqual([0, 1, 1, 1, 0]);
    expect(g.nodes.map((n) => n.initial)).toEqual([true, false, false, false, true]);
    expect(g.nodes.map((n) => n.violating)).toEqual([false, false, false, true, false]);
  });

  it('merges parallel transitions into one edge naming every action', () => {
    expect(g.edges.find((e) => e.from === 2 && e.to === 2)?.actions).toEqual(['Stay', 'Idle']);
    expect(g.edges).toHaveLength(7);
    expect(actionNames(g)).toEqual(['Back', 'Idle', 'Inc', 'Jump', 'Stay']);
  });

  it('finds a shortest trace to a state and names its steps', () => {
    expect(shortestPathTo(g, 2)).toEqual([0, 2]);
    expect(shortestPathTo(g, 3)).toEqual([4, 3]);
    expect(shortestPathTo(g, 0)).toEqual([0]);
    const trace = traceOfPath(g, shortestPathTo(g, 2), ['x'], 'Init');
    expect(trace.states).toEqual([st(0), st(2)]);
    expect(trace.steps.map((s) => s.action)).toEqual(['Init', 'Jump']);
    expect(trace.steps.map((s) => s.label)).toEqual(['Initial predicate', 'Jump']);
  });

  it('locates a trace’s states by value', () => {
    const keys = [st(0), st(1), st(9)].map(canonicalStateKey);
    expect(locateStates(g, keys)).toEqual([0, 1, -1]);
  });
});

describe('mergeEdges', () => {
  it('keeps the first-seen order of actions and drops repeats', () => {
    const merged = mergeEdges([
      { from: 0, to: 1, action: 'B' },
      { from: 0, to: 1, action: 'A' },
      { from: 0, to: 1, action: 'B' },
      { from: 1, to: 0, action: 'A' },
    ]);
    expect(merged).toEqual([
      { from: 0, to: 1, actions: ['B', 'A'], labels: ['B', 'A'] },
      { from: 1, to: 0, actions: ['A'], labels: ['A'] },
    ]);
  });

  it('keeps the steps’ labels with their parameters, coloured by their action', () => {
    const merged = mergeEdges([
      { from: 0, to: 1, action: 'Acquire', labels: ['Acquire(c1)'] },
      { from: 0, to: 1, action: 'Acquire', labels: ['Acquire(c2)'] },
      { from: 1, to: 0, action: 'Release', labels: ['Release(c1)'] },
    ]);
    expect(merged.map(edgeText)).toEqual(['Acquire(c1), Acquire(c2)', 'Release(c1)']);
    expect(merged[0].actions).toEqual(['Acquire']);
  });
});

function choice(x: number, action: string, violates: string[] = []): ExploreChoice {
  return { label: action, action, params: [], state: st(x), changed: ['x'], violates };
}

describe('neighbourhood', () => {
  it('grows from the initial states by the successors explore lists, keeping each node’s path', () => {
    let nb = addChoices(emptyNeighbourhood, [], undefined, [choice(0, 'Init')]);
    expect(nb.nodes).toHaveLength(1);
    expect(nb.nodes[0]).toMatchObject({ initial: true, expandable: true, depth: 0 });
    nb = addChoices(nb, [0], canonicalStateKey(st(0)), [
      choice(1, 'Inc'),
      choice(2, 'Jump', ['Inv']),
    ]);
    expect(nb.nodes.map((n) => n.depth)).toEqual([0, 1, 1]);
    expect(nb.nodes[0].expandable).toBe(false);
    expect(nb.nodes[2].violating).toBe(true);
    expect(nb.paths).toEqual([[0], [0, 0], [0, 1]]);
    // From 1, state 2 again (a longer way, kept out) and a new state 3.
    nb = addChoices(nb, [0, 0], canonicalStateKey(st(1)), [
      choice(2, 'Inc'),
      choice(3, 'Inc'),
      choice(2, 'Twice'),
    ]);
    expect(nb.paths[2]).toEqual([0, 1]);
    expect(nb.nodes[3]).toMatchObject({ depth: 2, expandable: true });
    expect(nb.edges).toEqual([
      { from: 0, to: 1, actions: ['Inc'], labels: ['Inc'] },
      { from: 0, to: 2, actions: ['Jump'], labels: ['Jump'] },
      { from: 1, to: 2, actions: ['Inc', 'Twice'], labels: ['Inc', 'Twice'] },
      { from: 1, to: 3, actions: ['Inc'], labels: ['Inc'] },
    ]);
    const dot = neighbourhoodStateGraph(nb);
    expect(dot.edges).toHaveLength(5);
    expect(dot.states[0]).toEqual({ id: 0, state: st(0), initial: true });
  });

  it('ignores successors of a state it does not hold', () => {
    const nb = addChoices(emptyNeighbourhood, [0], canonicalStateKey(st(5)), [choice(1, 'Inc')]);
    expect(nb).toBe(emptyNeighbourhood);
  });
});
