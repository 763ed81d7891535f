/**
 * Coordinates for ordered layers, drawn left to right: each layer a column, each node placed as
 * close as it can to the mean height of its neighbours in the column beside it while keeping the
 * order and the gaps. That is an isotonic regression per column, solved exactly by pooling
 * adjacent violators (PAVA) — straighter edges than stacking columns centred, with no solver.
 */
import type { LayeredGraph } from './ordering';

export interface NodeSize {
  width: number;
  height: number;
}

export interface Spacing {
  /** Free space between two columns. */
  layerGap: number;
  /** Free space between two nodes of a column. */
  nodeGap: number;
  /** Passes of neighbour averaging (alternately towards the left and the right column). */
  passes?: number;
}

/**
 * The `y` closest (least squares) to `want` with `y[i+1] - y[i] >= gap[i]`: with
 * `z[i] = y[i] - offset[i]` the constraint becomes `z` non-decreasing.
 */
export function placeInOrder(want: number[], gap: number[]): number[] {
  const n = want.length;
  const offset = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) offset[i] = offset[i - 1] + gap[i - 1];
  // Blocks of pooled values: mean and size.
  const mean: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < n; i++) {
    mean.push(want[i] - offset[i]);
    size.push(1);
    while (mean.length > 1 && mean[mean.length - 2] > mean[mean.length - 1]) {
      const m2 = mean.pop()!;
      const s2 = size.pop()!;
      const m1 = mean.pop()!;
      const s1 = size.pop()!;
      mean.push((m1 * s1 + m2 * s2) / (s1 + s2));
      size.push(s1 + s2);
    }
  }
  const y: number[] = [];
  mean.forEach((m, b) => {
    for (let k = 0; k < size[b]; k++) y.push(m + offset[y.length]);
  });
  return y;
}

export interface Coordinates {
  x: Float64Array;
  y: Float64Array;
  width: number;
  height: number;
}

export function assignCoordinates(
  g: LayeredGraph,
  layers: number[][],
  size: (node: number) => NodeSize,
  spacing: Spacing,
): Coordinates {
  const n = g.layerOf.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let left = 0;
  for (const layer of layers) {
    const width = Math.max(0, ...layer.map((v) => size(v).width));
    for (const v of layer) x[v] = left + width / 2;
    left += width + spacing.layerGap;
  }
  const gaps = layers.map((layer) =>
    layer.slice(1).map((v, i) => (size(layer[i]).height + size(v).height) / 2 + spacing.nodeGap),
  );
  // Start with each column centred on 0.
  layers.forEach((layer, l) => {
    const placed = placeInOrder(new Array<number>(layer.length).fill(0), gaps[l]);
    layer.forEach((v, i) => (y[v] = placed[i]));
  });
  const passes = spacing.passes ?? 4;
  for (let p = 0; p < passes; p++) {
    const fromLeft = p % 2 === 0;
    const order = layers.map((_, l) => l);
    if (!fromLeft) order.reverse();
    for (const l of order) {
      const side = fromLeft ? l - 1 : l + 1;
      const layer = layers[l];
      const want = layer.map((v) => {
        let sum = 0;
        let count = 0;
        for (const u of g.neighbours[v]) {
          if (g.layerOf[u] !== side) continue;
          sum += y[u];
          count++;
        }
        return count > 0 ? sum / count : y[v];
      });
      placeInOrder(want, gaps[l]).forEach((value, i) => (y[layer[i]] = value));
    }
  }
  // Move the drawing to start at (0, 0).
  let top = Infinity;
  let bottom = -Infinity;
  for (let v = 0; v < n; v++) {
    top = Math.min(top, y[v] - size(v).height / 2);
    bottom = Math.max(bottom, y[v] + size(v).height / 2);
  }
  if (n === 0) top = bottom = 0;
  for (let v = 0; v < n; v++) y[v] -= top;
  return { x, y, width: Math.max(0, left - spacing.layerGap), height: bottom - top };
}
