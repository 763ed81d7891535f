import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StateGraph } from '../check/contract/types';
import {
  edgeKey,
  keyedGraph,
  parseStateLabel,
  readTlcDot,
  unescapeDotLabel,
  writeDot,
} from './dot';
import type { TraceValue } from '../trace/value';
import { printState } from '../trace/print';
import { canonicalStateKey } from '../trace/keys';

const GRAPHS = join(__dirname, '../../../shared/corpus/stategraphs');
const dotFiles = readdirSync(GRAPHS).filter((f) => f.endsWith('.dot'));
const int = (n: number): TraceValue => ({ '#bigint': String(n) });

/** Labels of TLC's node lines, unescaped. */
function labels(text: string): string[] {
  return [...text.matchAll(/^-?\d+ \[label="((?:[^"\\]|\\.)*)"/gm)].map((m) =>
    unescapeDotLabel(m[1]),
  );
}

describe('readTlcDot', () => {
  it('reads every dot file of the corpus', () => {
    expect(dotFiles.length).toBeGreaterThan(100);
    for (const f of dotFiles) {
      const text = readFileSync(join(GRAPHS, f), 'utf8');
      const g = readTlcDot(text);
      expect(g.states.size, f).toBe(new Set(labels(text)).size);
      // An empty graph (simple_extends_instance) is a model TLC could not check: no state at all.
      expect(g.initial.size > 0 || g.states.size === 0, f).toBe(true);
    }
  });

  it('reads DieHard: 16 states, one initial, edges deduplicated', () => {
    const g = readTlcDot(readFileSync(join(GRAPHS, 'DieHard.tla.dot'), 'utf8'));
    expect(g.states.size).toBe(16);
    expect([...g.initial].map((k) => g.states.get(k))).toEqual([{ big: int(0), small: int(0) }]);
    const start = canonicalStateKey({ big: int(0), small: int(0) });
    expect(g.edges.has(edgeKey(start, canonicalStateKey({ big: int(5), small: int(0) })))).toBe(
      true,
    );
    expect(g.edges.has(edgeKey(start, start))).toBe(true);
  });

  it('reprints every corpus label exactly, except the forms a TraceValue does not keep', () => {
    // TLC prints an interval value as `1..3` and an empty function as `<< >>`; as values they are
    // `{1, 2, 3}` and `<<>>`, which is what we print.
    const lossy = (label: string) => /\d\.\.\d/.test(label) || label.includes('<< >>');
    let exact = 0;
    for (const f of dotFiles) {
      for (const label of labels(readFileSync(join(GRAPHS, f), 'utf8'))) {
        const state = parseStateLabel(label);
        const again = printState(state, Object.keys(state));
        if (lossy(label)) continue;
        expect(again, f).toBe(label);
        exact++;
      }
    }
    expect(exact).toBeGreaterThan(1400);
  });
});

describe('writeDot', () => {
  const graph: StateGraph = {
    states: [
      { id: 0, state: { x: int(0), s: 'a"b' }, initial: true },
      { id: 1, state: { x: int(1), s: 'a"b' }, initial: false },
    ],
    edges: [
      { from: 0, to: 1, action: 'Inc' },
      { from: 1, to: 1, action: 'Stay' },
      { from: 1, to: 0, action: 'Reset' },
    ],
    truncated: false,
  };

  it('writes the dot TLC writes, with action labels', () => {
    expect(writeDot(graph, ['x', 's'])).toBe(
      [
        'strict digraph DiskGraph {',
        'nodesep=0.35;',
        'subgraph cluster_graph {',
        'color="white";',
        '0 [label="/\\\\ x = 0\\n/\\\\ s = \\"a\\\\\\"b\\"",style = filled]',
        '0 -> 1 [label="Inc",color="black",fontcolor="black"];',
        '1 [label="/\\\\ x = 1\\n/\\\\ s = \\"a\\\\\\"b\\""];',
        '1 -> 1 [label="Stay",color="black",fontcolor="black"];',
        '1 -> 0 [label="Reset",color="black",fontcolor="black"];',
        '{rank = same; 0;}',
        '{rank = same; 1;}',
        '}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('reads back to the same keyed graph', () => {
    const back = readTlcDot(writeDot(graph, ['x', 's']));
    const ours = keyedGraph(graph);
    expect([...back.states.keys()].sort()).toEqual([...ours.states.keys()].sort());
    expect([...back.edges].sort()).toEqual([...ours.edges].sort());
    expect([...back.initial]).toEqual([...ours.initial]);
    expect(back.edgeActions).toEqual(ours.edgeActions);
  });
});
