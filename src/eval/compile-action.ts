/**
 * Compiles actions (and initial predicates) into successor enumerators, TLC-style: conjuncts are
 * processed left to right; `x' = e` assigns x' when it has no value yet and is a test otherwise;
 * `x' \in S` branches over S; disjunctions, `\E` and IF/CASE branch; anything else is a guard.
 * For the initial predicate the same rules apply to unprimed variables.
 *
 * Enumerators are in continuation-passing style: `act(ctx, k)` calls `k()` once for every way the
 * action can be satisfied, with `ctx.n` (or `ctx.s` for Init) filled in, and undoes its
 * assignments on the way back, so no intermediate state is allocated.
 *
 * Labels: while descending from Next through disjunctions, `\E` and operator calls ("splitting"
 * positions, before any conjunct is processed), the innermost operator called names the action and
 * its parameters (`Send(p1, m2)`). TLC names actions the same way, without the parameters.
 */
import type { Expr, Range } from '../tla/ast/ast';
import { type Value, equals } from '../core/values';
import { EvalError, withRange } from './errors';
import { type Binding, type Ctx, type DefInfo, type Frame, Scope, frameUp } from './scope';
import { forEachChild } from '../tla/ast/ast-walk';
import { declarationOf } from '../tla/ast/names';
import { Compiler, keptSlots } from './compile-expr';
import {
  type Act,
  type Ev,
  asBool,
  asSet,
  describe,
  enumerateSet,
  hasBinders,
  labelArg,
} from './compile-support';

export type { Act };

export interface ActionMode {
  /** 'init' assigns unprimed variables; 'next' assigns primed ones. */
  target: 'init' | 'next';
  /** In a splitting position (see the file comment): operator calls and \E name the action. */
  split: boolean;
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

function tag(act: Act, simple: Simple): Act {
  simpleOf.set(act, simple);
  return act;
}

export class ActionCompiler {
  constructor(
    readonly comp: Compiler,
    readonly varCount: number,
  ) {
    comp.actions = this;
  }

  /**
   * ENABLED A: is there a next state satisfying A? Written in an instantiated module, A's primed
   * variables are that module's own: `x'` for a variable x replaced by an expression e of the
   * instantiator is a free value (TLC's semantics, and the meaning of instantiation: substitution
   * does not go through ENABLED, Specifying Systems 17.8), not e'. Those values get slots after the
   * state's variables in the next-state array, and the compiled code reads and assigns them there
   * while `c.cut` is set.
   */
  enabled(e: Expr, sc: Scope): (c: Ctx) => boolean {
    const act = this.action(e, sc, { target: 'next', split: false });
    const n = this.varCount;
    const cutMap = new Map<Binding, number>();
    for (let s: Scope | null = sc; s; s = s.parent) {
      for (const [, b] of s.own())
        if (b.k === 'subst' && b.isVar && !cutMap.has(b)) cutMap.set(b, n + cutMap.size);
    }
    const cut = cutMap.size > 0 ? cutMap : undefined;
    const size = n + cutMap.size;
    return (c) => {
      const savedN = c.n;
      const savedCut = c.cut;
      const savedMemo = c.memo;
      c.n = new Array(size);
      c.cut = cut;
      c.memo = undefined;
      const savedHalt = c.halt;
      // The first next state found stops the enumeration: c.halt makes every loop return
      // (throwing instead cost a rethrow in each enclosing frame, a third of the liveness phase).
      let found = false;
      try {
        act(c, () => {
          found = true;
          c.halt = true;
        });
        return found;
      } finally {
        c.n = savedN;
        c.cut = savedCut;
        c.memo = savedMemo;
        c.halt = savedHalt;
      }
    };
  }

  /** An action standing at module level (Next, an inline Init): gives its binders a frame. */
  topLevel(e: Expr, sc: Scope, mode: ActionMode): Act {
    const inner = sc.newFrame();
    const act = this.action(e, inner, mode);
    const layout = inner.layout;
    return (c, k) => {
      const saved = c.f;
      runInFrame(c, { v: new Array(layout.size), up: saved }, saved, act, k);
    };
  }

