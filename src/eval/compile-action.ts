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
import type { Bound, Expr, Range } from '../tla/ast/ast';
import { type Value, TupleValue, equals } from '../core/values';
import { EvalError } from './errors';
import { type Binding, type Ctx, type DefInfo, type Frame, Scope, frameUp } from './scope';
import { keptSlots } from './compile-expr';
import { declarationOf } from '../tla/ast/names';
import { type Runtime, perSite, rt } from './per-site';
import { type Act, type Ev, asBool, enumerateSet, functionArgs } from './compile-support';
import { ActionCallCompiler, type ActionMode } from './compile-action-call';
import {
  type LazyPredicate,
  allAssigned,
  conjunction,
  isGuard,
  runInFrame,
  tag,
} from './action-steps';

export type { Act, ActionMode };

export class ActionCompiler extends ActionCallCompiler {
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
      const savedComposed = c.composed;
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
        // ENABLED's steps are not generated states.
        c.composed = savedComposed;
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
        return orActSite(
          e.args.map((a) => this.action(a, sc, mode)),
          e.args.map((a) => a.range),
          mode.split,
        );
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
        if (b && b.k === 'subst' && !b.byValue) return this.substAction(b.expr, b.scope, sc, mode);
        return this.guard(e, sc, mode);
      }
      case 'FcnApp': {
        const fcn = this.lazyFunction(e.fcn, sc);
        return fcn ? this.applyLazy(fcn, e, sc, mode) : this.guard(e, sc, mode);
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
   * `f[a]` where f is a function TLC has not built yet: a `[x \in S |-> e]` written there, or a
   * definition `f[x \in S] == e` or `f == [x \in S |-> e]` that is not constant (TLC computes
   * constant definitions before the search, and builds their functions). TLC evaluates such an
   * application in an action (or Init) as the function's body with x bound to a, checked to be in
   * S: a disjunction or `\E` in the body branches (each way is a successor generated), and `x' = `
   * in it assigns. Anything else applied is a value, and `f[a]` a guard.
   */
  protected lazyFunction(f: Expr, sc: Scope): LazyFunction | undefined {
    if (f.kind === 'FcnCtor') return { bounds: f.bounds, body: f.body, name: undefined };
    if (f.kind === 'OpApp' && f.args.length > 0) {
      // `F(a)[k]` with F(p) == [x \in S |-> e]: a function built at each call, with p bound.
      const b = sc.resolve(f, f.name);
      if (!b || b.k !== 'def') return undefined;
      const def = b.def;
      if (
        def.kind !== 'op' ||
        def.body.kind !== 'FcnCtor' ||
        def.params.length !== f.args.length ||
        def.params.some((p) => p.arity > 0)
      )
        return undefined;
      const ctor = def.body;
      return { bounds: ctor.bounds, body: ctor.body, name: def.name, def, args: f.args };
    }
    if (f.kind !== 'Ident') return undefined;
    const b = sc.resolve(f, f.name);
    if (!b || b.k !== 'def') return undefined;
    const def = b.def;
    const fcnBody = def.kind === 'op' && def.params.length === 0 && def.body.kind === 'FcnCtor';
    if (def.kind !== 'fcn' && !fcnBody) return undefined;
    if (def.scope.depth === 0 && this.comp.isConstantDef(def)) return undefined;
    if (def.kind === 'fcn') return { bounds: def.bounds!, body: def.body, name: def.name, def };
    const ctor = def.body as Extract<Expr, { kind: 'FcnCtor' }>;
    return { bounds: ctor.bounds, body: ctor.body, name: def.name, def };
  }

  /** `f[a]` in an action, for f a lazy function (see lazyFunction): its body, x bound to a. */
  protected applyLazy(
    fcn: LazyFunction,
    e: Extract<Expr, { kind: 'FcnApp' }>,
    sc: Scope,
    mode: ActionMode,
  ): Act {
    // The key as in an expression (Compiler.fcnApp): `f[a, b]` applies f to <<a, b>>.
    const args = e.args.map((a) => this.comp.expr(a, sc, false));
    const arg: Ev = args.length === 1 ? args[0] : (c) => new TupleValue(args.map((a) => a(c)));
    const n = fcn.bounds.length;
    const range = e.range;
    const sub = { target: mode.target, split: false };
    const def = fcn.def;
    if (!def) {
      // Written in place: the bound variables take slots of this frame, as a quantifier's.
      const inner = sc.child();
      const sets = fcn.bounds.map((b) => this.comp.expr(b.set!, sc, false));
      const binds = fcn.bounds.map((b) => this.comp.bindPattern(b, inner));
      const body = this.action(fcn.body, inner, sub);
      if (isGuard(body)) return this.guard(e, sc, mode);
      return (c, k) => {
        const ps = functionArgs(c, arg(c), sets, fcn.name, range);
        for (let i = 0; i < n; i++) binds[i](c, ps[i]);
        body(c, k);
      };
    }
    // A definition: its body in a frame of its own above the definition's, compiled when first
    // applied (a recursive function applies itself in its body).
    const hops = sc.depth - def.scope.depth;
    const key = `lazy:${mode.target}`;
    // The operator's arguments, evaluated at the call (slots 0.. of the frame, before the bounds').
    const argEvs = (fcn.args ?? []).map((a) => this.comp.expr(a, sc, false));
    const nArgs = argEvs.length;
    const compiled = (): LazyBody => {
      let got = def.compiled.get(key) as LazyBody | undefined;
      if (!got) {
        const inner = def.scope.newFrame();
        for (const p of def.params) inner.bindLocal(p.name, 0, declarationOf(p));
        const binds = fcn.bounds.map((b) => this.comp.bindPattern(b, inner));
        const sets = fcn.bounds.map((b) => this.comp.expr(b.set!, inner, false));
        got = { act: () => undefined, sets, binds, layout: inner.layout };
        def.compiled.set(key, got);
        got.act = this.action(fcn.body, inner, sub);
      }
      return got;
    };
    let body: LazyBody | undefined;
    return (c, k) => {
      body ??= compiled();
      const k0 = arg(c);
      const saved = c.f;
      const up = frameUp(saved, hops);
      const frame: Frame = { v: new Array<Value>(body.layout.size), up };
      for (let i = 0; i < nArgs; i++) frame.v[i] = argEvs[i](c);
      try {
        c.f = frame;
        const ps = functionArgs(c, k0, body.sets, fcn.name, range);
        for (let i = 0; i < n; i++) body.binds[i](c, ps[i]);
      } finally {
        c.f = saved;
      }
      runInFrame(c, frame, saved, body.act, k);
    };
  }

  /**
   * The conjuncts as plain Boolean expressions (primes read the next state), compiled when first
   * needed: what TLC evaluates once every variable has its value (see `conjunction`).
   */
  protected predicates(es: Expr[], sc: Scope): LazyPredicate[] {
    return es.map((e) => {
      let ev: Ev | undefined;
      return { ev: () => (ev ??= this.comp.expr(e, sc, false)), range: e.range };
    });
  }

  protected guard(e: Expr, sc: Scope, _mode: ActionMode): Act {
    const ev = this.comp.expr(e, sc, false);
    const range = e.range;
    return tag(guardSite(ev, range, rt), { kind: 'guard', ev, range });
  }

  /** The state variable `e` denotes in an assignment position (`x'` in Next, `x` in Init), or -1. */
  protected assignable(e: Expr, sc: Scope, mode: ActionMode, hops = 0): number {
    if (mode.target === 'init') return this.varIndex(e, sc);
    if (e.kind === 'OpApp' && e.name === "'" && e.args.length === 1)
      return this.varIndex(e.args[0], sc);
    if (e.kind === 'Ident' && hops < 16) {
      // A by-name parameter standing for x' (see callByName), or a definition without
      // parameters whose body is x' (`nx == x'`, also in a LET): TLC's getPrimedVar follows both.
      const b = sc.resolve(e, e.name);
      if (b && b.k === 'subst') return this.assignable(b.expr, b.scope, mode, hops + 1);
      if (b && b.k === 'def' && b.def.kind === 'op' && b.def.params.length === 0)
        return this.assignable(b.def.body, b.def.scope, mode, hops + 1);
    }
    return -1;
  }

  /** For `x'` with x a variable of an instantiated module (a `subst` binding): that binding. */
  protected instanceVar(e: Expr, sc: Scope): Extract<Binding, { k: 'subst' }> | undefined {
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
  protected varIndex(e: Expr, sc: Scope, hops = 0): number {
    if (e.kind !== 'Ident' || hops > 16) return -1;
    const b = sc.resolve(e, e.name);
    if (b && b.k === 'var') return b.index;
    if (b && b.k === 'subst') return this.varIndex(b.expr, b.scope, hops + 1);
    if (b && b.k === 'def' && b.def.kind === 'op' && b.def.params.length === 0) {
      return this.varIndex(b.def.body, b.def.scope, hops + 1);
    }
    return -1;
  }

  /** UNCHANGED <<x, y>>: x' = x for each variable; definitions such as `vars` are looked through. */
  protected unchanged(e: Expr, sc: Scope, mode: ActionMode): Act {
    if (e.kind === 'Tuple') return conjunction(e.elems.map((x) => this.unchanged(x, sc, mode)));
    if (e.kind === 'Ident') {
      const b = sc.resolve(e, e.name);
      if (b && b.k === 'var') {
        const i = b.index;
        return tag(unchangedSite(i, rt), { kind: 'unchanged', idx: i });
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
  protected unchangedValue(e: Expr, sc: Scope): Act {
    const now = this.comp.expr(e, sc, false);
    const next = this.comp.expr(e, sc, true);
    return (c, k) => {
      if (equals(next(c), now(c))) k();
    };
  }

  protected quant(e: Extract<Expr, { kind: 'Quant' }>, sc: Scope, mode: ActionMode): Act {
    if (e.bounds.some((b) => !b.set)) {
      // An error when the step reaches it, as in TLC, not when the action is compiled.
      const range = e.range;
      return () => {
        throw new EvalError('TLC cannot enumerate an unbounded quantifier in an action', range);
      };
    }
    // Plain expressions in an action read the current state; only x' reads the next.
    const primed = false;
    if (e.quantifier === 'A' && mode.target === 'next') {
      // \A x \in S : P where P is a plain guard with no prime (`\A p \in Procs : pc[p] = "Done"`)
      // is a guard: the quantified formula, evaluated as an expression (no list of every binding,
      // no continuation per element). Not where P branches (a disjunction, \E, a call): TLC
      // counts a successor per way through each instance.
      const guardScope = sc.child();
      for (const b of e.bounds) this.comp.bindPattern(b, guardScope);
      if (
        isGuard(this.action(e.body, guardScope, { target: mode.target, split: false })) &&
        !this.comp.stateReads(e.body, guardScope).primes
      ) {
        const ev = this.comp.quantified(e, sc, primed, 'action conjunct');
        return tag(testSite(ev), { kind: 'guard', ev, range: e.range });
      }
    }
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
    const split = mode.split;
    // TLC splits an action at \E only over a set it can compute before the search (no
    // variables): the body is then the step's place; otherwise the whole \E is.
    const splits = e.bounds.every((b) => {
      const r = this.comp.stateReads(b.set!, sc);
      return !r.variables && !r.primes;
    });
    let act = this.action(e.body, inner, split && !splits ? { ...mode, lazyArgs: true } : mode);
    const bodyRange = splits ? e.body.range : e.range;
    // For the simulator's action path: an element of a set TLC splits over names the action (1);
    // a set it does not split over leaves the action as it is inside (2). Quint's `nondet` (a
    // `quint::oneOf` set) does neither (0): Quint picks the `any` branch, not the value, first.
    const nondet = e.bounds.every((b) => b.set!.kind === 'OpApp' && b.set!.name === 'quint::oneOf');
    const pathMark = !split || nondet ? 0 : splits ? 1 : 2;
    // One loop per bound, nested at compile time (see conjunction for why no recursion closure).
    // TLC enumerates `\E a \in S, b \in T` with the first bound varying fastest, (s1, t1),
    // (s2, t1), …, in Init and in Next alike (the bounds' sets cannot refer to the bound
    // variables): the first bound's loop is the innermost, so that the successors, and the states
    // of a breadth-first level, come in TLC's order (the counts at a violation and the
    // counterexample found are TLC's). A step's label keeps the bounds in their written order.
    const n = e.bounds.length;
    for (let d = 0; d < n; d++) {
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
      act = existsSite(
        set,
        range,
        bind,
        body,
        split,
        name,
        n - 1 - d,
        bodyRange,
        splits,
        pathMark,
        rt,
      );
    }
    if (e.bounds.length > 1) {
      // TLC builds its enumerator from every domain, in order, before the first element: each set
      // is evaluated (and fails where it fails) even when another is empty. The outermost loop
      // (the last bound's) evaluates its own.
      const loops = act;
      act = (c, k) => {
        for (let d = 0; d < sets.length - 1; d++) enumerateSet(sets[d](c), ranges[d]);
        loops(c, k);
      };
    }
    return act;
  }
}

/** One bound of `\\E x \\in S : A` in an action: A for each element, the step's label saying which. */
const existsSite = perSite(
  'exists',
  (
    set: Ev,
    range: Range,
    bind: (c: Ctx, v: Value) => void,
    body: Act,
    split: boolean,
    name: string,
    /** Parameters of the same \E's later bounds already in the label (their loops are outside). */
    later: number,
    bodyRange: Range,
    splits: boolean,
    pathMark: number,
    rt: Runtime,
  ): Act => {
    const { enumerateSet } = rt;
    return (c, k) => {
      const elems = enumerateSet(set(c), range);
      const path = pathMark !== 0 && !c.actionFrozen ? c.actionPath : undefined;
      const freeze = path !== undefined && pathMark === 2;
      const step = freeze ? undefined : path;
      if (freeze) c.actionFrozen = true;
      for (let i = 0; i < elems.length; i++) {
        if (c.halt) break;
        const x = elems[i];
        bind(c, x);
        step?.push(i);
        if (split && c.wantLabels && c.lab) {
          const saved = c.lab;
          const ps = saved.params;
          const param = { name, value: x, bound: true };
          c.lab = {
            name: saved.name,
            params:
              later === 0
                ? ps.concat(param)
                : ps.slice(0, ps.length - later).concat(param, ps.slice(ps.length - later)),
            range: saved.frozen ? saved.range : bodyRange,
            frozen: saved.frozen || !splits,
            shown: saved.shown,
          };
          body(c, k);
          c.lab = saved;
        } else body(c, k);
        step?.pop();
      }
      if (freeze) c.actionFrozen = false;
    };
  },
);

/** `A1 \\/ A2 \\/ …` in an action: each disjunct's steps in turn, the step named by its place. */
const orActSite = perSite('orAct', (parts: Act[], ranges: Range[], split: boolean): Act => {
  return (c, k) => {
    // The simulator's action path: the disjunct taken names TLC's action.
    const path = split && !c.actionFrozen ? c.actionPath : undefined;
    for (let i = 0; i < parts.length; i++) {
      if (c.halt) return;
      const saved = c.lab;
      // TLC's action is the disjunct split off: its place names the step.
      if (split && c.wantLabels && saved && !saved.frozen)
        c.lab = { name: saved.name, params: saved.params, range: ranges[i] };
      path?.push(i);
      parts[i](c, k);
      path?.pop();
      c.lab = saved;
    }
  };
});

const guardSite = perSite('guard', (ev: Ev, range: Range, rt: Runtime): Act => {
  const { asBool } = rt;
  return (c, k) => {
    if (asBool(ev(c), range, 'action conjunct')) k();
  };
});

/** A guard whose value is a boolean already (a quantified formula). */
const testSite = perSite('test', (ev: Ev): Act => {
  return (c, k) => {
    if (ev(c)) k();
  };
});

const unchangedSite = perSite('unchanged', (i: number, rt: Runtime): Act => {
  const { equals } = rt;
  return (c, k) => {
    const cur = c.s[i];
    const nv = c.n![i];
    if (nv === undefined) {
      c.n![i] = cur;
      k();
      c.n![i] = undefined as unknown as Value;
    } else if (equals(nv, cur)) k();
  };
});

/** A function TLC applies in an action through its body (see ActionCompiler.lazyFunction). */
interface LazyFunction {
  bounds: Bound[];
  body: Expr;
  name: string | undefined;
  /** The definition, when the function is one (the body is compiled once, for every site). */
  def?: DefInfo;
  /** The arguments of `F(a)[k]`, for F's parameters. */
  args?: Expr[];
}

interface LazyBody {
  act: Act;
  sets: Ev[];
  binds: ((c: Ctx, v: Value) => void)[];
  layout: { size: number };
}
