/**
 * The layered drawing of a `DrawnGraph`, left to right by BFS depth: node sizes, layer order
 * (ordering.ts), coordinates (coordinates.ts), edge curves (edgeShapes.ts). Edge labels are placed
 * separately (`placeEdgeLabels`) because who goes first depends on the trace being shown.
 */
import { edgeText, type DrawnGraph } from '../model/drawnGraph';
import { assignCoordinates } from './coordinates';
import { edgeShape, labelCandidates, type Box, type EdgeShape, type Point } from './edgeShapes';
import { labelBox, placeLabels } from './labelPlacement';
import { layeredGraph, orderLayers } from './ordering';
import type { TraceState } from '../../../../trace/value';
import { printValueOneLine } from '../../../../trace/print';

export const FONT_SIZE = 10;
const LINE_HEIGHT = 13;
const DOT = 10;
/** Room around the drawing for labels sticking out of it. */
const MARGIN = 30;

/** Small graphs show each state's text in its node, as TLC's dot dump does. */
const TEXT_NODES_UP_TO = 40;
const TEXT_NODE_MAX_CHARS = 44;

export interface GraphLayout {
  boxes: Box[];
  /** The text of each node (`x = 1` per variable), when nodes are boxes with text. */
  text?: string[][];
  shapes: EdgeShape[];
  layerGap: number;
  width: number;
  height: number;
  crossings: number;
  /** How long the layout took, for the record (e2e reports it). */
  ms: number;
}

function stateLines(state: TraceState, vars: string[]): string[] {
  return vars.filter((v) => v in state).map((v) => `${v} = ${printValueOneLine(state[v])}`);
}

/** Node text when every state of the graph reads well in a box, else undefined (dots). */
function nodeText(graph: DrawnGraph, vars: string[]): string[][] | undefined {
  if (graph.nodes.length > TEXT_NODES_UP_TO) return undefined;
  const text = graph.nodes.map((n) => stateLines(n.state, vars));
  const fits = text.every(
    (lines) => lines.length <= 6 && lines.every((l) => l.length <= TEXT_NODE_MAX_CHARS),
  );
  return fits ? text : undefined;
}

export function layoutGraph(graph: DrawnGraph, vars: string[]): GraphLayout {
  const started = performance.now();
  const text = nodeText(graph, vars);
  const sizes = graph.nodes.map((_, i) => {
    const lines = text?.[i];
    if (!lines) return { width: DOT, height: DOT };
    const chars = Math.max(4, ...lines.map((l) => l.length));
    return { width: chars * FONT_SIZE * 0.6 + 12, height: lines.length * LINE_HEIGHT + 8 };
  });
  const longestLabel = Math.max(0, ...graph.edges.map((e) => edgeText(e).length));
  // Room for a label between two columns, within reason: longer ones find space along the curve.
  const layerGap = Math.min(200, Math.max(70, longestLabel * FONT_SIZE * 0.6 + 36));
  const layers = layeredGraph(
    graph.nodes.map((n) => n.depth),
    graph.edges,
  );
  const ordered = orderLayers(layers);
  const {
    x,
    y,
    height: columnHeight,
  } = assignCoordinates(layers, ordered.layers, (v) => sizes[v], {
    layerGap,
    nodeGap: text ? 18 : 14,
  });
  const middle = columnHeight / 2;
  const placed = graph.nodes.map((_, i) => ({ x: x[i], y: y[i], ...sizes[i] }));
  const curves = graph.edges.map((e) => {
    const [a, b] = [placed[e.from], placed[e.to]];
    const below = (a.y + b.y) / 2 > middle;
    return edgeShape(a, b, graph.nodes[e.from].depth, graph.nodes[e.to].depth, layerGap, below);
  });
  // Arcs and loops reach outside the nodes' box: the drawing's bounds include them.
  const { boxes, shapes, width, height } = fitToOrigin(placed, curves, MARGIN);
  return {
    boxes,
    text,
    shapes,
    layerGap,
    width,
    height,
    crossings: ordered.crossings,
    ms: performance.now() - started,
  };
}

function fitToOrigin(boxes: Box[], shapes: EdgeShape[], margin: number) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (px: number, py: number) => {
    minX = Math.min(minX, px);
    minY = Math.min(minY, py);
    maxX = Math.max(maxX, px);
    maxY = Math.max(maxY, py);
  };
  for (const b of boxes) {
    grow(b.x - b.width / 2, b.y - b.height / 2);
    grow(b.x + b.width / 2, b.y + b.height / 2);
  }
  // A Bézier curve lies within its control points' hull.
  for (const s of shapes) for (const p of s.curve) grow(p.x, p.y);
  if (boxes.length === 0) minX = minY = maxX = maxY = 0;
  const dx = margin - minX;
  const dy = margin - minY;
  const move = (p: Point) => ({ x: p.x + dx, y: p.y + dy });
  return {
    boxes: boxes.map((b) => ({ ...b, ...move(b) })),
    shapes: shapes.map((s) => ({ kind: s.kind, curve: s.curve.map(move) as EdgeShape['curve'] })),
    width: maxX - minX + 2 * margin,
    height: maxY - minY + 2 * margin,
  };
}

/** Each edge's label centre, or undefined where it does not fit; `first` edges are placed first. */
export function placeEdgeLabels(
  graph: DrawnGraph,
  layout: GraphLayout,
  first: Iterable<number> = [],
): (Point | undefined)[] {
  const order = [...new Set([...first, ...graph.edges.keys()])];
  const requests = order.map((e) => {
    const text = edgeText(graph.edges[e]);
    // Labels stay inside the drawing's bounds: the view fits them and the export keeps them.
    const inside = (p: Point) => {
      const box = labelBox(text, p, FONT_SIZE);
      return (
        box.x - box.width / 2 >= 0 &&
        box.x + box.width / 2 <= layout.width &&
        box.y - box.height / 2 >= 0 &&
        box.y + box.height / 2 <= layout.height
      );
    };
    return { text, candidates: labelCandidates(layout.shapes[e]).filter(inside) };
  });
  const obstacles = layout.boxes.map((b) => ({ ...b, width: b.width + 4, height: b.height + 4 }));
  const placed = placeLabels(requests, obstacles, FONT_SIZE);
  const out: (Point | undefined)[] = new Array<Point | undefined>(graph.edges.length);
  order.forEach((e, i) => (out[e] = placed[i]));
  return out;
}