  action(e: Expr, sc: Scope, mode: ActionMode): Act {
    switch (e.kind) {
      case 'And': {
        const sub = { target: mode.target, split: false };
        const parts = e.args.map((a) => this.action(a, sc, sub));
        return conjunction(parts, this.predicates(e.args, sc), mode.target);
      }
      case 'Or': {
        const parts = e.args.map((a) => this.action(a, sc, mode));
        const ranges = e.args.map((a) => a.range);
        const split = mode.split;
        return (c, k) => {
          for (let i = 0; i < parts.length; i++) {
            if (c.halt) return;
            const saved = c.lab;
            // TLC's action is the disjunct split off: its place names the step.
            if (split && c.wantLabels && saved && !saved.frozen)
              c.lab = { name: saved.name, params: saved.params, range: ranges[i] };
            parts[i](c, k);
            c.lab = saved;
          }
        };
      }
      case 'Quant':
        return this.quant(e, sc, mode);
      case 'If': {
        const cond = this.comp.expr(e.cond, sc, false);
        const sub = { target: mode.target, split: false };
        const th = this.action(e.then, sc, sub);
        const el = this.action(e.else_, sc, sub);
        return (c, k) => (asBool(cond(c), e.cond.range, 'IF condition') ? th(c, k) : el(c, k));
      }
      case 'Case': {
        // Plain expressions in an action read the current state; only x' reads the next.
        const primed = false;
        const sub = { target: mode.target, split: false };
        const guards = e.arms.map((a) => this.comp.expr(a.guard, sc, primed));
        const bodies = e.arms.map((a) => this.action(a.body, sc, sub));
        const other = e.other ? this.action(e.other, sc, sub) : undefined;
        return (c, k) => {
          for (let i = 0; i < guards.length; i++) {
            if (asBool(guards[i](c), e.arms[i].guard.range, 'CASE guard')) return bodies[i](c, k);
          }
          if (other) return other(c, k);
          throw new EvalError(
            'Attempted to evaluate a CASE with no conditions true and no OTHER',
            e.range,
          );
        };
      }
      case 'Let': {
        // Values kept for the LET's evaluation must not change under it: in Init the state is
        // still being given values; in Next only the next state is.
        const inner = this.comp.letScope(
          e.defs,
          sc,
          mode.target === 'init' ? 'no-variables' : 'no-primes',
        );
        const body = this.action(e.body, inner, mode);
        const slots = keptSlots(inner, e.defs);
        const bodyRange = e.body.range;
        const split = mode.split;
        return (c, k) => {
          if (slots.length) {
            const v = c.f!.v;
            for (let i = 0; i < slots.length; i++) v[slots[i]] = undefined as unknown as Value;
          }
          const saved = c.lab;
          // TLC's action is the LET's body.
          if (split && c.wantLabels && saved && !saved.frozen)
            c.lab = { name: saved.name, params: saved.params, range: bodyRange };
          body(c, k);
          c.lab = saved;
        };
      }
      case 'Ident': {
        const b = sc.resolve(e, e.name);
        if (b && b.k === 'def' && b.def.kind === 'op' && b.def.params.length === 0) {
          // A constant definition is a value to TLC (computed once before the search), not an
          // action whose `\E` or `\/` would branch.
          if (b.def.scope.depth === 0 && this.comp.isConstantDef(b.def))
            return this.guard(e, sc, mode);
          return this.call(b.def, [], sc, mode, e.range);
        }
        if (b && b.k === 'subst') return this.substAction(b.expr, b.scope, sc, mode);
        return this.guard(e, sc, mode);
      }
      case 'OpApp':
        return this.opApp(e, sc, mode);
      case 'Qualified':
        return this.qualified(e, sc, mode);
      case 'StepExpr': {
        if (mode.target !== 'next') return this.guard(e, sc, mode);
        const sub = { target: mode.target, split: false };
        const act = this.action(e.action, sc, sub);
        if (e.box) {
          // [A]_v as an action: an A step, or a step that leaves v unchanged.
          const keep = this.unchanged(e.sub, sc, sub);
          return (c, k) => {
            act(c, k);
            if (!c.halt) keep(c, k);
          };
        }
        // <<A>>_v: an A step that changes v.
        const now = this.comp.expr(e.sub, sc, false);
        const next = this.comp.expr(e.sub, sc, true);
        return (c, k) =>
          act(c, () => {
            if (!equals(next(c), now(c))) k();
          });
      }
      default:
        return this.guard(e, sc, mode);
    }
  }

