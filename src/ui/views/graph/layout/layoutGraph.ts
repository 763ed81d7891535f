/**
 * The layered drawing of a `DrawnGraph`, left to right by BFS depth: node sizes, layer order
 * (ordering.ts), coordinates (coordinates.ts), edge curves (edgeShapes.ts). Edge labels are placed
 * separately (`placeEdgeLabels`) because who goes first depends on the trace being shown.
 */
import type { TraceState } from '../../../../check/types';
import { printValueOneLine } from '../../../../formats/tla-value';
import type { DrawnGraph } from '../model/drawnGraph';
import { assignCoordinates } from './coordinates';
import { edgeShape, labelCandidates, type Box, type EdgeShape, type Point } from './edgeShapes';
import { placeLabels } from './labelPlacement';
import { layeredGraph, orderLayers } from './ordering';

export const FONT_SIZE = 10;
const LINE_HEIGHT = 13;
const DOT = 10;

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
  const text = nodeText(graph, vars);
  const sizes = graph.nodes.map((_, i) => {
    const lines = text?.[i];
    if (!lines) return { width: DOT, height: DOT };
    const chars = Math.max(4, ...lines.map((l) => l.length));
    return { width: chars * FONT_SIZE * 0.6 + 12, height: lines.length * LINE_HEIGHT + 8 };
  });
  const longestLabel = Math.max(0, ...graph.edges.map((e) => e.actions.join(', ').length));
  // Room for a label between two columns, within reason: longer ones find space along the curve.
  const layerGap = Math.min(200, Math.max(70, longestLabel * FONT_SIZE * 0.6 + 36));
  const layers = layeredGraph(
    graph.nodes.map((n) => n.depth),
    graph.edges,
  );
  const ordered = orderLayers(layers);
  const { x, y, width, height } = assignCoordinates(layers, ordered.layers, (v) => sizes[v], {
    layerGap,
    nodeGap: text ? 18 : 14,
  });
  const boxes = graph.nodes.map((_, i) => ({ x: x[i], y: y[i], ...sizes[i] }));
  const shapes = graph.edges.map((e) =>
    edgeShape(
      boxes[e.from],
      boxes[e.to],
      graph.nodes[e.from].depth,
      graph.nodes[e.to].depth,
      layerGap,
    ),
  );
  return { boxes, text, shapes, layerGap, width, height, crossings: ordered.crossings };
}

/** Each edge's label centre, or undefined where it does not fit; `first` edges are placed first. */
export function placeEdgeLabels(
  graph: DrawnGraph,
  layout: GraphLayout,
  first: Iterable<number> = [],
): (Point | undefined)[] {
  const order = [...new Set([...first, ...graph.edges.keys()])];
  const requests = order.map((e) => ({
    text: graph.edges[e].actions.join(', '),
    candidates: labelCandidates(layout.shapes[e]),
  }));
  const obstacles = layout.boxes.map((b) => ({ ...b, width: b.width + 4, height: b.height + 4 }));
  const placed = placeLabels(requests, obstacles, FONT_SIZE);
  const out: (Point | undefined)[] = new Array<Point | undefined>(graph.edges.length);
  order.forEach((e, i) => (out[e] = placed[i]));
  return out;
}
