/**
 * The curve of each edge between laid-out nodes, as one cubic Bézier: forward edges from the right
 * side of a column to the left side of the next; edges within a column and back edges as arcs
 * beside or above the nodes, so that they never hide the forward flow; self loops as small loops
 * above the node. Also where an arrow head goes and where a label may sit along the curve.
 */

export interface Point {
  x: number;
  y: number;
}

/** A node's box, by its centre. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type EdgeKind = 'forward' | 'same' | 'back' | 'self';

export interface EdgeShape {
  kind: EdgeKind;
  /** Start, two control points, end. */
  curve: [Point, Point, Point, Point];
}

/** `below`: a back edge arches under the nodes instead of over them (those in the lower half). */
export function edgeShape(
  from: Box,
  to: Box,
  fromLayer: number,
  toLayer: number,
  layerGap: number,
  below = false,
): EdgeShape {
  if (from === to) {
    const top = from.y - from.height / 2;
    const r = Math.max(6, Math.min(from.width, 14));
    return {
      kind: 'self',
      curve: [
        { x: from.x - r / 3, y: top },
        { x: from.x - r * 1.4, y: top - r * 2.2 },
        { x: from.x + r * 1.4, y: top - r * 2.2 },
        { x: from.x + r / 3, y: top },
      ],
    };
  }
  if (toLayer === fromLayer + 1) {
    const start = { x: from.x + from.width / 2, y: from.y };
    const end = { x: to.x - to.width / 2, y: to.y };
    const dx = (end.x - start.x) / 2;
    return {
      kind: 'forward',
      curve: [start, { x: start.x + dx, y: start.y }, { x: end.x - dx, y: end.y }, end],
    };
  }
  if (toLayer === fromLayer) {
    const start = { x: from.x + from.width / 2, y: from.y };
    const end = { x: to.x + to.width / 2, y: to.y };
    const bulge = Math.min(layerGap * 0.45, 10 + Math.abs(end.y - start.y) * 0.3);
    return {
      kind: 'same',
      curve: [start, { x: start.x + bulge, y: start.y }, { x: end.x + bulge, y: end.y }, end],
    };
  }
  // Back to an earlier column: leave and arrive from above (or below), arching over what lies
  // between.
  const side = below ? 1 : -1;
  const start = { x: from.x, y: from.y + (side * from.height) / 2 };
  const end = { x: to.x, y: to.y + (side * to.height) / 2 };
  const lift = 16 + Math.abs(end.x - start.x) * 0.12 + Math.abs(end.y - start.y) * 0.1;
  const apex = below ? Math.max(start.y, end.y) + lift : Math.min(start.y, end.y) - lift;
  return {
    kind: 'back',
    curve: [
      start,
      { x: start.x - layerGap * 0.3, y: apex },
      { x: end.x + layerGap * 0.3, y: apex },
      end,
    ],
  };
}

export function pointAt([p0, p1, p2, p3]: EdgeShape['curve'], t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * p0.x + b * p1.x + c * p2.x + d * p3.x,
    y: a * p0.y + b * p1.y + c * p2.y + d * p3.y,
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** SVG path data of the curve, with one decimal: 2,000-node scenes stay small. */
export function curvePath([p0, p1, p2, p3]: EdgeShape['curve']): string {
  return `M${r1(p0.x)} ${r1(p0.y)}C${r1(p1.x)} ${r1(p1.y)} ${r1(p2.x)} ${r1(p2.y)} ${r1(p3.x)} ${r1(p3.y)}`;
}

/** A filled triangle with its tip at the curve's end, pointing along the curve's last tangent. */
export function arrowHeadPath(
  [, p1, p2, p3]: EdgeShape['curve'],
  length = 6,
  halfWidth = 2.6,
): string {
  let dx = p3.x - p2.x;
  let dy = p3.y - p2.y;
  if (Math.hypot(dx, dy) < 1e-6) {
    dx = p3.x - p1.x;
    dy = p3.y - p1.y;
  }
  const norm = Math.hypot(dx, dy) || 1;
  const ux = dx / norm;
  const uy = dy / norm;
  const bx = p3.x - ux * length;
  const by = p3.y - uy * length;
  return `M${r1(p3.x)} ${r1(p3.y)}L${r1(bx - uy * halfWidth)} ${r1(by + ux * halfWidth)}L${r1(bx + uy * halfWidth)} ${r1(by - ux * halfWidth)}Z`;
}

/** Where a label may go, best first: the middle, then farther along either way. */
export function labelCandidates(shape: EdgeShape): Point[] {
  if (shape.kind === 'self') {
    const top = pointAt(shape.curve, 0.5);
    return [{ x: top.x, y: top.y - 7 }];
  }
  return [0.5, 0.38, 0.62, 0.27, 0.73, 0.18, 0.82].map((t) => pointAt(shape.curve, t));
}