  /**
   * The conjuncts as plain Boolean expressions (primes read the next state), compiled when first
   * needed: what TLC evaluates once every variable has its value (see `conjunction`).
   */
  private predicates(es: Expr[], sc: Scope): LazyPredicate[] {
    return es.map((e) => {
      let ev: Ev | undefined;
      return { ev: () => (ev ??= this.comp.expr(e, sc, false)), range: e.range };
    });
  }

  private guard(e: Expr, sc: Scope, _mode: ActionMode): Act {
    const ev = this.comp.expr(e, sc, false);
    const range = e.range;
    return tag(
      (c, k) => {
        if (asBool(ev(c), range, 'action conjunct')) k();
      },
      { kind: 'guard', ev, range },
    );
  }

  /** The state variable `e` denotes in an assignment position (`x'` in Next, `x` in Init), or -1. */
  private assignable(e: Expr, sc: Scope, mode: ActionMode): number {
    if (mode.target === 'init') return this.varIndex(e, sc);
    if (e.kind === 'OpApp' && e.name === "'" && e.args.length === 1)
      return this.varIndex(e.args[0], sc);
    if (e.kind === 'Ident') {
      // A by-name parameter standing for x' (see callByName).
      const b = sc.resolve(e, e.name);
      if (b && b.k === 'subst') return this.assignable(b.expr, b.scope, mode);
    }
    return -1;
  }

  /** For `x'` with x a variable of an instantiated module (a `subst` binding): that binding. */
  private instanceVar(e: Expr, sc: Scope): Extract<Binding, { k: 'subst' }> | undefined {
    if (!(
      e.kind === 'OpApp' &&
      e.name === "'" &&
      e.args.length === 1 &&
      e.args[0].kind === 'Ident'
    ))
      return undefined;
    const b = sc.resolve(e.args[0], e.args[0].name);
    return b && b.k === 'subst' && b.isVar ? b : undefined;
  }

  /**
   * The variable an identifier denotes, through by-name parameters, substitutions and plain
   * aliases (`c == x` then `c = 0` in Init, or `c' = 1`), as TLC allows.
   */
  private varIndex(e: Expr, sc: Scope, hops = 0): number {
    if (e.kind !== 'Ident' || hops > 16) return -1;
    const b = sc.resolve(e, e.name);
    if (b && b.k === 'var') return b.index;
    if (b && b.k === 'subst') return this.varIndex(b.expr, b.scope, hops + 1);
    if (b && b.k === 'def' && b.def.kind === 'op' && b.def.params.length === 0) {
      return this.varIndex(b.def.body, b.def.scope, hops + 1);
    }
    return -1;
  }

