/**
 * The compiler's layer for applying operators: a built-in (with the one- and two-argument fast
 * paths), a user definition (a frame for its parameters, arguments passed unevaluated as TLC
 * does, see LazyArg), an operator parameter, a constant replaced by an operator, and operators
 * passed as arguments (names, symbolic built-ins, LAMBDA).
 */
import type { Expr, Range } from '../tla/ast/ast';
import { type Value, OpValue, ValueError, equals } from '../core/values';
import { EvalError, withRange } from './errors';
import {
  type Ctx,
  type Frame,
  type DefInfo,
  type Binding,
  type MemoEntry,
  Scope,
  frameUp,
} from './scope';
import { declarationOf, declarationsOf } from '../tla/ast/names';
import type { Builtin } from './builtins/types';
import { isTlcJavaOverride } from './builtins/tlc-java';
import { type ActionCompiler, type Ev, LazyArg, evalInFrame, forced } from './compile-support';
import { FunctionCompiler } from './compile-functions';
import { type Runtime, perSite, rt } from './per-site';
import { withRandomFor } from './builtins/random';

export abstract class CallCompiler extends FunctionCompiler {
  /** Parameters of user-defined operators: their slots may hold a `LazyArg`. */
  protected readonly lazyParams = new WeakSet<Binding>();
  /**
   * Compiled arguments that never give a `LazyArg` (literals, variables, constants, bound
   * variables and parameters that hold values): a parameter that receives only such arguments is
   * read without the check for an argument not evaluated yet (see defBody).
   */
  private readonly strictArgs = new WeakSet<Ev>();

  /** Set by the action compiler once it exists (ENABLED needs it). */
  actions!: ActionCompiler;

  abstract binding(b: Binding, name: string, range: Range, sc: Scope, primed: boolean): Ev;

  /**
   * The arguments of a call of a user-defined operator, as its parameters receive them: literals,
   * variables and constants as values; a parameter of the caller passed on as it is (evaluated or
   * not); anything else unevaluated (see LazyArg).
   */
  protected lazyArgs(args: Expr[], arities: number[], sc: Scope, primed: boolean): Ev[] {
    return args.map((a, i) => {
      if (arities[i] > 0) return this.opArg(a, sc, primed, arities[i]);
      const ev = this.expr(a, sc, primed);
      if (a.kind === 'Num' || a.kind === 'Str' || a.kind === 'Bool') return this.strict(ev);
      if (a.kind === 'Ident') {
        const b = sc.resolve(a, a.name);
        if (b && (b.k === 'var' || b.k === 'const')) return this.strict(ev);
        if (b && b.k === 'local') {
          if (!this.lazyParams.has(b)) return this.strict(ev);
          const hops = sc.depth - b.depth;
          const idx = b.index;
          return (c) => (hops === 0 ? c.f! : frameUp(c.f, hops)!).v[idx];
        }
      }
      return (c: Ctx): Value => new LazyArg(ev, c) as unknown as Value;
    });
  }

  /** `ev`, marked as an argument that never gives a LazyArg. */
  private strict(ev: Ev): Ev {
    this.strictArgs.add(ev);
    return ev;
  }

  /**
   * The arguments of a call in an action (compile-action.ts), lazy as `lazyArgs` makes them, but
   * those that read primed variables evaluated at the call: the action's branches assign the
   * primed variables one way after another, and a value kept in the callee's frame would be stale.
   */
  actionArgs(args: Expr[], arities: number[], sc: Scope): Ev[] {
    const lazy = this.lazyArgs(args, arities, sc, false);
    return args.map((a, i) =>
      arities[i] === 0 && this.stateReads(a, sc).primes ? this.expr(a, sc, false) : lazy[i],
    );
  }

  /** Marks an operator parameter of an action as one that may hold an argument not evaluated yet. */
  lazyParam(b: Binding): void {
    this.lazyParams.add(b);
  }

