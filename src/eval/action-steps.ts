/**
 * The building blocks of action enumerators (see compile-action.ts): running an enumerator in a
 * frame, conjunctions whose simple conjuncts (guards, assignments, UNCHANGED) are fused so that
 * they call the next conjunct directly, and assignments `x' = e` / `x' \\in S`.
 */
import type { Range } from '../tla/ast/ast';
import { type SetBase, type Value, equals } from '../core/values';
import { streamOf } from '../core/lazy-sets';
import { EvalError, withRange } from './errors';
import type { Ctx, Frame } from './scope';
import { type Act, type Ev, describe, enumerateSet } from './compile-support';
import { type Runtime, perSite, rt } from './per-site';

export interface ActionMode {
  /** 'init' assigns unprimed variables; 'next' assigns primed ones. */
  target: 'init' | 'next';
  /** In a splitting position (see the file comment): operator calls and \E name the action. */
  split: boolean;
  /**
   * Below a splitting position TLC could not split at (an `\E` over a set that needs the state,
   * a call with an argument that is not constant): operator arguments stay unevaluated there. At
   * the positions it splits at, TLC evaluates constant arguments before the search, so a
   * parameter standing for one is a value, not an action to enumerate (see callByName).
   */
  lazyArgs?: boolean;
}

/**
 * What a simple conjunct does, so that `conjunction` can fuse it with the conjuncts after it and
 * call them directly, instead of allocating a continuation closure per conjunct per state.
 */
type Simple =
  | { kind: 'guard'; ev: Ev; range: Range }
  | { kind: 'assignNext'; idx: number; ev: Ev }
  | { kind: 'unchanged'; idx: number };

const simpleOf = new WeakMap<Act, Simple>();

export function tag(act: Act, simple: Simple): Act {
  simpleOf.set(act, simple);
  return act;
}

/** Whether `act` is a plain guard: a Boolean tested once, which neither assigns nor branches. */
export function isGuard(act: Act): boolean {
  return simpleOf.get(act)?.kind === 'guard';
}

/**
 * Runs `act` in `frame`; its continuation `k` runs back in the caller's frame (the caller's later
 * conjuncts read the caller's bound variables), and the caller's frame is current again after.
 */
export function runInFrame(
  c: Ctx,
  frame: Frame | null,
  caller: Frame | null,
  act: Act,
  k: () => void,
): void {
  c.f = frame;
  try {
    act(c, () => {
      const inner = c.f;
      c.f = caller;
      try {
        k();
      } finally {
        c.f = inner;
      }
    });
  } finally {
    c.f = caller;
  }
}

/**
 * `p1 /\ p2 /\ …`, conjunct by conjunct, left to right. With `preds` (the conjuncts as Boolean
 * expressions), as TLC does: once every variable has its value (TLC's `allAssigned`), the
 * remaining conjuncts are evaluated rather than enumerated, so `x' = 1 /\ (P \/ Q)` gives one
 * successor when P and Q both hold, not two, and `\E m \in M : …` stops at its first witness.
 * Only conjuncts that may branch are worth the check; simple ones behave the same either way.
 */
export function conjunction(
  parts: Act[],
  preds?: LazyPredicate[],
  target: 'init' | 'next' = 'next',
): Act {
  if (parts.length === 0) return (_c, k) => k();
  // A right fold of binary conjunctions: no closure is named at run time (tsx's keepNames would
  // wrap each named one in a defineProperty call, a third of the search time).
  let act = parts[parts.length - 1];
  for (let i = parts.length - 2; i >= 0; i--) {
    const rest =
      preds && !simpleOf.has(parts[i + 1])
        ? evaluatedOnceAssigned(act, preds.slice(i + 1), target)
        : act;
    act = fuse(parts[i], rest);
  }
  return act;
}

/** Whether every variable has its value: the next state's (or, in Init, the state's). */
export function allAssigned(c: Ctx, target: 'init' | 'next'): boolean {
  const vals = target === 'next' ? c.n! : c.s;
  for (let i = 0; i < vals.length; i++) if (vals[i] === undefined) return false;
  return true;
}

/** `rest` (a conjunction), or its conjuncts evaluated in order once every variable has a value. */
export function evaluatedOnceAssigned(
  rest: Act,
  preds: LazyPredicate[],
  target: 'init' | 'next',
): Act {
  return onceAssignedSite(rest, preds, target === 'next', rt);
}

/** A conjunct as a Boolean expression, compiled when first evaluated. */
export interface LazyPredicate {
  ev: () => Ev;
  range: Range;
}

/** `first /\ rest`: simple conjuncts call `rest` directly; others through a continuation. */
export function fuse(first: Act, rest: Act): Act {
  const simple = simpleOf.get(first);
  if (!simple) return thenSite(first, rest);
  switch (simple.kind) {
    case 'guard':
      return guardThenSite(simple.ev, simple.range, rest, rt);
    case 'assignNext':
      return assignThenSite(simple.idx, simple.ev, rest, rt);
    case 'unchanged':
      return unchangedThenSite(simple.idx, rest, rt);
  }
}