  private opApp(e: Extract<Expr, { kind: 'OpApp' }>, sc: Scope, mode: ActionMode): Act {
    const { name, args, range } = e;
    // Plain expressions in an action read the current state; only x' reads the next.
    const primed = false;
    if (name === '=' || name === '\\in') {
      const idx = this.assignable(args[0], sc, mode);
      let act: Act;
      const rhs = this.comp.expr(args[1], sc, primed);
      if (idx >= 0) {
        const lhs = args[0].kind === 'OpApp' ? args[0].args[0] : args[0];
        const varName = { name: lhs.kind === 'Ident' ? lhs.name : 'variable' };
        act =
          name === '='
            ? assign(idx, rhs, mode, range)
            : assignIn(idx, rhs, mode, range, args[1].range, varName.name);
      } else act = this.guard(e, sc, mode);
      const iv = mode.target === 'next' ? this.instanceVar(args[0], sc) : undefined;
      if (!iv) return act;
      // x' of an instance's variable inside ENABLED there: assigns the free slot (see enabled).
      const inSet = name === '\\in';
      const setRange = args[1].range;
      return (c, k) => {
        const i = c.cut === undefined ? undefined : c.cut.get(iv);
        if (i === undefined) return act(c, k);
        const nx = c.n!;
        const v = rhs(c);
        const cur = nx[i];
        if (!inSet) {
          if (cur === undefined) {
            nx[i] = v;
            k();
            nx[i] = undefined as unknown as Value;
          } else if (equals(cur, v)) k();
          return;
        }
        if (cur !== undefined) {
          if (asSet(v, range).contains(cur)) k();
          return;
        }
        for (const x of enumerateSet(v, setRange)) {
          if (c.halt) break;
          nx[i] = x;
          k();
        }
        nx[i] = undefined as unknown as Value;
      };
    }
    if (name === 'UNCHANGED' && mode.target === 'next') return this.unchanged(args[0], sc, mode);
    if (name === '\\cdot') return this.composition(args[0], args[1], sc);
    const b = resolveOperator(sc.resolve(e, name));
    if (b && b.k === 'def' && b.def.kind === 'op') {
      if (b.def.scope.depth === 0 && !this.byNameStack.has(b.def))
        return this.callByName(b.def, args, sc, mode, range);
      const argEvs = this.comp.actionArgs(
        args,
        b.def.params.map((p) => p.arity),
        sc,
      );
      return this.call(b.def, argEvs, sc, mode, range);
    }
    return this.guard(e, sc, mode);
  }

  /**
   * A call whose arguments mention primed variables (`Send(p, d, memInt, memInt')`) is compiled
   * by name, as TLC evaluates arguments lazily: the parameter stands for the argument expression,
   * so `newMemInt = v` in the body can assign memInt'. The callee's frame links to the caller's,
   * which is sound for top-level definitions (they capture no frame of their own).
   */
  private byNameStack = new Set<DefInfo>();

  private callByName(def: DefInfo, args: Expr[], sc: Scope, mode: ActionMode, range: Range): Act {
    // Inlined: the body is compiled for this call site in the caller's frame (its binders take
    // slots there), so a call allocates no frame and no continuation wrapper.
    const inner = new Scope(def.scope, sc.layout);
    def.params.forEach((p, i) =>
      inner.define(
        p.name,
        { k: 'subst', expr: args[i], scope: sc, name: p.name },
        declarationOf(p),
      ),
    );
    this.byNameStack.add(def);
    let act: Act;
    try {
      act = this.action(def.body, inner, mode);
    } finally {
      this.byNameStack.delete(def);
    }
    if (!mode.split) {
      return (c, k) => {
        try {
          act(c, k);
        } catch (err) {
          withRange(err, range);
        }
      };
    }
    // The label shows the parameters' values; arguments that mention x' are not known yet.
    const labelArgs = args.map((a, i) =>
      mentionsPrime(a) || def.params[i].arity > 0 ? undefined : this.comp.expr(a, sc, false),
    );
    return (c, k) => {
      const savedLab = c.lab;
      if (c.wantLabels) {
        const params: { name: string; value: Value }[] = [];
        labelArgs.forEach((ev, i) => {
          if (!ev) return;
          try {
            params.push({ name: def.params[i].name, value: ev(c) });
          } catch {
            // An argument that reads x' through a definition is not known before the step.
          }
        });
        c.lab = {
          name: def.name,
          params,
          range: savedLab?.frozen ? savedLab.range : def.body.range,
          frozen: savedLab?.frozen,
        };
      }
      try {
        act(c, k);
      } catch (err) {
        withRange(err, range);
      } finally {
        c.lab = savedLab;
      }
    };
  }