  protected opApp(e: Extract<Expr, { kind: 'OpApp' }>, sc: Scope, primed: boolean): Ev {
    const { name, args, range } = e;
    switch (name) {
      case "'": {
        if (primed) throw new EvalError('A primed expression cannot be primed again', range);
        return this.expr(args[0], sc, true);
      }
      case '=>': {
        const [a, b] = args.map((x) => this.expr(x, sc, primed));
        return impliesSite(a, b, args[0].range, args[1].range, rt);
      }
      case 'UNCHANGED': {
        const now = this.expr(args[0], sc, false);
        const next = this.expr(args[0], sc, true);
        return (c) => equals(next(c), now(c));
      }
      case 'ENABLED': {
        const en = this.actions.enabled(args[0], sc);
        return (c) => en(c);
      }
      case '[]':
      case '<>':
      case '~>':
      case '-+->':
        throw new EvalError(`The temporal operator ${name} cannot be evaluated here`, range);
    }
    const b = sc.resolve(e, name);
    if (b && b.k !== 'builtin') {
      if (b.k === 'def') {
        if (b.def.kind === 'fcn')
          return this.fcnApp({ kind: 'Ident', name, range }, args, sc, primed, range);
        const arities = b.def.params.map((p) => p.arity);
        const argEvs = isTlcJavaOverride(b.def.range.module, b.def.name)
          ? this.args(args, arities, sc, primed)
          : this.lazyArgs(args, arities, sc, primed);
        return this.callDef(b.def, argEvs, sc, primed, range);
      }
      if (b.k === 'local' && b.arity > 0) {
        const op = this.local(b, sc);
        // Lazy as for a definition: the operator may be a LAMBDA or a definition (see LazyArg).
        const argEvs = this.lazyArgs(
          args,
          args.map(() => 0),
          sc,
          primed,
        );
        return (c) => {
          const f = op(c) as OpValue;
          return f.call(argEvs.map((a) => a(c)));
        };
      }
      if (b.k === 'const' && b.value instanceof OpValue) {
        const f = b.value;
        const argEvs = args.map((a) => this.expr(a, sc, primed));
        return (c) => f.call(argEvs.map((a) => a(c)));
      }
      if (b.k === 'subst') {
        // A constant operator F(_) replaced by an operator of the instantiator.
        const fn = this.binding(b, name, range, sc, primed);
        const argEvs = args.map((a) => this.expr(a, sc, primed));
        return (c) => {
          const f = fn(c);
          if (!(f instanceof OpValue)) throw new EvalError(`${name} is not an operator`, range);
          return f.call(argEvs.map((a) => a(c)));
        };
      }
      throw new EvalError(`${name} is not an operator that takes arguments`, range);
    }
    const native = this.builtinCall(name, this.builtinOf(name, b), args, sc, primed, range);
    if (b?.k !== 'builtin' || !b.def || b.javaInTlc || args.length === 0) return native;
    // A library operator TLC evaluates from its TLA+ text (no Java override in tla2tools.jar):
    // its arguments are lazy there, so one the definition never reads may fail. Ours is native
    // and takes values: when an argument fails, the definition decides, with lazy arguments.
    const def = b.def;
    const arities = def.params.map((p) => p.arity);
    const argChecks = args.map((a, i) => (arities[i] === 0 ? this.expr(a, sc, primed) : undefined));
    let byText: Ev | undefined;
    return (c) => {
      try {
        return native(c);
      } catch (err) {
        if (!(err instanceof EvalError) && !(err instanceof ValueError)) throw err;
        if (!argsFail(c)) throw err;
        byText ??= this.callDef(def, this.lazyArgs(args, arities, sc, primed), sc, primed, range);
        return byText(c);
      }
    };
    /** Whether one of the arguments (not the native code) failed. */
    function argsFail(c: Ctx): boolean {
      return argChecks.some((a) => {
        if (!a) return false;
        try {
          a(c);
          return false;
        } catch {
          return true;
        }
      });
    }
  }

