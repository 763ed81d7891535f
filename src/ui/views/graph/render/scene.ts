/**
 * The state graph as SVG markup, from a layout: pure functions of their input, used both by the
 * view (inserted into its zoomable <svg>) and by the SVG export (wrapped by `standaloneSvg`).
 *
 * Two layers, as Excalidraw splits its static and interactive scenes: the static scene (edges,
 * labels, nodes) changes only with the graph or the trace whose labels go first; the overlay (the
 * trace, the selected state) changes at every step of the stepper and is cheap to redraw.
 * Edges of one colour and one tile of the drawing are one <path>, and one more for their arrow
 * heads: few elements (not one per edge), yet the browser can skip what is off screen.
 */
import { edgeText, type DrawnGraph } from '../model/drawnGraph';
import { arrowHeadPath, curvePath, type Box, type Point } from '../layout/edgeShapes';
import { FONT_SIZE, type GraphLayout } from '../layout/layoutGraph';
import { CATEGORY_CSS, categoryClass, escapeXml } from './palette';

export const GRAPH_CSS = `${CATEGORY_CSS}
.gv-edges path{fill:none;stroke-width:1.2;opacity:.7}
.gv-edges path.gv-head{fill:currentColor;stroke:none}
.gv-label{font:${FONT_SIZE}px var(--pic-mono,monospace);fill:var(--pic-muted);paint-order:stroke;stroke:var(--pic-bg);stroke-width:3px;stroke-linejoin:round}
.gv-node{fill:var(--pic-node);stroke:var(--pic-node-stroke);stroke-width:1.2}
.gv-node--initial{fill:var(--pic-initial);stroke-width:2}
.gv-node--violating{fill:var(--pic-violating);stroke:var(--pic-violating)}
.gv-node--expandable{stroke-dasharray:2 1.5}
.gv-text{font:${FONT_SIZE}px var(--pic-mono,monospace);fill:var(--pic-text);pointer-events:none}
.gv-trace-edge{fill:none;stroke:var(--pic-trace);stroke-width:2.6;stroke-linecap:round}
.gv-trace-node{fill:none;stroke:var(--pic-trace);stroke-width:2}
.gv-step{font:bold ${FONT_SIZE}px var(--pic-mono,monospace);fill:var(--pic-trace);paint-order:stroke;stroke:var(--pic-bg);stroke-width:3px}
.gv-selected{fill:none;stroke:var(--pic-selected);stroke-width:3.5}
.gv-legend{font:11px var(--pic-sans,sans-serif);fill:var(--pic-text)}`;

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Side of the square tiles edges are grouped by (drawing units). One path per colour made panning
 * at scale 1 take 130 ms a frame (Paxos, 1,681 states); tiles of 120–600 bring it to 17–33 ms.
 */
const EDGE_TILE = 200;

/** A node's outline: circle, square for initial states, diamond for violating ones; boxes keep their rectangle. */
function nodeShape(
  box: Box,
  cls: string,
  attrs: string,
  textNode: boolean,
  initial: boolean,
  violating: boolean,
): string {
  const { x, y, width: w, height: h } = box;
  if (textNode)
    return `<rect class="${cls}" ${attrs} x="${r1(x - w / 2)}" y="${r1(y - h / 2)}" width="${r1(w)}" height="${r1(h)}" rx="4"/>`;
  if (violating) {
    const r = w * 0.75;
    return `<path class="${cls}" ${attrs} d="M${r1(x)} ${r1(y - r)}L${r1(x + r)} ${r1(y)}L${r1(x)} ${r1(y + r)}L${r1(x - r)} ${r1(y)}Z"/>`;
  }
  if (initial)
    return `<rect class="${cls}" ${attrs} x="${r1(x - w / 2)}" y="${r1(y - h / 2)}" width="${w}" height="${h}"/>`;
  return `<circle class="${cls}" ${attrs} cx="${r1(x)}" cy="${r1(y)}" r="${w / 2}"/>`;
}

/** A mark beside a text box saying what plain boxes cannot show by shape. */
function boxBadge(box: Box, initial: boolean, violating: boolean): string {
  const x = box.x - box.width / 2;
  const y = box.y - box.height / 2;
  const marks: string[] = [];
  if (initial)
    marks.push(`<path class="gv-node gv-node--initial" d="M${r1(x - 9)} ${r1(y + 2)}l7 5l-7 5z"/>`);
  if (violating)
    marks.push(
      `<path class="gv-node gv-node--violating" d="M${r1(x + box.width + 5)} ${r1(y - 1)}l5 5l-5 5l-5 -5z"/>`,
    );
  return marks.join('');
}

export interface StaticSceneInput {
  graph: DrawnGraph;
  layout: GraphLayout;
  labels: (Point | undefined)[];
  /** The legend's action order: an action's index picks its colour. */
  actions: string[];
}