  /**
   * `A \\cdot B`: a step of A to some middle state, then a step of B from there (TLC's action
   * composition). The composed step must agree with what earlier conjuncts already assigned.
   */
  private composition(left: Expr, right: Expr, sc: Scope): Act {
    const mode = { target: 'next' as const, split: false };
    const a = this.action(left, sc, mode);
    const b = this.action(right, sc, mode);
    const nv = this.varCount;
    const range = left.range;
    return (c, k) => {
      const s0 = c.s;
      const outer = c.n!;
      const mids: Value[][] = [];
      const results: Value[][] = [];
      const savedMemo = c.memo;
      c.memo = undefined;
      try {
        c.n = new Array(nv);
        a(c, () => {
          const mid = c.n!;
          if (mid.some((v) => v === undefined)) {
            throw new EvalError(
              'The first action of a \\cdot composition must give every variable a value',
              range,
            );
          }
          mids.push(mid.slice());
        });
        for (const mid of mids) {
          c.s = mid;
          c.n = new Array(nv);
          b(c, () => results.push(c.n!.slice()));
        }
      } finally {
        c.s = s0;
        c.n = outer;
        c.memo = savedMemo;
      }
      for (const r of results) {
        if (c.halt) break;
        const assigned: number[] = [];
        let ok = true;
        for (let i = 0; i < nv && ok; i++) {
          if (r[i] === undefined) continue;
          if (outer[i] === undefined) {
            outer[i] = r[i];
            assigned.push(i);
          } else if (!equals(outer[i], r[i])) ok = false;
        }
        if (ok) k();
        for (const i of assigned) outer[i] = undefined as unknown as Value;
      }
    };
  }

  /** UNCHANGED <<x, y>>: x' = x for each variable; definitions such as `vars` are looked through. */
  private unchanged(e: Expr, sc: Scope, mode: ActionMode): Act {
    if (e.kind === 'Tuple') return conjunction(e.elems.map((x) => this.unchanged(x, sc, mode)));
    if (e.kind === 'Ident') {
      const b = sc.resolve(e, e.name);
      if (b && b.k === 'var') {
        const i = b.index;
        return tag(
          (c, k) => {
            const cur = c.s[i];
            const nv = c.n![i];
            if (nv === undefined) {
              c.n![i] = cur;
              k();
              c.n![i] = undefined as unknown as Value;
            } else if (equals(nv, cur)) k();
          },
          { kind: 'unchanged', idx: i },
        );
      }
      if (b && b.k === 'def' && b.def.kind === 'op' && b.def.params.length === 0) {
        const def = b.def;
        if (def.scope.depth === 0 || def.scope.depth === sc.depth)
          return this.unchanged(def.body, def.scope, mode);
      }
      if (b && b.k === 'subst' && b.isVar) {
        // Inside ENABLED evaluated in the instance, x' is a free slot: UNCHANGED x assigns it.
        const normal =
          b.expr.kind === 'Ident' || b.expr.kind === 'Tuple'
            ? this.unchanged(b.expr, b.scope, mode)
            : this.unchangedValue(e, sc);
        const now = this.comp.substValue(b, sc, false);
        const iv = b;
        return (c, k) => {
          const i = c.cut === undefined ? undefined : c.cut.get(iv);
          if (i === undefined) return normal(c, k);
          const nx = c.n!;
          const v = now(c);
          const cur = nx[i];
          if (cur === undefined) {
            nx[i] = v;
            k();
            nx[i] = undefined as unknown as Value;
          } else if (equals(cur, v)) k();
        };
      }
      if (b && b.k === 'subst' && (b.expr.kind === 'Ident' || b.expr.kind === 'Tuple'))
        return this.unchanged(b.expr, b.scope, mode);
    }
    return this.unchangedValue(e, sc);
  }

