/**
 * A Büchi automaton for an LTL formula over state literals, by the tableau construction of Gerth,
 * Peled, Vardi and Wolper ("Simple on-the-fly automatic verification of linear temporal logic",
 * 1995), for the operators the liveness checker leaves to it: /\, \/, [] and <> (no next-state
 * operator: TLA+ formulas are invariant under stuttering).
 *
 * Each automaton node carries the literals that must hold in the state it reads; a run reads the
 * states of a behaviour one by one. For every `<>a` in the formula, the accepting nodes are those
 * where `a` holds or `<>a` is not pending; an accepting run visits each such set infinitely often.
 */
import type { LitTest, NF } from './formula';

export interface Automaton {
  /** Per node: the literals a state must satisfy to be read by it. */
  labels: LitTest[][];
  /** Per node: the successor nodes. */
  succ: number[][];
  initial: number[];
  /** Generalised Büchi acceptance: per <>a, a membership flag per node. */
  accepting: Uint8Array[];
}

interface TNode {
  incoming: Set<number>;
  /** Keys of the formulas already processed at this node. */
  old: Map<string, NF>;
  pending: NF[];
  next: Map<string, NF>;
}

const INIT = -1;
const MAX_NODES = 4096;

export function buildAutomaton(f: NF): Automaton {
  const keys = new Map<NF, string>();
  // Structural keys, so that a formula met twice (e.g. a pending <>a in `next`) is one node's.
  const key = (x: NF): string => {
    let k = keys.get(x);
    if (k !== undefined) return k;
    switch (x.k) {
      case 'lit':
        k = x.key;
        break;
      case 'true':
      case 'false':
        k = x.k;
        break;
      case 'and':
      case 'or':
        k = `${x.k}(${x.args.map(key).join(',')})`;
        break;
      case 'always':
      case 'eventually':
        k = `${x.k}(${key(x.a)})`;
        break;
    }
    keys.set(x, k);
    return k;
  };

  const done: TNode[] = [];
  const expand = (node: TNode): void => {
    if (done.length > MAX_NODES) throw new Error('The property is too large for the tableau');
    if (node.pending.length === 0) {
      const same = done.findIndex((d) => sameKeys(d.old, node.old) && sameKeys(d.next, node.next));
      if (same >= 0) {
        for (const i of node.incoming) done[same].incoming.add(i);
        return;
      }
      done.push(node);
      const id = done.length - 1;
      expand({
        incoming: new Set([id]),
        old: new Map(),
        pending: [...node.next.values()],
        next: new Map(),
      });
      return;
    }
    const [g, ...rest] = node.pending;
    const k = key(g);
    if (node.old.has(k)) return expand({ ...node, pending: rest });
    const withOld = (extra: NF[], nextExtra: NF[] = []): TNode => {
      const old = new Map(node.old);
      old.set(k, g);
      const next = new Map(node.next);
      for (const n of nextExtra) next.set(key(n), n);
      return {
        incoming: new Set(node.incoming),
        old,
        pending: [...rest, ...extra.filter((x) => !old.has(key(x)))],
        next,
      };
    };
    switch (g.k) {
      case 'false':
        return; // contradiction: no node
      case 'true':
      case 'lit':
        return expand(withOld([]));
      case 'and':
        return expand(withOld(g.args));
      case 'or':
        for (const a of g.args) expand(withOld([a]));
        return;
      case 'always':
        // []a: a now, and []a from the next state on.
        return expand(withOld([g.a], [g]));
      case 'eventually':
        // <>a: a now, or <>a still pending in the next state.
        expand(withOld([g.a]));
        expand(withOld([], [g]));
        return;
    }
  };
  expand({ incoming: new Set([INIT]), old: new Map(), pending: [f], next: new Map() });

  const labels = done.map((n) =>
    [...n.old.values()]
      .filter((x): x is Extract<NF, { k: 'lit' }> => x.k === 'lit')
      .map((x) => x.test),
  );
  const succ: number[][] = done.map(() => []);
  const initial: number[] = [];
  done.forEach((n, j) => {
    for (const i of n.incoming) {
      if (i === INIT) initial.push(j);
      else succ[i].push(j);
    }
  });
  // One acceptance set per <>a sub-formula.
  const eventualities = new Map<string, Extract<NF, { a: NF }>>();
  const collect = (x: NF): void => {
    if (x.k === 'eventually') eventualities.set(key(x), x);
    if (x.k === 'and' || x.k === 'or') x.args.forEach(collect);
    if (x.k === 'always' || x.k === 'eventually') collect(x.a);
  };
  collect(f);
  const accepting = [...eventualities.entries()].map(([k, ev]) => {
    const a = key(ev.a);
    return Uint8Array.from(done, (n) => (n.old.has(a) || !n.old.has(k) ? 1 : 0));
  });
  return { labels, succ, initial, accepting };
}

function sameKeys(a: Map<string, NF>, b: Map<string, NF>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a.keys()) if (!b.has(k)) return false;
  return true;
}