export function renderStaticScene({ graph, layout, labels, actions }: StaticSceneInput): string {
  const colour = new Map(actions.map((a, i) => [a, i]));
  // Edges of one colour are chunked by where they start: a chunk's path is painted only when its
  // tile is on screen, so zoomed in, the browser skips most of them.
  const chunks = new Map<string, { k: number; lines: string[]; heads: string[] }>();
  graph.edges.forEach((e, i) => {
    const k = colour.get(e.actions[0]) ?? 0;
    const start = layout.shapes[i].curve[0];
    const key = `${k}|${Math.floor(start.x / EDGE_TILE)},${Math.floor(start.y / EDGE_TILE)}`;
    let chunk = chunks.get(key);
    if (!chunk) chunks.set(key, (chunk = { k, lines: [], heads: [] }));
    chunk.lines.push(curvePath(layout.shapes[i].curve));
    chunk.heads.push(arrowHeadPath(layout.shapes[i].curve));
  });
  const out: string[] = ['<g class="gv-edges">'];
  for (const { k, lines, heads } of chunks.values()) {
    out.push(`<path class="${categoryClass(k)}" d="${lines.join('')}"/>`);
    out.push(`<path class="gv-head ${categoryClass(k)}" d="${heads.join('')}"/>`);
  }
  out.push('</g><g class="gv-labels">');
  graph.edges.forEach((e, i) => {
    const at = labels[i];
    if (!at) return;
    out.push(
      `<text class="gv-label" x="${r1(at.x)}" y="${r1(at.y + FONT_SIZE * 0.35)}" text-anchor="middle">${escapeXml(edgeText(e))}</text>`,
    );
  });
  out.push('</g><g class="gv-nodes">');
  graph.nodes.forEach((n, i) => {
    const cls = [
      'gv-node',
      n.initial && 'gv-node--initial',
      n.violating && 'gv-node--violating',
      n.expandable && 'gv-node--expandable',
    ]
      .filter(Boolean)
      .join(' ');
    const box = layout.boxes[i];
    const text = layout.text?.[i];
    out.push(nodeShape(box, cls, `data-node="${i}"`, !!text, n.initial, n.violating));
    if (text) {
      out.push(boxBadge(box, n.initial, n.violating));
      const top = box.y - box.height / 2 + 4 + FONT_SIZE;
      text.forEach((line, j) => {
        out.push(
          `<text class="gv-text" x="${r1(box.x - box.width / 2 + 6)}" y="${r1(top + j * 13)}">${escapeXml(line)}</text>`,
        );
      });
    }
  });
  out.push('</g>');
  return out.join('');
}

export interface OverlayInput {
  graph: DrawnGraph;
  layout: GraphLayout;
  /** The node of each trace state, -1 where the graph lacks it. */
  traceNodes: number[];
  /** Index into `traceNodes`. */
  selectedStep: number;
  /** A lasso's loop: the last state steps back to this one. */
  loop?: number;
}

/** The shown trace over the graph: its edges, its states numbered as TLC numbers them, the selected one ringed. */
export function renderOverlay({
  graph,
  layout,
  traceNodes,
  selectedStep,
  loop,
}: OverlayInput): string {
  const edgeOf = new Map(graph.edges.map((e, i) => [`${e.from}>${e.to}`, i]));
  const steps = traceNodes.map((to, i) => [traceNodes[i - 1], to]).slice(1);
  if (loop !== undefined) steps.push([traceNodes[traceNodes.length - 1], traceNodes[loop]]);
  const paths: string[] = [];
  for (const [from, to] of steps) {
    const e = edgeOf.get(`${from}>${to}`);
    if (e !== undefined)
      paths.push(curvePath(layout.shapes[e].curve), arrowHeadPath(layout.shapes[e].curve, 8, 3.5));
  }
  const out = [`<path class="gv-trace-edge" d="${paths.join('')}"/>`];
  // A state visited twice gets both numbers: `3,7`.
  const numbersOf = new Map<number, number[]>();
  traceNodes.forEach((node, i) => {
    if (node >= 0) numbersOf.set(node, [...(numbersOf.get(node) ?? []), i + 1]);
  });
  for (const [node, numbers] of numbersOf) {
    const b = layout.boxes[node];
    const pad = 3;
    out.push(
      `<rect class="gv-trace-node" x="${r1(b.x - b.width / 2 - pad)}" y="${r1(b.y - b.height / 2 - pad)}" width="${r1(b.width + 2 * pad)}" height="${r1(b.height + 2 * pad)}" rx="${layout.text ? 5 : b.width / 2 + pad}"/>`,
    );
    out.push(
      `<text class="gv-step" x="${r1(b.x - b.width / 2 - pad)}" y="${r1(b.y - b.height / 2 - pad - 2)}" text-anchor="end">${numbers.join(',')}</text>`,
    );
  }
  const selected = traceNodes[selectedStep];
  if (selected !== undefined && selected >= 0) {
    const b = layout.boxes[selected];
    const pad = 7;
    out.push(
      `<rect class="gv-selected" data-selected="${selected}" data-step="${selectedStep + 1}" x="${r1(b.x - b.width / 2 - pad)}" y="${r1(b.y - b.height / 2 - pad)}" width="${r1(b.width + 2 * pad)}" height="${r1(b.height + 2 * pad)}" rx="${layout.text ? 7 : b.width / 2 + pad}"/>`,
    );
  }
  return out.join('');
}

/** The legend as SVG, for the exported file (the view shows it as HTML). */
export function renderLegend(actions: string[], x: number, y: number): string {
  const out = [`<g class="gv-legend" transform="translate(${x} ${y})">`];
  actions.forEach((a, k) => {
    out.push(`<path class="${categoryClass(k)}" d="M0 ${k * 16}h22" stroke-width="2.5"/>`);
    out.push(`<text x="28" y="${k * 16 + 4}">${escapeXml(a)}</text>`);
  });
  out.push('</g>');
  return out.join('');
}

/**
 * A self-contained SVG document: its own styles with the palette's colours written in (not as CSS
 * variables, which not every SVG reader knows), for a file or another page.
 */
export function standaloneSvg(
  body: string,
  width: number,
  height: number,
  css: string,
  vars: Record<string, string>,
): string {
  const resolved = css.replace(
    /var\((--[\w-]+)(?:,([^)]*))?\)/g,
    (whole, name: string, fallback?: string) => vars[name] ?? fallback ?? whole,
  );
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<style>${resolved}</style>`,
    `<rect width="100%" height="100%" fill="${vars['--pic-bg'] ?? '#fff'}"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