  /** UNCHANGED e for an expression: e' = e. */
  private unchangedValue(e: Expr, sc: Scope): Act {
    const now = this.comp.expr(e, sc, false);
    const next = this.comp.expr(e, sc, true);
    return (c, k) => {
      if (equals(next(c), now(c))) k();
    };
  }

  private quant(e: Extract<Expr, { kind: 'Quant' }>, sc: Scope, mode: ActionMode): Act {
    if (e.bounds.some((b) => !b.set)) {
      throw new EvalError('TLC cannot enumerate an unbounded quantifier in an action', e.range);
    }
    // Plain expressions in an action read the current state; only x' reads the next.
    const primed = false;
    const inner = sc.child();
    const sets = e.bounds.map((b) => this.comp.boundSet(b.set!, sc, primed));
    const binds = e.bounds.map((b) => this.comp.bindPattern(b, inner));
    const names = e.bounds.map((b) =>
      b.pattern.kind === 'Var' ? b.pattern.name : `<<${b.pattern.names.join(', ')}>>`,
    );
    const ranges = e.bounds.map((b) => b.set!.range);
    if (e.quantifier === 'A') {
      // \A x \in S : A(x) in an action is the conjunction of A(x) for every x, in order; as in a
      // conjunction, once every variable has its value the rest is evaluated, not enumerated.
      const body = this.action(e.body, inner, { target: mode.target, split: false });
      const [bodyPred] = this.predicates([e.body], inner);
      const target = mode.target;
      const n = e.bounds.length;
      return (c, k) => {
        const lists = sets.map((s, i) => enumerateSet(s(c), ranges[i]));
        const combos: Value[][] = [];
        const rec = (d: number, acc: Value[]): void => {
          if (d === n) {
            combos.push(acc.slice());
            return;
          }
          for (const x of lists[d]) {
            acc.push(x);
            rec(d + 1, acc);
            acc.pop();
          }
        };
        rec(0, []);
        const bind = (i: number) => combos[i].forEach((x, j) => binds[j](c, x));
        const step = (i: number): void => {
          if (i === combos.length) return k();
          if (i > 0 && allAssigned(c, target)) {
            const pred = bodyPred;
            for (let j = i; j < combos.length; j++) {
              bind(j);
              if (!asBool(pred.ev()(c), pred.range, 'action conjunct')) return;
            }
            return k();
          }
          bind(i);
          body(c, () => {
            step(i + 1);
            // The later instances bound the same slots: A(x)'s remaining ways need x back.
            bind(i);
          });
        };
        step(0);
      };
    }
    let act = this.action(e.body, inner, mode);
    const split = mode.split;
    // TLC splits an action at \E only over a set it can compute before the search (no
    // variables): the body is then the step's place; otherwise the whole \E is.
    const splits = e.bounds.every((b) => {
      const r = this.comp.stateReads(b.set!, sc);
      return !r.variables && !r.primes;
    });
    const bodyRange = splits ? e.body.range : e.range;
    // One loop per bound, nested at compile time (see conjunction for why no recursion closure).
    for (let d = e.bounds.length - 1; d >= 0; d--) {
      const set = sets[d];
      const bind = binds[d];
      const name = names[d];
      const range = ranges[d];
      const body = act;
      if (mode.target === 'init') {
        // In Init, a loop the workers of a parallel search may deal out (init-split.ts).
        act = (c, k) => {
          const elems = enumerateSet(set(c), range);
          const sp = c.split;
          if (!sp) {
            for (let i = 0; i < elems.length; i++) {
              if (c.halt) return;
              bind(c, elems[i]);
              body(c, k);
            }
            return;
          }
          sp.enter(elems.length);
          for (let i = 0; i < elems.length; i++) {
            if (!sp.take()) continue;
            bind(c, elems[i]);
            body(c, k);
          }
          sp.leave();
        };
        continue;
      }
      act = (c, k) => {
        const elems = enumerateSet(set(c), range);
        for (let i = 0; i < elems.length; i++) {
          if (c.halt) return;
          const x = elems[i];
          bind(c, x);
          if (split && c.wantLabels && c.lab) {
            const saved = c.lab;
            c.lab = {
              name: saved.name,
              params: saved.params.concat({ name, value: x, bound: true }),
              range: saved.frozen ? saved.range : bodyRange,
              frozen: saved.frozen || !splits,
            };
            body(c, k);
            c.lab = saved;
          } else body(c, k);
        }
      };
    }
    if (e.bounds.length > 1) {
      // TLC builds its enumerator from every domain before the first element: a later set is
      // evaluated (and fails where it fails) even when an earlier one is empty.
      const loops = act;
      act = (c, k) => {
        for (let d = 1; d < sets.length; d++) enumerateSet(sets[d](c), ranges[d]);
        loops(c, k);
      };
    }
    return act;
  }

