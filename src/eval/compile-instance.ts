/**
 * The compiler's layer for instances: `I!Op`, `I(x)!Op(a)`, `I!J!Op`. The path is followed
 * through the scopes the model builds for each instantiated module (`instantiate`, model.ts),
 * where the module's constants and variables stand for the instantiator's expressions.
 */
import type { Expr } from '../tla/ast/ast';
import { EvalError } from './errors';
import { type Ctx, type Frame, type Binding, Scope, frameUp } from './scope';
import { type Ev, evalInFrame } from './compile-support';
import { CallCompiler } from './compile-call';

export abstract class InstanceCompiler extends CallCompiler {
  protected qualified(e: Extract<Expr, { kind: 'Qualified' }>, sc: Scope, primed: boolean): Ev {
    const resolved = this.resolveQualified(e, sc);
    const argEvs = resolved.instArgs.map((a) => this.expr(a, sc, primed));
    const hops = sc.depth - resolved.instScope.depth;
    const b = resolved.target;
    if (b.k === 'def' && b.def.kind === 'op') {
      const opArgs = this.args(
        e.args,
        b.def.params.map((p) => p.arity),
        sc,
        primed,
      );
      // Op args are evaluated in the caller's frame and passed through a holder frame.
      const holder = resolved.modScope.newFrame();
      for (let i = 0; i < opArgs.length; i++) holder.bindLocal(`#arg${i}`);
      const call = this.callDef(
        b.def,
        opArgs.map((_, i) => (c: Ctx) => c.f!.v[i]),
        holder,
        primed,
        e.range,
      );
      if (resolved.params === 0) {
        return (c) => {
          const vals = opArgs.map((a) => a(c));
          return evalInFrame(c, { v: vals, up: frameUp(c.f, hops) }, call);
        };
      }
      return (c) => {
        const instVals = argEvs.map((a) => a(c));
        const vals = opArgs.map((a) => a(c));
        const saved = c.f;
        const instFrame: Frame = { v: instVals, up: frameUp(saved, hops) };
        c.f = { v: vals, up: instFrame };
        try {
          return call(c);
        } finally {
          c.f = saved;
        }
      };
    }
    const inner = this.binding(b, e.name, e.range, resolved.modScope, primed);
    if (e.args.length > 0) throw new EvalError(`${e.name} takes no arguments`, e.range);
    if (resolved.params === 0) {
      return (c) => {
        return evalInFrame(c, frameUp(c.f, hops), inner);
      };
    }
    return (c) => {
      const instVals = argEvs.map((a) => a(c));
      return evalInFrame(c, { v: instVals, up: frameUp(c.f, hops) }, inner);
    };
  }

  protected qualifiedTarget(
    e: Extract<Expr, { kind: 'Qualified' }>,
    sc: Scope,
  ): Binding | undefined {
    try {
      return this.resolveQualified(e, sc).target;
    } catch {
      // (Reported where the expression is compiled, if it ever is: the analysis only declines.)
      return undefined;
    }
  }

  /** Set by the model builder: builds the scope of an instantiated module. */
  instantiate!: (
    b: Extract<Binding, { k: 'instance' }>,
    args?: { exprs: Expr[]; scope: Scope },
  ) => Scope;

  resolveQualified(
    e: Extract<Expr, { kind: 'Qualified' }>,
    sc: Scope,
  ): { target: Binding; modScope: Scope; instScope: Scope; instArgs: Expr[]; params: number } {
    if (e.path.length !== 1) {
      // Nested instances I!J!Op: resolve step by step; parameters only on the first step.
      let scope = sc;
      let first: Extract<Binding, { k: 'instance' }> | undefined;
      for (const step of e.path) {
        const b = scope.lookup(step.name);
        if (!b || b.k !== 'instance')
          throw new EvalError(`${step.name} is not an instance`, e.range);
        if (!first) first = b;
        else if (step.args.length)
          throw new EvalError('Parameters on nested instances are not supported', e.range);
        scope = this.instantiate(b);
      }
      const target = scope.lookup(e.name);
      if (!target)
        throw new EvalError(
          `Unknown name ${e.name} in ${e.path.map((p) => p.name).join('!')}`,
          e.range,
        );
      return {
        target,
        modScope: scope,
        instScope: first!.scope,
        instArgs: e.path[0].args,
        params: first!.params.length,
      };
    }
    const step = e.path[0];
    const b = sc.lookup(step.name);
    if (!b || b.k !== 'instance') throw new EvalError(`${step.name} is not an instance`, e.range);
    if (b.params.length !== step.args.length) {
      throw new EvalError(
        `${step.name} takes ${b.params.length} argument(s) but is given ${step.args.length}`,
        e.range,
      );
    }
    const modScope = this.instantiate(b);
    const target = modScope.lookup(e.name);
    if (!target)
      throw new EvalError(`Unknown name ${e.name} in the instance ${step.name}`, e.range);
    return { target, modScope, instScope: b.scope, instArgs: step.args, params: b.params.length };
  }
}
