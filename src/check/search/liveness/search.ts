/**
 * The search for a fair cycle that violates a property, on the product of the behaviour graph
 * (with a stuttering step on every state, as TLC allows infinite stuttering unless fairness
 * forbids it) and the tableau automaton of what must hold along the behaviour.
 *
 * A violating behaviour ends in a cycle that (a) visits every acceptance set of the automaton and
 * (b) satisfies every clause: fairness and the `[]<>` / `<>[]` parts of the negated property. As
 * usual (Lichtenstein and Pnueli 1985; Emerson and Lei 1986) we look at strongly connected
 * components: a `[]<>L` literal holds of a component where L holds somewhere (a cycle can visit all
 * of it), a `<>[]L` literal where L holds everywhere; when a clause fails only because a `<>[]L`
 * literal does not hold everywhere, the component is cut down to where L holds and searched again.
 * Components come from Tarjan's algorithm, written with an explicit stack (no recursion limit).
 */
import type { Automaton } from './tableau';
import type { Clause, CycleLit } from './formula';

export interface BehaviourAdjacency {
  stateCount: number;
  initial: number[];
  off: Int32Array;
  dst: Int32Array;
  eid: Int32Array;
  /**
   * With SYMMETRY or VIEW: runs `f` with the state atoms of edge e's target read on the successor
   * that step computed (graph.ts). TLC keeps a tableau transition only where the successor it
   * computed is consistent with the tableau node, not the state recorded for its class.
   */
  onSuccessor?: (e: number, f: () => boolean) => boolean;
}

/** A lasso in the behaviour graph: state ids, the cycle returning to `states[loop]`. */
export interface Lasso {
  states: number[];
  loop: number;
}

class Product {
  /** Per product node: behaviour state and automaton node. */
  ps: Int32Array;
  pq: Int32Array;
  /** Product edges as compressed rows; pedge = behaviour edge id, -1 for a stuttering step. */
  off: Int32Array;
  dst: Int32Array;
  pedge: Int32Array;
  /** BFS parent, for the stem of a counterexample. */
  parent: Int32Array;
  count: number;