  /** Calls an operator in action mode: a new frame, the body as an enumerator. */
  call(def: DefInfo, argEvs: Ev[], sc: Scope, mode: ActionMode, range: Range): Act {
    const hops = sc.depth - def.scope.depth;
    const n = argEvs.length;
    let body: { act: Act; layout: { size: number } } | undefined;
    const split = mode.split;
    const paramNames = def.params.map((p) => p.name);
    return (c, k) => {
      if (!body) body = this.defAction(def, mode);
      const v = new Array<Value>(body.layout.size);
      for (let i = 0; i < n; i++) v[i] = argEvs[i](c);
      const saved = c.f;
      const savedLab = c.lab;
      if (split && c.wantLabels) {
        c.lab = {
          name: def.name,
          params: paramNames.map((p, i) => ({ name: p, value: labelArg(v[i]) })),
          range: savedLab?.frozen ? savedLab.range : def.body.range,
          frozen: savedLab?.frozen,
        };
      }
      try {
        runInFrame(c, { v, up: hops === 0 ? saved : frameUp(saved, hops) }, saved, body.act, k);
      } catch (err) {
        withRange(err, range);
      } finally {
        c.lab = savedLab;
      }
    };
  }

  private defAction(def: DefInfo, mode: ActionMode): { act: Act; layout: { size: number } } {
    const key = `a:${mode.target}:${mode.split}`;
    let got = def.compiled.get(key) as { act: Act; layout: { size: number } } | undefined;
    if (!got) {
      const inner = def.scope.newFrame();
      // Arguments are passed unevaluated (TLC evaluates one when the body first uses it).
      for (const p of def.params) {
        const b = inner.bindLocal(p.name, p.arity, declarationOf(p));
        if (p.arity === 0) this.comp.lazyParam(b);
      }
      const entry: { act: Act; layout: { size: number } } = {
        act: () => undefined,
        layout: inner.layout,
      };
      def.compiled.set(key, entry);
      entry.act = this.action(def.body, inner, mode);
      got = entry;
    }
    return got;
  }

  /** A variable or constant of an instance replaced by an action-level expression. */
  private substAction(expr: Expr, exprScope: Scope, sc: Scope, mode: ActionMode): Act {
    if (exprScope.depth === 0 && hasBinders(expr)) return this.topLevel(expr, exprScope, mode);
    const inner = this.action(expr, exprScope, mode);
    const hops = sc.depth - exprScope.depth;
    if (hops === 0) return inner;
    return (c, k) => {
      const saved = c.f;
      runInFrame(c, frameUp(saved, hops), saved, inner, k);
    };
  }