  protected builtinCall(
    name: string,
    bi: Builtin | undefined,
    args: Expr[],
    sc: Scope,
    primed: boolean,
    range: Range,
  ): Ev {
    if (!bi || !bi.call) throw new EvalError(`Unknown operator ${name}`, range);
    if (bi.arity !== args.length && bi.arity >= 0) {
      throw new EvalError(
        `${name} takes ${bi.arity} argument(s) but is given ${args.length}`,
        range,
      );
    }
    const arities = args.map((_, i) => (bi.opParams?.includes(i) ? -1 : 0));
    const argEvs = args.map((a, i) =>
      arities[i] === -1 ? this.opArg(a, sc, primed, -1) : this.expr(a, sc, primed),
    );
    const call = bi.call;
    const services = this.services;
    if (argEvs.length === 1 && bi.call1) return call1Site(argEvs[0], bi.call1, range, rt);
    if (argEvs.length === 2 && bi.callWithSingleton) {
      const set = args[1];
      if (set.kind === 'SetEnum' && set.elems.length === 1)
        return call2Site(
          argEvs[0],
          this.expr(set.elems[0], sc, primed),
          bi.callWithSingleton,
          range,
          rt,
        );
    }
    if (argEvs.length === 2 && bi.call2)
      return call2Site(argEvs[0], argEvs[1], bi.call2, range, rt);
    if (argEvs.length === 1) {
      const a0 = argEvs[0];
      return (c) => {
        const x = a0(c);
        try {
          return call([x], services);
        } catch (err) {
          return withRange(err, range);
        }
      };
    }
    if (argEvs.length === 2) {
      const [a0, a1] = argEvs;
      return (c) => {
        const x = a0(c);
        const y = a1(c);
        try {
          return call([x, y], services);
        } catch (err) {
          return withRange(err, range);
        }
      };
    }
    return (c) => {
      const vals = argEvs.map((a) => a(c));
      try {
        return call(vals, services);
      } catch (err) {
        return withRange(err, range);
      }
    };
  }

  /** Compile call arguments; a parameter of arity > 0 takes an operator. */
  args(args: Expr[], arities: number[], sc: Scope, primed: boolean): Ev[] {
    return args.map((a, i) =>
      arities[i] > 0
        ? this.opArg(a, sc, primed, arities[i])
        : this.strict(this.expr(a, sc, primed)),
    );
  }

  /** An argument that is an operator: a name, a symbolic built-in or a LAMBDA, as an OpValue. */
  opArg(e: Expr, sc: Scope, primed: boolean, arity: number): Ev {
    if (e.kind === 'Lambda') {
      const inner = sc.newFrame();
      const decls = declarationsOf(e);
      e.params.forEach((p, i) => this.lazyParams.add(inner.bindLocal(p, 0, decls[i])));
      const body = this.expr(e.body, inner, primed);
      const layout = inner.layout;
      return (c) => {
        const captured = c.f;
        return new OpValue('LAMBDA', e.params.length, (vals) => {
          // One array for the frame (concat made two per call: ChooseOne(S, LAMBDA x : ...) calls
          // it once per element).
          const v = new Array<Value>(layout.size);
          for (let i = 0; i < vals.length; i++) v[i] = vals[i];
          const fr: Frame = { v, up: captured };
          return evalInFrame(c, fr, body);
        });
      };
    }
    if (e.kind === 'Ident' || e.kind === 'OpRef') {
      const name = e.name;
      const b = sc.resolve(e, name);
      if (b && b.k === 'local') return this.local(b, sc);
      if (b && b.k === 'def' && b.def.kind === 'op') {
        const def = b.def;
        const n = def.params.length;
        // Call the definition from a frame that holds the argument values.
        const holder = sc.newFrame();
        for (const p of def.params) holder.bindLocal(p.name);
        const call = this.callDef(
          def,
          def.params.map((_, i) => (c: Ctx) => c.f!.v[i]),
          holder,
          primed,
          e.range,
        );
        return (c) => {
          const captured = c.f;
          return new OpValue(name, n, (vals) => {
            return evalInFrame(c, { v: vals, up: captured }, call);
          });
        };
      }
      if (b && b.k === 'const' && b.value instanceof OpValue) {
        const v = b.value;
        return () => v;
      }
      if (b && b.k === 'subst') return this.binding(b, name, e.range, sc, primed);
      if (!b || b.k === 'builtin') {
        const bi = this.builtinOf(name, b);
        if (bi && bi.call) {
          const call = bi.call;
          const services = this.services;
          const op = new OpValue(name, bi.arity, (vals) => call(forced(vals), services));
          return () => op;
        }
      }
      if (arity === 0 || arity === -1) return this.expr(e, sc, primed);
      throw new EvalError(`${name} is not an operator of ${arity} argument(s)`, e.range);
    }
    if (arity === -1 || arity === 0) return this.expr(e, sc, primed);
    throw new EvalError('An operator argument must be an operator name or a LAMBDA', e.range);
  }

