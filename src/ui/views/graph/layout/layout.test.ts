import { describe, expect, it } from 'vitest';
import type { DrawnGraph } from '../model/drawnGraph';
import { placeInOrder } from './coordinates';
import { edgeShape, pointAt } from './edgeShapes';
import { labelBox, placeLabels } from './labelPlacement';
import { layoutGraph, placeEdgeLabels } from './layoutGraph';
import { countCrossings, layeredGraph, orderLayers } from './ordering';

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

describe('layer ordering', () => {
  // Layer 0: a b; layer 1: c d. Edges a-d and b-c cross in the initial order.
  const g = layeredGraph(
    [0, 0, 1, 1],
    [
      { from: 0, to: 3 },
      { from: 1, to: 2 },
    ],
  );

  it('counts crossings between adjacent layers', () => {
    expect(countCrossings(g, Int32Array.from([0, 1, 0, 1]))).toBe(1);
    expect(countCrossings(g, Int32Array.from([0, 1, 1, 0]))).toBe(0);
  });

  it('removes crossings a barycentre sweep can remove', () => {
    const { layers, crossings } = orderLayers(g);
    expect(crossings).toBe(0);
    expect(layers[1]).toEqual([3, 2]);
  });

  it('ignores edges that skip layers or stay in one', () => {
    const h = layeredGraph(
      [0, 1, 2, 2],
      [
        { from: 0, to: 2 },
        { from: 2, to: 3 },
        { from: 1, to: 3 },
      ],
    );
    expect(h.neighbours[0]).toEqual([]);
    expect(h.neighbours[3]).toEqual([1]);
  });
});

describe('placeInOrder', () => {
  it('keeps wanted positions that respect the gaps', () => {
    expect(placeInOrder([0, 20, 50], [10, 10])).toEqual([0, 20, 50]);
  });

  it('spreads crowded nodes evenly around where they want to be', () => {
    expect(placeInOrder([10, 10, 10], [10, 10])).toEqual([0, 10, 20]);
    const y = placeInOrder([0, 0, 100], [10, 10]);
    expect(y).toEqual([-5, 5, 100]);
  });
});

describe('edge shapes', () => {
  const a = { x: 0, y: 0, width: 10, height: 10 };
  const b = { x: 100, y: 40, width: 10, height: 10 };

  it('runs forward edges from the right side of one column to the left side of the next', () => {
    const s = edgeShape(a, b, 0, 1, 80);
    expect(s.kind).toBe('forward');
    expect(pointAt(s.curve, 0)).toEqual({ x: 5, y: 0 });
    expect(pointAt(s.curve, 1)).toEqual({ x: 95, y: 40 });
  });

  it('arches back edges over the nodes and loops self edges above the node', () => {
    const back = edgeShape(b, a, 1, 0, 80);
    expect(back.kind).toBe('back');
    expect(Math.min(...back.curve.map((p) => p.y))).toBeLessThan(-5);
    const self = edgeShape(a, a, 0, 0, 80);
    expect(self.kind).toBe('self');
    expect(pointAt(self.curve, 0.5).y).toBeLessThan(-5);
  });
});

describe('label placement', () => {
  it('never places two labels over each other or over a node', () => {
    const requests = Array.from({ length: 40 }, (_, i) => ({
      text: `Action${i}`,
      candidates: [0, 1, 2].map((k) => ({ x: 50 + k * 15, y: 20 + (i % 5) * 4 })),
    }));
    const node = { x: 50, y: 20, width: 10, height: 10 };
    const placed = placeLabels(requests, [node], 10);
    const boxes = placed.flatMap((p, i) => (p ? [labelBox(requests[i].text, p, 10)] : []));
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.length).toBeLessThan(40);
    for (const b of boxes) expect(overlaps(b, node)).toBe(false);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
  });
});

describe('layoutGraph', () => {
  const state = (x: number) => ({ x: { '#bigint': String(x) }, y: 'a' });
  const graph: DrawnGraph = {
    nodes: [0, 1, 2, 3].map((x) => ({
      key: String(x),
      state: state(x),
      depth: x === 0 ? 0 : x < 3 ? 1 : 2,
      initial: x === 0,
      violating: false,
    })),
    edges: [
      { from: 0, to: 1, actions: ['A'] },
      { from: 0, to: 2, actions: ['B'] },
      { from: 1, to: 3, actions: ['A'] },
      { from: 2, to: 3, actions: ['A', 'B'] },
      { from: 3, to: 0, actions: ['Reset'] },
    ],
  };

  it('puts layers left to right, nodes of a layer apart, and small graphs’ states in boxes', () => {
    const l = layoutGraph(graph, ['x', 'y']);
    expect(l.text?.[0]).toEqual(['x = 0', 'y = "a"']);
    const [n0, n1, n2, n3] = l.boxes;
    expect(n0.x).toBeLessThan(n1.x);
    expect(n1.x).toBe(n2.x);
    expect(n2.x).toBeLessThan(n3.x);
    expect(overlaps(n1, n2)).toBe(false);
    expect(l.shapes.map((s) => s.kind)).toEqual([
      'forward',
      'forward',
      'forward',
      'forward',
      'back',
    ]);
    expect(l.crossings).toBe(0);
  });

  it('places every label of a small graph, and the trace’s first', () => {
    const l = layoutGraph(graph, ['x', 'y']);
    const labels = placeEdgeLabels(graph, l, [4]);
    expect(labels.every(Boolean)).toBe(true);
  });
});