  private qualified(e: Extract<Expr, { kind: 'Qualified' }>, sc: Scope, mode: ActionMode): Act {
    const r = this.comp.resolveQualified(e, sc);
    if (r.target.k !== 'def' || r.target.def.kind !== 'op') return this.guard(e, sc, mode);
    const def = r.target.def;
    // Plain expressions in an action read the current state; only x' reads the next.
    const primed = false;
    const instArgs = r.instArgs.map((a) => this.comp.expr(a, sc, primed));
    const opArgs = this.comp.args(
      e.args,
      def.params.map((p) => p.arity),
      sc,
      primed,
    );
    const holder = r.modScope.newFrame();
    for (let i = 0; i < opArgs.length; i++) holder.bindLocal(`#arg${i}`);
    const call = this.call(
      def,
      opArgs.map((_, i) => (c: Ctx) => c.f!.v[i]),
      holder,
      mode,
      e.range,
    );
    const hops = sc.depth - r.instScope.depth;
    const withParams = r.params > 0;
    return (c, k) => {
      const vals = opArgs.map((a) => a(c));
      const saved = c.f;
      let up: Frame | null = frameUp(saved, hops);
      if (withParams) up = { v: instArgs.map((a) => a(c)), up };
      runInFrame(c, { v: vals, up }, saved, call, k);
    };
  }
}

/**
 * Runs `act` in `frame`; its continuation `k` runs back in the caller's frame (the caller's later
 * conjuncts read the caller's bound variables), and the caller's frame is current again after.
 */
function runInFrame(
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
function allAssigned(c: Ctx, target: 'init' | 'next'): boolean {
  const vals = target === 'next' ? c.n! : c.s;
  for (let i = 0; i < vals.length; i++) if (vals[i] === undefined) return false;
  return true;
}

/** `rest` (a conjunction), or its conjuncts evaluated in order once every variable has a value. */
function evaluatedOnceAssigned(rest: Act, preds: LazyPredicate[], target: 'init' | 'next'): Act {
  return (c, k) => {
    if (!allAssigned(c, target)) return rest(c, k);
    for (let i = 0; i < preds.length; i++)
      if (!asBool(preds[i].ev()(c), preds[i].range, 'action conjunct')) return;
    k();
  };
}

/** A conjunct as a Boolean expression, compiled when first evaluated. */
interface LazyPredicate {
  ev: () => Ev;
  range: Range;
}

/** `first /\ rest`: simple conjuncts call `rest` directly; others through a continuation. */
function fuse(first: Act, rest: Act): Act {
  const simple = simpleOf.get(first);
  if (!simple) return (c, k) => first(c, () => rest(c, k));
  switch (simple.kind) {
    case 'guard': {
      const { ev, range } = simple;
      return (c, k) => {
        if (asBool(ev(c), range, 'action conjunct')) rest(c, k);
      };
    }
    case 'assignNext': {
      const { idx, ev } = simple;
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
    }
    case 'unchanged': {
      const { idx } = simple;
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
    }
  }
}

function assign(idx: number, rhs: Ev, mode: ActionMode, range: Range): Act {
  if (mode.target === 'next') {
    return tag(
      (c, k) => {
        const n = c.n!;
        const v = rhs(c);
        const cur = n[idx];
        if (cur === undefined) {
          n[idx] = v;
          k();
          n[idx] = undefined as unknown as Value;
        } else if (equals(cur, v)) k();
      },
      { kind: 'assignNext', idx, ev: rhs },
    );
  }
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

function assignIn(
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
    const elems = enumerateSet(set, setRange);
    const split = c.split;
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

/** Does the expression mention a primed variable or UNCHANGED (syntactically)? */
function mentionsPrime(e: Expr): boolean {
  if (e.kind === 'OpApp' && (e.name === "'" || e.name === 'UNCHANGED')) return true;
  let found = false;
  forEachChild(e, (ch) => {
    if (!found && mentionsPrime(ch)) found = true;
  });
  return found;
}

/** An operator constant substituted by an operator name (`XInit <- MyInit`) denotes that operator. */
function resolveOperator(b: Binding | undefined): Binding | undefined {
  let cur = b;
  for (let i = 0; i < 8 && cur && cur.k === 'subst' && cur.expr.kind === 'Ident'; i++) {
    const next = cur.scope.resolve(cur.expr, cur.expr.name);
    if (!next || next === cur) break;
    cur = next;
  }
  return cur && cur.k === 'def' ? cur : b;
}
