/**
 * The order of nodes within each layer of a layered drawing, chosen to reduce edge crossings:
 * barycentre sweeps (Sugiyama, Tagawa and Toda 1981) down and up the layers, keeping the best
 * order seen, with crossings counted by inversions (Barth, Jünger and Mutzel 2004).
 * Only edges between adjacent layers take part: in a BFS layering every forward edge is one,
 * and the others (back edges, self loops) are drawn as arcs that no order would uncross.
 */

/** `layers[l]` lists the nodes of layer l; `neighbours` gives each node's adjacent-layer nodes. */
export interface LayeredGraph {
  layers: number[][];
  layerOf: ArrayLike<number>;
  /** Undirected adjacency restricted to adjacent layers, both directions. */
  neighbours: number[][];
}

export function layeredGraph(
  layerOf: ArrayLike<number>,
  edges: Iterable<{ from: number; to: number }>,
): LayeredGraph {
  const n = layerOf.length;
  let count = 0;
  for (let v = 0; v < n; v++) count = Math.max(count, layerOf[v] + 1);
  const layers: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < n; v++) layers[layerOf[v]].push(v);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const { from, to } of edges) {
    if (Math.abs(layerOf[from] - layerOf[to]) !== 1) continue;
    neighbours[from].push(to);
    neighbours[to].push(from);
  }
  return { layers, layerOf, neighbours };
}

/** Crossings between layer `l` and `l + 1` under the positions `pos`. */
function crossingsBetween(g: LayeredGraph, l: number, pos: Int32Array): number {
  const upper = g.layers[l];
  const lower = g.layers[l + 1];
  if (!upper || !lower) return 0;
  // Edges sorted by upper end, then lower end; crossings are the inversions of the lower ends.
  const ends: number[] = [];
  const byUpper = [...upper].sort((a, b) => pos[a] - pos[b]);
  for (const u of byUpper) {
    const below = g.neighbours[u]
      .filter((v) => g.layerOf[v] === l + 1)
      .map((v) => pos[v])
      .sort((a, b) => a - b);
    ends.push(...below);
  }
  // Fenwick tree over lower positions: for each end, count the ends seen so far that lie after it.
  const tree = new Int32Array(lower.length + 1);
  let crossings = 0;
  let seen = 0;
  for (const p of ends) {
    let atOrBefore = 0;
    for (let i = p + 1; i > 0; i -= i & -i) atOrBefore += tree[i];
    crossings += seen - atOrBefore;
    for (let i = p + 1; i <= lower.length; i += i & -i) tree[i]++;
    seen++;
  }
  return crossings;
}

export function countCrossings(g: LayeredGraph, pos: Int32Array): number {
  let total = 0;
  for (let l = 0; l + 1 < g.layers.length; l++) total += crossingsBetween(g, l, pos);
  return total;
}

function positions(g: LayeredGraph, layers: number[][]): Int32Array {
  const pos = new Int32Array(g.layerOf.length);
  for (const layer of layers) layer.forEach((v, i) => (pos[v] = i));
  return pos;
}

/** Reorders `layers[l]` by the mean position of each node's neighbours in layer `from`. */
function sortByBarycentre(
  g: LayeredGraph,
  layers: number[][],
  l: number,
  from: number,
  pos: Int32Array,
) {
  const weight = new Map<number, number>();
  for (const v of layers[l]) {
    let sum = 0;
    let count = 0;
    for (const u of g.neighbours[v]) {
      if (g.layerOf[u] !== from) continue;
      sum += pos[u];
      count++;
    }
    // A node with no neighbour there keeps its place (scaled to the other layer's positions).
    weight.set(
      v,
      count > 0
        ? sum / count
        : (pos[v] * Math.max(1, layers[from].length)) / Math.max(1, layers[l].length),
    );
  }
  // Array.prototype.sort is stable: ties keep their current order, so sweeps converge.
  layers[l].sort((a, b) => weight.get(a)! - weight.get(b)!);
  layers[l].forEach((v, i) => (pos[v] = i));
}

/** Layer orders after `sweeps` down-and-up passes, the one with fewest crossings. */
export function orderLayers(
  g: LayeredGraph,
  sweeps = 6,
): { layers: number[][]; crossings: number } {
  const layers = g.layers.map((layer) => [...layer]);
  const pos = positions(g, layers);
  let best = { layers: layers.map((l) => [...l]), crossings: countCrossings(g, pos) };
  for (let s = 0; s < sweeps && best.crossings > 0; s++) {
    const down = s % 2 === 0;
    if (down) for (let l = 1; l < layers.length; l++) sortByBarycentre(g, layers, l, l - 1, pos);
    else for (let l = layers.length - 2; l >= 0; l--) sortByBarycentre(g, layers, l, l + 1, pos);
    const crossings = countCrossings(g, pos);
    if (crossings < best.crossings) best = { layers: layers.map((l) => [...l]), crossings };
  }
  return best;
}