const guardThenSite = perSite('guardThen', (ev: Ev, range: Range, rest: Act, rt: Runtime): Act => {
  const { asBool } = rt;
  return (c, k) => {
    if (asBool(ev(c), range, 'action conjunct')) rest(c, k);
  };
});

const assignThenSite = perSite('assignThen', (idx: number, ev: Ev, rest: Act, rt: Runtime): Act => {
  const { equals } = rt;
  return (c, k) => {
    const n = c.n!;
    const v = ev(c);
    const cur = n[idx];
    if (cur === undefined) {
      n[idx] = v;
      rest(c, k);
      n[idx] = undefined as unknown as Value;
    } else if (equals(cur, v)) rest(c, k);
  };
});

const unchangedThenSite = perSite('unchangedThen', (idx: number, rest: Act, rt: Runtime): Act => {
  const { equals } = rt;
  return (c, k) => {
    const n = c.n!;
    const cur = c.s[idx];
    const nv = n[idx];
    if (nv === undefined) {
      n[idx] = cur;
      rest(c, k);
      n[idx] = undefined as unknown as Value;
    } else if (equals(nv, cur)) rest(c, k);
  };
});

export function assign(idx: number, rhs: Ev, mode: ActionMode, range: Range): Act {
  if (mode.target === 'next')
    return tag(assignNextSite(idx, rhs, rt), { kind: 'assignNext', idx, ev: rhs });
  void range;
  return (c, k) => {
    const s = c.s;
    const v = rhs(c);
    const cur = s[idx];
    if (cur === undefined) {
      s[idx] = v;
      k();
      s[idx] = undefined as unknown as Value;
    } else if (equals(cur, v)) k();
  };
}

export function assignIn(
  idx: number,
  rhs: Ev,
  mode: ActionMode,
  range: Range,
  setRange: Range,
  name: string,
): Act {
  const target = mode.target;
  return (c, k) => {
    const arr = target === 'next' ? c.n! : c.s;
    const set = rhs(c);
    const cur = arr[idx];
    if (cur !== undefined) {
      if (
        typeof set === 'object' &&
        'contains' in set &&
        (set as { contains(v: Value): boolean }).contains(cur)
      )
        k();
      else if (typeof set !== 'object' || !('contains' in set)) {
        throw new EvalError(`${name} is compared with ${describe(set)}, which is not a set`, range);
      }
      return;
    }
    const split = c.split;
    let stream;
    try {
      stream = target === 'init' ? streamOf(set) : undefined;
    } catch (e) {
      withRange(e, setRange);
    }
    if (stream) {
      // Millions of initial values (`f \in [Nodes -> BOOLEAN]`): each made as its state is, so
      // that the search's memory budget sees them.
      split?.enter((set as SetBase).size());
      stream((v) => {
        if (c.halt) return false;
        if (split && !split.take()) return true;
        arr[idx] = v;
        k();
        return true;
      });
      split?.leave();
      arr[idx] = undefined as unknown as Value;
      return;
    }
    const elems = enumerateSet(set, setRange);
    if (split && target === 'init') {
      // No finally: an error leaves the split where it was met (the enumeration ends there).
      split.enter(elems.length);
      for (let i = 0; i < elems.length; i++) {
        if (!split.take()) continue;
        arr[idx] = elems[i];
        k();
      }
      split.leave();
    } else {
      for (let i = 0; i < elems.length; i++) {
        if (c.halt) break;
        arr[idx] = elems[i];
        k();
      }
    }
    arr[idx] = undefined as unknown as Value;
  };
}

const assignNextSite = perSite('assignNext', (idx: number, rhs: Ev, rt: Runtime): Act => {
  const { equals } = rt;
  return (c, k) => {
    const n = c.n!;
    const v = rhs(c);
    const cur = n[idx];
    if (cur === undefined) {
      n[idx] = v;
      k();
      n[idx] = undefined as unknown as Value;
    } else if (equals(cur, v)) k();
  };
});

const thenSite = perSite('then', (first: Act, rest: Act): Act => {
  return (c, k) => first(c, () => rest(c, k));
});

const onceAssignedSite = perSite(
  'onceAssigned',
  (rest: Act, preds: LazyPredicate[], next: boolean, rt: Runtime): Act => {
    const { asBool } = rt;
    return (c, k) => {
      const vals = next ? c.n! : c.s;
      for (let i = 0; i < vals.length; i++) if (vals[i] === undefined) return rest(c, k);
      for (let i = 0; i < preds.length; i++)
        if (!asBool(preds[i].ev()(c), preds[i].range, 'action conjunct')) return;
      k();
    };
  },
);