  /**
   * A definition of a module scope called with values: how a library operator implemented natively
   * evaluates its own TLA+ definition for the arguments its native code leaves to the text
   * (builtins/library.ts). Operator parameters take OpValues. Only for constant-level definitions.
   */
  definitionAsFunction(def: DefInfo): (vals: Value[]) => Value {
    const holder = def.scope.newFrame();
    for (const p of def.params) holder.bindLocal(p.name, p.arity);
    const call = this.callDef(
      def,
      def.params.map((_, i) => (c: Ctx) => c.f!.v[i]),
      holder,
      false,
      def.range,
    );
    return (vals) => evalInFrame({ s: [], n: null, f: null }, { v: vals, up: null }, call);
  }

  /** Calls a user definition: a new frame for its parameters, linked to its defining frame. */
  callDef(def: DefInfo, argEvs: Ev[], sc: Scope, primed: boolean, range: Range): Ev {
    const hops = sc.depth - def.scope.depth;
    if (argEvs.length === 0 && def.scope.depth === 0 && this.isConstantDef(def)) {
      const body = this.defBody(def, primed);
      return (c) => {
        if (def.constantValue) return def.constantValue.v;
        const saved = c.f;
        c.f = { v: new Array(body.layout.size), up: null };
        try {
          // Its random draws (RandomElement) depend on its name alone: every worker computes it.
          const v = withRandomFor(
            `${def.name}@${def.range.start.line}:${def.range.start.column}`,
            () => body.ev(c),
          );
          def.constantValue = { v };
          return v;
        } finally {
          c.f = saved;
        }
      };
    }
    // Compiled lazily so that recursive operators terminate at compile time.
    let body: { ev: Ev; layout: { size: number } } | undefined;
    const n = argEvs.length;
    // The parameters that may receive an argument not evaluated yet, from this call.
    const lazy = argEvs.map((a) => !this.strictArgs.has(a));
    if (n === 0 && def.letSlots) {
      // A LET definition's value, kept in the LET's frame once computed (see letScope).
      const slot = primed ? def.letSlots.vp : def.letSlots.v;
      return (c) => {
        const fr = frameUp(c.f, hops)!;
        const kept = fr.v[slot];
        if (kept !== undefined) return kept;
        if (!body) body = this.defBody(def, primed);
        const saved = c.f;
        c.f = { v: new Array<Value>(body.layout.size), up: fr };
        try {
          const v = body.ev(c);
          fr.v[slot] = v;
          return v;
        } catch (err) {
          return withRange(err, range);
        } finally {
          c.f = saved;
        }
      };
    }
    if (n === 0 && def.scope.depth === 0) {
      // A top-level definition without parameters depends on the states only: where the caller
      // allows it (c.memo, complete states that do not change), computed once per pair of states.
      // Its value depends on the current state only when it reads no primed variable (a property's
      // state function, a refinement mapping's `chosen`), on the next state only when compiled
      // primed (`chosen'`): kept across the steps from one state, or to one state.
      const dep = primed ? 2 : this.stateReads(def.body, def.scope).primes ? 0 : 1;
      return memoCallSite(() => (body ??= this.defBody(def, primed)), hops, range, dep, rt);
    }
    return callSite(() => (body ??= this.defBody(def, primed, lazy)), argEvs, hops, range, rt);
  }

