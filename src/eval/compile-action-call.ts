/**
 * The action compiler's first layer: applying operators in an action. A definition is called with
 * a frame for its parameters and its body compiled as an enumerator; a call whose arguments
 * mention primed variables is inlined with its parameters standing for the argument expressions
 * (TLC's lazy arguments: `Send(m, memInt')` can assign memInt' in the body); `A \\cdot B`
 * composes two actions; `I!A` runs an action of an instantiated module. compile-action.ts
 * (`ActionCompiler`) extends it with the action forms themselves.
 */
import type { Expr, Range } from '../tla/ast/ast';
import { type Value, equals } from '../core/values';
import { EvalError, withRange } from './errors';
import {
  type Binding,
  type Ctx,
  type DefInfo,
  type Frame,
  Scope,
  frameUp,
  shownLabel,
} from './scope';
import { forEachChild } from '../tla/ast/ast-walk';
import { declarationOf } from '../tla/ast/names';
import type { Compiler } from './compile-expr';
import {
  type Act,
  type Ev,
  asBool,
  asSet,
  enumerateSet,
  hasBinders,
  labelArg,
} from './compile-support';
import { type LazyPredicate, assign, assignIn, isGuard, runInFrame } from './action-steps';
import type { ActionMode } from './action-steps';
import { type Runtime, perSite, rt } from './per-site';

export type { Act, ActionMode };

export abstract class ActionCallCompiler {
  constructor(
    readonly comp: Compiler,
    readonly varCount: number,
  ) {
    comp.actions = this;
  }

  abstract enabled(e: Expr, sc: Scope): (c: Ctx) => boolean;
  abstract action(e: Expr, sc: Scope, mode: ActionMode): Act;
  abstract topLevel(e: Expr, sc: Scope, mode: ActionMode): Act;
  protected abstract guard(e: Expr, sc: Scope, mode: ActionMode): Act;
  protected abstract assignable(e: Expr, sc: Scope, mode: ActionMode): number;
  protected abstract instanceVar(e: Expr, sc: Scope): Extract<Binding, { k: 'subst' }> | undefined;
  protected abstract unchanged(e: Expr, sc: Scope, mode: ActionMode): Act;
  protected abstract predicates(es: Expr[], sc: Scope): LazyPredicate[];