  constructor(g: BehaviourAdjacency, a: Automaton) {
    const Q = a.labels.length;
    const index = new Int32Array(g.stateCount * Q).fill(-1);
    // Growable typed buffers (no closure or boxed number per node or edge: this loop runs once per
    // product edge, 280k times on dijkstra-mutex).
    let ps = new Int32Array(1024);
    let pq = new Int32Array(1024);
    let parent = new Int32Array(1024);
    let offs = new Int32Array(1025);
    let dst = new Int32Array(4096);
    let pedge = new Int32Array(4096);
    let count = 0;
    let edges = 0;
    const labels = a.labels;
    const onSuccessor = g.onSuccessor;
    const reads = (q: number, s: number): boolean => {
      const l = labels[q];
      for (let i = 0; i < l.length; i++) if (!l[i](s, -1)) return false;
      return true;
    };
    const node = (s: number, q: number, from: number): number => {
      const k = s * Q + q;
      if (index[k] < 0) {
        if (count === ps.length) {
          ps = grow(ps);
          pq = grow(pq);
          parent = grow(parent);
          offs = grow(offs);
        }
        index[k] = count;
        ps[count] = s;
        pq[count] = q;
        parent[count] = from;
        count++;
      }
      return index[k];
    };
    const addEdge = (to: number, e: number): void => {
      if (edges === dst.length) {
        dst = grow(dst);
        pedge = grow(pedge);
      }
      dst[edges] = to;
      pedge[edges] = e;
      edges++;
    };
    for (const s of g.initial) for (const q of a.initial) if (reads(q, s)) node(s, q, -1);
    // Nodes are numbered in BFS order, so expanding them in index order is a BFS and the parent
    // links give shortest stems.
    for (let p = 0; p < count; p++) {
      const s = ps[p];
      const succ = a.succ[pq[p]];
      // The stuttering step first, then the behaviour graph's edges.
      for (let k = g.off[s] - 1; k < g.off[s + 1]; k++) {
        const t = k < g.off[s] ? s : g.dst[k];
        const e = k < g.off[s] ? -1 : g.eid[k];
        for (let j = 0; j < succ.length; j++) {
          const q2 = succ[j];
          if (
            labels[q2].length > 0 &&
            !(e >= 0 && onSuccessor ? onSuccessor(e, () => reads(q2, t)) : reads(q2, t))
          )
            continue;
          addEdge(node(t, q2, p), e);
        }
      }
      offs[p + 1] = edges;
    }
    this.count = count;
    this.ps = ps.slice(0, count);
    this.pq = pq.slice(0, count);
    this.parent = parent.slice(0, count);
    this.off = offs.slice(0, count + 1);
    this.dst = dst.slice(0, edges);
    this.pedge = pedge.slice(0, edges);
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

type EdgeOk = (k: number) => boolean;

/**
 * Searches for a fair violating cycle; returns the lasso in the behaviour graph, or undefined.
 * `clauses` are fairness and property cycle conditions; the automaton's acceptance sets are added.
 */
export function findViolation(
  g: BehaviourAdjacency,
  aut: Automaton,
  clauses: Clause[],
): Lasso | undefined {
  const P = new Product(g, aut);
  if (P.count === 0) return undefined;
  // Literals over product nodes and edges.
  const nodeLit = (l: CycleLit) => (p: number) => l.test(P.ps[p], -1);
  const edgeLit = (l: CycleLit) => (k: number, from: number) => l.test(P.ps[from], P.pedge[k]);
  // Clauses in order of cost: acceptance sets, the property's own conditions, then fairness (which
  // evaluates ENABLED and action predicates), so fairness is only checked on components that could
  // violate the property. Within a clause, literals in the order written: for WF, "disabled
  // somewhere" before "taken on some edge" (edges first was 5x slower on
  // allocator/AllocatorImplementation: an action predicate on every edge of a large component
  // costs more than ENABLED on its states).
  const acceptance = aut.accepting.map((acc): Clause => [
    { kind: 'ae', onEdge: false, test: () => true, acc } as CycleLit & { acc: Uint8Array },
  ]);
  const all: Clause[] = [...acceptance, ...clauses];
  const accOf = (l: CycleLit) => (l as CycleLit & { acc?: Uint8Array }).acc;

  const inSet = new Int32Array(P.count).fill(-1); // stamp of the current sub-search
  const comp = new Int32Array(P.count);
  let stamp = 0;

  const nodeHolds = (l: CycleLit, p: number): boolean => {
    const acc = accOf(l);
    return acc ? acc[P.pq[p]] === 1 : nodeLit(l)(p);
  };

  // Tarjan's working arrays, sized once: `tIndex` is valid for nodes stamped with the current
  // call's stamp in `tStamp` (sub-searches reuse them without clearing).
  const tIndex = new Int32Array(P.count);
  const tLow = new Int32Array(P.count);
  const tStamp = new Int32Array(P.count).fill(-1);
  const tOnStack = new Uint8Array(P.count);
  const tEdge = new Int32Array(P.count); // next out-edge to look at, per node on the work stack

  /** Tarjan's SCCs of the sub-graph of `nodes` with edges passing `ok`; components in reverse topological order. */
  const sccs = (nodes: number[], ok: EdgeOk): number[][] => {
    const my = ++stamp;
    for (const p of nodes) inSet[p] = my;
    const stack: number[] = [];
    const work: number[] = [];
    const out: number[][] = [];
    let counter = 0;
    const visit = (v: number) => {
      tStamp[v] = my;
      tIndex[v] = tLow[v] = counter++;
      tEdge[v] = P.off[v];
      stack.push(v);
      tOnStack[v] = 1;
      work.push(v);
    };
    for (const root of nodes) {
      if (tStamp[root] === my) continue;
      visit(root);
      while (work.length) {
        const v = work[work.length - 1];
        if (tEdge[v] < P.off[v + 1]) {
          const k = tEdge[v]++;
          const w = P.dst[k];
          if (inSet[w] !== my || !ok(k)) continue;
          if (tStamp[w] !== my) visit(w);
          else if (tOnStack[w] && tIndex[w] < tLow[v]) tLow[v] = tIndex[w];
          continue;
        }
        work.pop();
        if (work.length) {
          const u = work[work.length - 1];
          if (tLow[v] < tLow[u]) tLow[u] = tLow[v];
        }
        if (tLow[v] === tIndex[v]) {
          const c: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            tOnStack[w] = 0;
            c.push(w);
          } while (w !== v);
          out.push(c);
        }
      }
    }
    return out;
  };

  type Found = { nodes: number[]; ok: EdgeOk; entry: number };
  /**
   * Finds a component (within `nodes`, edges `ok`) satisfying every clause: of those, the one
   * closest to an initial state (smallest BFS number), for a short counterexample.
   */
  const search = (nodes: number[], ok: EdgeOk): Found | undefined => {
    let best: Found | undefined;
    const better = (f: Found | undefined) => {
      if (f && (!best || f.entry < best.entry)) best = f;
    };
    for (const c of sccs(nodes, ok)) {
      const my = ++stamp;
      for (const p of c) {
        inSet[p] = my;
        comp[p] = my;
      }
      const inside = (p: number, k: number) =>
        comp[P.dst[k]] === my && inSet[P.dst[k]] === my && ok(k) && comp[p] === my;
      // A single state without an edge to itself is no cycle.
      let cyclic = false;
      for (const p of c)
        for (let k = P.off[p]; k < P.off[p + 1] && !cyclic; k++) if (inside(p, k)) cyclic = true;
      if (!cyclic) continue;
      let failed = false;
      let refine: { nodes: number[]; ok: EdgeOk }[] | undefined;
      for (const clause of all) {
        let sat = false;
        const cuts: { nodes: number[]; ok: EdgeOk }[] = [];
        for (const l of clause) {
          if (l.kind === 'ae') {
            if (l.onEdge) {
              const t = edgeLit(l);
              outer: for (const p of c)
                for (let k = P.off[p]; k < P.off[p + 1]; k++)
                  if (inside(p, k) && t(k, p)) {
                    sat = true;
                    break outer;
                  }
            } else sat = c.some((p) => nodeHolds(l, p));
          } else if (l.onEdge) {
            const t = edgeLit(l);
            let everywhere = true;
            outer2: for (const p of c)
              for (let k = P.off[p]; k < P.off[p + 1]; k++)
                if (inside(p, k) && !t(k, p)) {
                  everywhere = false;
                  break outer2;
                }
            if (everywhere) sat = true;
            else cuts.push({ nodes: c, ok: (k) => ok(k) && t(k, srcOf(k)) });
          } else {
            const keep = c.filter((p) => nodeHolds(l, p));
            if (keep.length === c.length) sat = true;
            else if (keep.length) cuts.push({ nodes: keep, ok });
          }
          if (sat) break;
        }
        if (sat) continue;
        failed = true;
        if (cuts.length && !refine) refine = cuts;
        break;
      }
      if (!failed) {
        better({ nodes: c, ok, entry: c.reduce((a, b) => Math.min(a, b)) }); // no spread: components can be huge
        continue;
      }
      // Cut the component down to where an eventually-always literal holds, and look again.
      for (const r of refine ?? []) better(search(r.nodes, r.ok));
    }
    return best;
  };
  // Source node of a product edge (edges are grouped by source in `off`).
  const srcIndex = new Int32Array(P.dst.length);
  for (let p = 0; p < P.count; p++) for (let k = P.off[p]; k < P.off[p + 1]; k++) srcIndex[k] = p;
  const srcOf = (k: number) => srcIndex[k];

  const allNodes = Array.from({ length: P.count }, (_, i) => i);
  const found = search(allNodes, () => true);
  if (!found) return undefined;
  return lasso(P, found.nodes, found.ok, all, nodeHolds, edgeLit, srcOf);
}

/**
 * A counterexample: the shortest stem to the component, then a cycle through it that passes a
 * witness of every `[]<>` literal the clauses rely on.
 */
function lasso(
  P: Product,
  nodes: number[],
  ok: EdgeOk,
  clauses: Clause[],
  nodeHolds: (l: CycleLit, p: number) => boolean,
  edgeLit: (l: CycleLit) => (k: number, from: number) => boolean,
  srcOf: (k: number) => number,
): Lasso {
  const member = new Set(nodes);
  const inside = (k: number) => member.has(P.dst[k]) && member.has(srcOf(k)) && ok(k);
  // Entry: the component's node closest to an initial node (BFS numbering).
  const entry = nodes.reduce((a, b) => Math.min(a, b));
  const stem: number[] = [];
  for (let p = entry; p >= 0; p = P.parent[p]) stem.push(p);
  stem.reverse();
  /** Shortest path inside the component from `a` to `b` (node list without `a`). */
  const path = (a: number, b: number, nonEmpty: boolean): number[] => {
    if (a === b && !nonEmpty) return [];
    const prev = new Map<number, number>();
    const queue = [a];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i];
      for (let k = P.off[v]; k < P.off[v + 1]; k++) {
        if (!inside(k)) continue;
        const w = P.dst[k];
        if (prev.has(w)) continue;
        prev.set(w, v);
        if (w === b) {
          // Walk back to the first node after `a`.
          const out: number[] = [];
          for (let x = b; ;) {
            out.push(x);
            const px = prev.get(x)!;
            if (px === a) break;
            x = px;
          }
          return out.reverse();
        }
        queue.push(w);
      }
    }
    throw new Error('internal error: no path inside a strongly connected component');
  };
  // The cycle, built greedily: for each clause not yet satisfied by a state or step already on it,
  // go to the nearest witness of one of its `[]<>` literals. A clause without a witness in the
  // component is satisfied by an eventually-always literal, which holds on the whole component.
  const cycle: number[] = [];
  const onNodes = new Set<number>([entry]);
  const onEdges: number[] = [];
  let at = entry;
  const holdsOn = (ae: CycleLit[]) =>
    ae.some((l) =>
      l.onEdge
        ? onEdges.some((k) => edgeLit(l)(k, srcOf(k)))
        : [...onNodes].some((p) => nodeHolds(l, p)),
    );
  for (const clause of clauses) {
    const ae = clause.filter((l) => l.kind === 'ae');
    if (ae.length === 0 || holdsOn(ae)) continue;
    const nodeLits = ae.filter((l) => !l.onEdge);
    const edgeLits = ae.filter((l) => l.onEdge).map(edgeLit);
    const viaEdge = new Map<number, number>([[at, -1]]);
    const queue = [at];
    let goal: { node: number; edge: number } | undefined;
    search: for (let i = 0; i < queue.length; i++) {
      const v = queue[i];
      if (nodeLits.some((l) => nodeHolds(l, v))) {
        goal = { node: v, edge: -1 };
        break;
      }
      for (let k = P.off[v]; k < P.off[v + 1]; k++) {
        if (!inside(k)) continue;
        if (edgeLits.some((t) => t(k, v))) {
          goal = { node: v, edge: k };
          break search;
        }
        const w = P.dst[k];
        if (viaEdge.has(w)) continue;
        viaEdge.set(w, k);
        queue.push(w);
      }
    }
    if (!goal) continue;
    const steps: number[] = [];
    for (let x = goal.node; viaEdge.get(x)! >= 0; x = srcOf(viaEdge.get(x)!))
      steps.push(viaEdge.get(x)!);
    if (goal.edge >= 0) steps.unshift(goal.edge);
    for (const k of steps.reverse()) {
      cycle.push(P.dst[k]);
      onNodes.add(P.dst[k]);
      onEdges.push(k);
    }
    at = steps.length ? P.dst[steps[steps.length - 1]] : at;
  }
  // A loop, not push(...): a path of more than ~100k states would overflow the call stack.
  for (const x of path(at, entry, cycle.length === 0)) cycle.push(x);
  // Project to behaviour states, dropping stuttering steps (repeated states).
  const states: number[] = [];
  for (const p of stem) if (states[states.length - 1] !== P.ps[p]) states.push(P.ps[p]);
  const loop = states.length - 1;
  for (const p of cycle) if (states[states.length - 1] !== P.ps[p]) states.push(P.ps[p]);
  // The cycle ends where it began: the last state steps back to states[loop].
  if (states.length - 1 > loop && states[states.length - 1] === states[loop]) states.pop();
  return { states, loop };
}