  /**
   * The compiled body of a definition, with a frame layout for its parameters and binders.
   * `lazy[i]` false: the i-th parameter only ever receives values, never a LazyArg, and is read
   * as a bound variable is; a body is compiled once per such pattern of its callers' arguments
   * (default: every parameter may be lazy).
   */
  defBody(
    def: DefInfo,
    primed: boolean,
    lazy?: readonly boolean[],
  ): { ev: Ev; layout: { size: number } } {
    const strictAt = lazy ? lazy.map((l, i) => (l ? '' : i)).join('') : '';
    const key = (primed ? 'vp' : 'v') + (strictAt === '' ? '' : ` strict ${lazy!.join()}`);
    let got = def.compiled.get(key) as { ev: Ev; layout: { size: number } } | undefined;
    if (!got) {
      const inner = def.scope.newFrame();
      for (let i = 0; i < def.params.length; i++) {
        const p = def.params[i];
        const b = inner.bindLocal(p.name, p.arity, declarationOf(p));
        if (p.arity === 0 && (!lazy || lazy[i] !== false)) this.lazyParams.add(b);
      }
      // Register before compiling the body: a recursive call compiles to a lazy call of this entry.
      const entry: { ev: Ev; layout: { size: number } } = {
        ev: () => undefined as never,
        layout: inner.layout,
      };
      def.compiled.set(key, entry);
      entry.ev = this.expr(def.body, inner, primed);
      got = entry;
    }
    return got;
  }
}

// ---------------------------------------------------------------- closures copied per site

const call1Site = perSite(
  'call1',
  (a0: Ev, f: (x: Value) => Value, range: Range, rt: Runtime): Ev => {
    const { withRange } = rt;
    return (c) => {
      const x = a0(c);
      try {
        return f(x);
      } catch (err) {
        return withRange(err, range);
      }
    };
  },
);

const call2Site = perSite(
  'call2',
  (a0: Ev, a1: Ev, f: (x: Value, y: Value) => Value, range: Range, rt: Runtime): Ev => {
    const { withRange } = rt;
    return (c) => {
      const x = a0(c);
      const y = a1(c);
      try {
        return f(x, y);
      } catch (err) {
        return withRange(err, range);
      }
    };
  },
);

/** A call of a definition with parameters: a new frame for them, linked to its defining frame. */
const callSite = perSite(
  'call',
  (
    getBody: () => { ev: Ev; layout: { size: number } },
    argEvs: Ev[],
    hops: number,
    range: Range,
    rt: Runtime,
  ): Ev => {
    const { withRange } = rt;
    const n = argEvs.length;
    let body: { ev: Ev; layout: { size: number } } | undefined;
    return (c) => {
      if (!body) body = getBody();
      const v = new Array<Value>(body.layout.size);
      for (let i = 0; i < n; i++) v[i] = argEvs[i](c);
      const saved = c.f;
      let up = saved;
      for (let h = 0; h < hops; h++) up = up!.up;
      c.f = { v, up };
      try {
        return body.ev(c);
      } catch (err) {
        return withRange(err, range);
      } finally {
        c.f = saved;
      }
    };
  },
);

const impliesSite = perSite('implies', (a: Ev, b: Ev, ra: Range, rb: Range, rt: Runtime): Ev => {
  const { asBool } = rt;
  return (c) => !asBool(a(c), ra) || asBool(b(c), rb);
});

/**
 * A call of a top-level definition without parameters, kept per pair of states (c.memo): `dep` 1
 * when its value depends on the current state only, 2 on the next state only, 0 on both.
 */
const memoCallSite = perSite(
  'memoCall',
  (
    getBody: () => { ev: Ev; layout: { size: number } },
    hops: number,
    range: Range,
    dep: 0 | 1 | 2,
    rt: Runtime,
  ): Ev => {
    const { withRange } = rt;
    let body: { ev: Ev; layout: { size: number } } | undefined;
    return (c) => {
      if (!body) body = getBody();
      const memo = c.memo;
      let hit: MemoEntry | undefined;
      if (memo !== undefined) {
        hit = memo.get(body);
        if (hit !== undefined && (dep === 2 || hit.s === c.s) && (dep === 1 || hit.n === c.n))
          return hit.v;
      }
      const saved = c.f;
      let up = saved;
      for (let h = 0; h < hops; h++) up = up!.up;
      c.f = { v: new Array<Value>(body.layout.size), up };
      let v: Value;
      try {
        v = body.ev(c);
      } catch (err) {
        return withRange(err, range);
      } finally {
        c.f = saved;
      }
      if (memo !== undefined) {
        if (hit !== undefined) {
          hit.s = c.s;
          hit.n = c.n;
          hit.v = v;
        } else memo.set(body, { s: c.s, n: c.n, v });
      }
      return v;
    };
  },
);