  protected opApp(e: Extract<Expr, { kind: 'OpApp' }>, sc: Scope, mode: ActionMode): Act {
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
    if (name === '=>' && args.length === 2) {
      // TLC: P => A in an action is A where P holds (A branches and assigns there), else true.
      const rhs = this.action(args[1], sc, { target: mode.target, split: false });
      if (isGuard(rhs)) return this.guard(e, sc, mode);
      const cond = this.comp.expr(args[0], sc, primed);
      const condRange = args[0].range;
      return (c, k) => (asBool(cond(c), condRange, 'left side of =>') ? rhs(c, k) : k());
    }
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
      return this.call(b.def, argEvs, sc, mode, range, this.readsState(args, b.def, sc));
    }
    return this.guard(e, sc, mode);
  }

  /** The parameter names of the instance `I(p)` that `I(a)!Op` starts with. */
  protected instanceParams(e: Extract<Expr, { kind: 'Qualified' }>, sc: Scope): string[] {
    const b = sc.lookup(e.path[0].name);
    return b?.k === 'instance' ? b.params.map((p) => p.name) : [];
  }

  /** The INSTANCE statement `I!Op` goes through first. */
  protected instanceRange(e: Extract<Expr, { kind: 'Qualified' }>, sc: Scope): Range | undefined {
    const b = sc.lookup(e.path[0].name);
    return b?.k === 'instance' ? b.unit.range : undefined;
  }

  /** Does an (expression) argument of the call read the state? Then TLC does not split the call. */
  protected readsState(args: Expr[], def: DefInfo, sc: Scope): boolean {
    return args.some((a, i) => {
      if ((def.params[i]?.arity ?? 0) > 0) return false;
      const r = this.comp.stateReads(a, sc);
      return r.variables || r.primes;
    });
  }

  /**
   * A call whose arguments mention primed variables (`Send(p, d, memInt, memInt')`) is compiled
   * by name, as TLC evaluates arguments lazily: the parameter stands for the argument expression,
   * so `newMemInt = v` in the body can assign memInt'. The callee's frame links to the caller's,
   * which is sound for top-level definitions (they capture no frame of their own).
   */
  protected byNameStack = new Set<DefInfo>();

  protected callByName(def: DefInfo, args: Expr[], sc: Scope, mode: ActionMode, range: Range): Act {
    // Inlined: the body is compiled for this call site in the caller's frame (its binders take
    // slots there), so a call allocates no frame and no continuation wrapper.
    const inner = new Scope(def.scope, sc.layout);
    // Where TLC splits Next into actions, it evaluates the arguments of a call when they are all
    // constant (the bound variables of an \E it split at included) and splits the body further;
    // otherwise the call is one action, its arguments evaluated lazily below it.
    let byValue = false;
    let bodyMode = mode;
    if (mode.split && !mode.lazyArgs && mode.target === 'next' && args.length > 0) {
      byValue = args.every((a, i) => {
        if (def.params[i].arity > 0) return false;
        const r = this.comp.stateReads(a, sc);
        return !r.variables && !r.primes;
      });
      if (!byValue) bodyMode = { ...mode, lazyArgs: true };
    }
    def.params.forEach((p, i) =>
      inner.define(
        p.name,
        { k: 'subst', expr: args[i], scope: sc, name: p.name, byValue },
        declarationOf(p),
      ),
    );
    this.byNameStack.add(def);
    let act: Act;
    try {
      act = this.action(def.body, inner, bodyMode);
    } finally {
      this.byNameStack.delete(def);
    }
    if (!mode.split) return byNameSite(act, range, rt);
    // The label shows the parameters' values; arguments that mention x' are not known yet.
    const labelArgs = args.map((a, i) =>
      mentionsPrime(a) || def.params[i].arity > 0 ? undefined : this.comp.expr(a, sc, false),
    );
    // TLC splits a call whose arguments are constant (bound variables of a split \E included);
    // otherwise the call is one action, named by the operator alone and placed at the call.
    const whole = bodyMode.lazyArgs === true && !mode.lazyArgs && this.readsState(args, def, sc);
    const labelParams = (c: Ctx) => {
      const params: { name: string; value: Value }[] = [];
      labelArgs.forEach((ev, i) => {
        if (!ev) return;
        try {
          params.push({ name: def.params[i].name, value: ev(c) });
        } catch {
          // An argument that reads x' through a definition is not known before the step.
        }
      });
      return params;
    };
    return (c, k) => {
      const savedLab = c.lab;
      if (c.wantLabels) {
        c.lab = savedLab?.frozen
          ? // Below a step TLC does not split further: its name and place stay TLC's.
            {
              name: def.name,
              params: labelParams(c),
              range: savedLab.range,
              frozen: true,
              shown: shownLabel(savedLab),
            }
          : whole
            ? {
                name: def.name,
                params: labelParams(c),
                range,
                frozen: true,
                shown: { name: def.name, params: [] },
              }
            : def.via
              ? { name: def.name, params: labelParams(c), range: def.via, frozen: true }
              : { name: def.name, params: labelParams(c), range: def.body.range };
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
  protected composition(left: Expr, right: Expr, sc: Scope): Act {
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
        // TLC counts each middle state among the states generated (Ctx.composed).
        c.composed = (c.composed ?? 0) + mids.length;
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

  /** Calls an operator in action mode: a new frame, the body as an enumerator. */
  call(
    def: DefInfo,
    argEvs: Ev[],
    sc: Scope,
    mode: ActionMode,
    range: Range,
    readsState = false,
    label?: { name: string; params: string[]; argEvs: Ev[]; range: Range },
  ): Act {
    const hops = sc.depth - def.scope.depth;
    let body: { act: Act; layout: { size: number } } | undefined;
    const split = mode.split;
    const paramNames = def.params.map((p) => p.name);
    // How TLC names the step (see callByName): a call it does not split (arguments that read
    // the state) by the operator alone at the call; a definition of an instantiated module by its
    // INSTANCE statement, split no further; otherwise by the operator's body.
    const whole = split && !mode.lazyArgs && readsState;
    return actCallSite(
      () => (body ??= this.defAction(def, mode)),
      argEvs,
      hops,
      split,
      label?.params ?? paramNames,
      label?.argEvs,
      label?.name ?? def.name,
      whole ? range : (label?.range ?? def.via ?? def.body.range),
      whole ? 'whole' : label || def.via ? 'instance' : 'body',
      range,
      labelArg,
      runInFrame,
      rt,
    );
  }

  protected defAction(def: DefInfo, mode: ActionMode): { act: Act; layout: { size: number } } {
    const key = `a:${mode.target}:${mode.split}:${mode.lazyArgs === true}`;
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
  protected substAction(expr: Expr, exprScope: Scope, sc: Scope, mode: ActionMode): Act {
    if (exprScope.depth === 0 && hasBinders(expr)) return this.topLevel(expr, exprScope, mode);
    const inner = this.action(expr, exprScope, mode);
    const hops = sc.depth - exprScope.depth;
    if (hops === 0) return inner;
    return (c, k) => {
      const saved = c.f;
      runInFrame(c, frameUp(saved, hops), saved, inner, k);
    };
  }

  protected qualified(e: Extract<Expr, { kind: 'Qualified' }>, sc: Scope, mode: ActionMode): Act {
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
    const withParams = r.params > 0;
    // TLC names the step I!Op(instance arguments, arguments), placed at the INSTANCE statement.
    const instParams = withParams ? this.instanceParams(e, sc) : [];
    const argEv = (i: number) => (c: Ctx) => c.f!.v[i];
    const instEv = (j: number) => (c: Ctx) => c.f!.up!.v[j];
    const call = this.call(
      def,
      opArgs.map((_, i) => argEv(i)),
      holder,
      mode,
      e.range,
      this.readsState(
        r.instArgs,
        { params: instParams.map(() => ({ arity: 0 })) } as DefInfo,
        sc,
      ) || this.readsState(e.args, def, sc),
      {
        name: [...e.path.map((p) => p.name), e.name].join('!'),
        params: [...instParams, ...def.params.map((p) => p.name)],
        argEvs: [...instParams.map((_, j) => instEv(j)), ...opArgs.map((_, i) => argEv(i))],
        range: this.instanceRange(e, sc) ?? def.via ?? def.body.range,
      },
    );
    const hops = sc.depth - r.instScope.depth;
    return (c, k) => {
      const vals = opArgs.map((a) => a(c));
      const saved = c.f;
      let up: Frame | null = frameUp(saved, hops);
      if (withParams) up = { v: instArgs.map((a) => a(c)), up };
      runInFrame(c, { v: vals, up }, saved, call, k);
    };
  }
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

/** A call inlined at its site (see callByName), outside splitting positions. */
const byNameSite = perSite('byName', (act: Act, range: Range, rt: Runtime): Act => {
  const { withRange } = rt;
  return (c, k) => {
    try {
      act(c, k);
    } catch (err) {
      withRange(err, range);
    }
  };
});

/** Calls an operator in action mode: a new frame, the body as an enumerator (see call). */
const actCallSite = perSite(
  'actCall',
  (
    getBody: () => { act: Act; layout: { size: number } },
    argEvs: Ev[],
    hops: number,
    split: boolean,
    paramNames: string[],
    labelEvs: Ev[] | undefined,
    name: string,
    bodyRange: Range,
    labelKind: 'body' | 'instance' | 'whole',
    range: Range,
    labelArg: (x: Value) => Value,
    runInFrame: (
      c: Ctx,
      frame: Frame | null,
      caller: Frame | null,
      act: Act,
      k: () => void,
    ) => void,
    rt: Runtime,
  ): Act => {
    const { withRange } = rt;
    const n = argEvs.length;
    let body: { act: Act; layout: { size: number } } | undefined;
    return (c, k) => {
      if (!body) body = getBody();
      const v = new Array<Value>(body.layout.size);
      for (let i = 0; i < n; i++) v[i] = argEvs[i](c);
      const saved = c.f;
      const savedLab = c.lab;
      if (split && c.wantLabels) {
        const params = labelEvs
          ? paramNames.map((p, i) => ({ name: p, value: labelArg(labelEvs[i](c)) }))
          : paramNames.map((p, i) => ({ name: p, value: labelArg(v[i]) }));
        c.lab = savedLab?.frozen
          ? // Below a step TLC does not split further: its name and place stay TLC's.
            {
              name,
              params,
              range: savedLab.range,
              frozen: true,
              // (shownLabel inlined: a per-site body closes over its parameters only)
              shown: savedLab.shown ?? {
                name: savedLab.name,
                params: savedLab.params.filter((p) => !p.bound).map((p) => p.value),
              },
            }
          : {
              name,
              params,
              range: bodyRange,
              frozen: labelKind !== 'body' || undefined,
              shown: labelKind === 'whole' ? { name, params: [] } : undefined,
            };
      }
      let up = saved;
      for (let h = 0; h < hops; h++) up = up!.up;
      try {
        runInFrame(c, { v, up }, saved, body.act, k);
      } catch (err) {
        withRange(err, range);
      } finally {
        c.lab = savedLab;
      }
    };
  },
);
