/** The pieces of a recorded graph shown when it is too large to read whole: around, and by cluster. */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../../../check/check';
import type { StateGraph } from '../../../../check/contract/types';
import { examples } from '../../../examples';
import { clusterChoices, clusterGraph, locateInClusters, parseClusterExpr } from './clusters';
import { edgeText, locateStates } from './drawnGraph';
import { adjacencyOf, grow, localGraph, seedStates } from './localGraph';
import { wholeGraph } from './wholeGraph';
import type { TraceState } from '../../../../trace/value';
import { canonicalStateKey } from '../../../../trace/keys';

const twoPhase = examples.find((e) => e.id === 'TwoPhase')!;
const result = await checkModel({
  files: [{ name: 'TwoPhase.tla', text: twoPhase.files['TwoPhase.tla'] }],
  mainModule: 'TwoPhase',
  cfg: twoPhase.files['TwoPhase.cfg'],
  options: { collectGraph: true, maxGraphStates: 2000 },
});
const whole = wholeGraph(result.graph as StateGraph);
const adj = adjacencyOf(whole);

describe('the recorded graph’s edges', () => {
  it('carry their steps’ parameters, as the trace labels them', () => {
    expect(whole.nodes).toHaveLength(288);
    const texts = whole.edges.map(edgeText);
    expect(texts).toContain('RMPrepare(r1)');
    expect(texts).toContain('TMCommit');
    expect(texts.filter((t) => /^RMPrepare$/.test(t))).toEqual([]);
  });
});

describe('around the trace', () => {
  it('starts from the initial state and its successors, and grows a ring at a time', () => {
    const seed = seedStates(whole, adj, [], 0);
    const local = localGraph(whole, adj, seed);
    expect(local.nodes.length).toBeGreaterThan(1);
    expect(local.nodes.length).toBeLessThan(12);
    expect(local.nodes.some((n) => n.expandable)).toBe(true);
    const bigger = grow(adj, seed);
    expect(bigger.size).toBeGreaterThan(seed.size);
    // A state's own neighbours only.
    const one = grow(adj, seed, [local.origin[1]]);
    expect(one.size).toBeLessThanOrEqual(bigger.size);
    expect([...seed].every((n) => one.has(n))).toBe(true);
  });

  it('keeps a trace’s states and the selected one’s neighbours', () => {
    const path = [0, 1, 2, 3].map((k) => k);
    const trace = path.map((i) => whole.nodes[i].state);
    const nodes = locateStates(whole, trace.map(canonicalStateKey));
    const seed = seedStates(whole, adj, nodes, 2);
    for (const n of nodes) expect(seed.has(n)).toBe(true);
    for (const n of adj.next[nodes[2]]) expect(seed.has(n)).toBe(true);
  });
});

describe('clusters', () => {
  it('groups the states by an expression, with the actions between the groups', () => {
    const expr = parseClusterExpr('tmState');
    if ('error' in expr) throw new Error(expr.error);
    const c = clusterGraph(whole, expr);
    const names = c.nodes.map(
      (n) => `${n.state.tmState as string}:${(n.state.states as { '#bigint': string })['#bigint']}`,
    );
    expect(names.sort()).toEqual(
      ['aborted:', 'committed:', 'init:'].map((x) => expect.stringContaining(x)),
    );
    expect(c.members.flat()).toHaveLength(288);
    const init = c.nodes.findIndex((n) => n.state.tmState === 'init');
    expect(c.nodes[init].initial).toBe(true);
    const commit = c.edges.find((e) => e.actions.includes('TMCommit'))!;
    expect(c.nodes[commit.to].state.tmState).toBe('committed');
  });

  it('reads functions, fields and sizes, and says what it does not understand', () => {
    const s: TraceState = {
      rm: { '#map': [[{ '#mv': 'r1' }, 'working']] },
      pc: { p1: 'cs' },
      msgs: { '#set': [{ type: 'Commit' }] },
      q: [{ '#bigint': '1' }],
    };
    const value = (text: string) => {
      const e = parseClusterExpr(text);
      return 'error' in e ? e.error : e.evaluate(s);
    };
    expect(value('rm[r1]')).toBe('working');
    expect(value('pc["p1"]')).toBe('cs');
    expect(value('pc.p1')).toBe('cs');
    expect(value('Cardinality(msgs)')).toEqual({ '#bigint': '1' });
    expect(value('Len(q)')).toEqual({ '#bigint': '1' });
    expect(value('DOMAIN pc')).toEqual({ '#set': ['p1'] });
    expect(value('rm[r2]')).toBeUndefined();
    expect(value('1 + x')).toMatch(/start with a variable/);
    expect(value('pc[p1')).toMatch(/without its \]/);
    expect(clusterChoices(s, ['rm', 'pc', 'msgs', 'q'])).toEqual([
      'rm',
      'rm[r1]',
      'pc',
      'pc.p1',
      'msgs',
      'Cardinality(msgs)',
      'q',
      'Len(q)',
      'q[1]',
    ]);
  });

  it('finds a trace’s states among the clusters', () => {
    const expr = parseClusterExpr('tmState') as Exclude<
      ReturnType<typeof parseClusterExpr>,
      { error: string }
    >;
    const c = clusterGraph(whole, expr);
    const at = locateInClusters(c, expr, [whole.nodes[0].state, { tmState: 'nowhere' }]);
    expect(at[0]).toBeGreaterThanOrEqual(0);
    expect(at[1]).toBe(-1);
  });
});
