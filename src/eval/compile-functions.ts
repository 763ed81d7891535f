/**
 * The compiler's layer for functions: `[x \\in S |-> e]`, recursive function definitions
 * `f[x \\in S] == e` (applied point by point, never built whole), application `f[a]` and
 * `[f EXCEPT ![a] = e]`. A function whose body fails somewhere, or whose domain is infinite,
 * stays a function applied point by point, as TLC's FcnLambdaValue.
 */
import type { Bound, Expr, ExceptPathStep, Range } from '../tla/ast/ast';
import {
  type Value,
  SetValue,
  SetBase,
  TupleValue,
  RecordValue,
  FunctionBase,
  isSet,
  isFunction,
  FcnValue,
  makeFunction,
  exceptFingerprint,
  compare,
  ValueError,
} from '../core/values';
import { ProductValue, LazyFunctionValue, PartialFunctionValue } from '../core/lazy-sets';
import { declarationOf } from '../tla/ast/names';
import { canonicalString } from '../core/string-order';
import { EvalError } from './errors';
import { type Ctx, type DefInfo, Scope, frameUp } from './scope';
import {
  type Ev,
  asSet,
  describe,
  enumerateSet,
  functionArgs,
  inContextOf,
} from './compile-support';
import { ConstantAnalysis } from './compile-constant';
import { type Runtime, perSite, rt } from './per-site';

export abstract class FunctionCompiler extends ConstantAnalysis {
  abstract bindPattern(b: Bound, inner: Scope): (c: Ctx, v: Value) => void;

  protected fcnCtor(bounds: Bound[], bodyExpr: Expr, sc: Scope, primed: boolean, range: Range): Ev {
    const inner = sc.child();
    if (bounds.length === 1) {
      const set = this.expr(bounds[0].set!, sc, primed);
      const bind = this.bindPattern(bounds[0], inner);
      const body = this.expr(bodyExpr, inner, primed);
      return (c) => {
        const s = set(c);
        if (isSet(s) && !s.isFinite()) return lazyFunction(c, s, bind, body);
        const dom = enumerateSet(s, range);
        const vals = new Array<Value>(dom.length);
        for (let i = 0; i < dom.length; i++) {
          bind(c, dom[i]);
          try {
            vals[i] = body(c);
          } catch (e) {
            return partialFunction(c, e, s as SetBase, (at, key) => {
              bind(at, key);
              return body(at);
            });
          }
        }
        return makeFunction(dom as Value[], vals);
      };
    }
    // Several bounds: the domain is the Cartesian product, keys are tuples.
    const sets = bounds.map((b) => this.expr(b.set!, sc, primed));
    const binds = bounds.map((b) => this.bindPattern(b, inner));
    const body = this.expr(bodyExpr, inner, primed);
    return (c) => {
      const given = sets.map((s) => s(c));
      const lists = given.map((s) => enumerateSet(s, range));
      const keys: Value[] = [];
      const vals: Value[] = [];
      const idx = new Array<number>(lists.length).fill(0);
      if (!lists.some((l) => l.length === 0)) {
        for (;;) {
          const tuple = idx.map((k, i) => lists[i][k]);
          tuple.forEach((x, i) => binds[i](c, x));
          keys.push(new TupleValue(tuple));
          try {
            vals.push(body(c));
          } catch (e) {
            const domain = new ProductValue(given.map((g) => asSet(g, range)));
            return partialFunction(c, e, domain, (at, key) => {
              // A tuple of the product (its membership was tested): its parts in order.
              binds.forEach((b, i) => b(at, (key as FunctionBase).valueAt(i)));
              return body(at);
            });
          }
          let p = lists.length - 1;
          while (p >= 0 && ++idx[p] === lists[p].length) idx[p--] = 0;
          if (p < 0) break;
        }
      }
      const order = keys.map((_, i) => i).sort((a, b) => compare(keys[a], keys[b]));
      return makeFunction(
        order.map((i) => keys[i]),
        order.map((i) => vals[i]),
      );
    };
  }

  /** The value of a recursive function definition `f[x \in S] == e`, built over its whole domain. */
  protected fcnDefValue(def: DefInfo, sc: Scope, primed: boolean): Ev {
    const apply = this.fcnDefApplier(def, primed);
    const hops = sc.depth - def.scope.depth;
    const domain = this.fcnDefDomain(def, primed);
    return (c) => {
      const saved = c.f;
      c.f = frameUp(saved, hops);
      try {
        const keys = domain(c);
        const vals = new Array<Value>(keys.length);
        for (let i = 0; i < keys.length; i++) {
          try {
            vals[i] = apply(c, keys[i]);
          } catch (e) {
            return partialFunction(c, e, SetValue.of(keys as Value[]), apply);
          }
        }
        return makeFunction(keys as Value[], vals);
      } finally {
        c.f = saved;
      }
    };
  }

  protected fcnDefDomain(def: DefInfo, primed: boolean): (c: Ctx) => readonly Value[] {
    const bounds = def.bounds!;
    const sets = bounds.map((b) => this.expr(b.set!, def.scope, primed));
    return (c) => {
      if (sets.length === 1) return enumerateSet(sets[0](c), def.range);
      return new ProductValue(sets.map((s) => asSet(s(c), def.range))).enumerate().elems;
    };
  }

  /** Applies a recursive function definition to one argument, evaluated at the definition's frame. */
  protected fcnDefApplier(def: DefInfo, primed: boolean): (c: Ctx, key: Value) => Value {
    const key = primed ? 'fp' : 'f';
    const cached = def.compiled.get(key) as ((c: Ctx, k: Value) => Value) | undefined;
    if (cached) return cached;
    const bounds = def.bounds!;
    let compiled:
      | { body: Ev; sets: Ev[]; binds: ((c: Ctx, v: Value) => void)[]; layout: { size: number } }
      | undefined;
    const applier = (c: Ctx, k: Value): Value => {
      if (!compiled) {
        const inner = def.scope.newFrame();
        const binds = bounds.map((b) => this.bindPattern(b, inner));
        const sets = bounds.map((b) => this.expr(b.set!, def.scope, primed));
        compiled = { body: undefined as unknown as Ev, sets, binds, layout: inner.layout };
        compiled.body = this.expr(def.body, inner, primed);
      }
      const { body, sets, binds, layout } = compiled;
      const parts = functionArgs(c, k, sets, def.name, def.range);
      const saved = c.f;
      c.f = { v: new Array(layout.size), up: saved };
      try {
        for (let i = 0; i < parts.length; i++) binds[i](c, parts[i]);
        return body(c);
      } finally {
        c.f = saved;
      }
    };
    def.compiled.set(key, applier);
    return applier;
  }

  protected fcnApp(fcnExpr: Expr, argExprs: Expr[], sc: Scope, primed: boolean, range: Range): Ev {
    const args = argExprs.map((a) => this.expr(a, sc, primed));
    const key: Ev = args.length === 1 ? args[0] : (c) => new TupleValue(args.map((a) => a(c)));
    if (fcnExpr.kind === 'Ident') {
      const b = sc.resolve(fcnExpr, fcnExpr.name);
      if (b && b.k === 'def' && b.def.kind === 'fcn') {
        // Recursive functions are applied point by point, never built whole (their domain may be Nat).
        const apply = this.fcnDefApplier(b.def, primed);
        const hops = sc.depth - b.def.scope.depth;
        return (c) => {
          const k = key(c);
          const saved = c.f;
          c.f = frameUp(saved, hops);
          try {
            return apply(c, k);
          } finally {
            c.f = saved;
          }
        };
      }
    }
    return applySite(this.expr(fcnExpr, sc, primed), key, args, range, rt);
  }

  protected except(e: Extract<Expr, { kind: 'Except' }>, sc: Scope, primed: boolean): Ev {
    const fcn = this.expr(e.fcn, sc, primed);
    const updates = e.updates.map((u) => {
      const inner = sc.child();
      const at = inner.bindLocal('@', 0, declarationOf(u));
      const value = this.expr(u.value, inner, primed);
      const path = u.path.map((step) => this.pathKey(step, sc, primed));
      return { value, path, atIndex: at.index };
    });
    return exceptSite(fcn, updates, e.range, updateLeaf, updateAt2, updateAt);
  }

  protected pathKey(step: ExceptPathStep, sc: Scope, primed: boolean): Ev {
    if (step.kind === 'Field') {
      const n = canonicalString(step.name);
      return () => n;
    }
    const args = step.args.map((a) => this.expr(a, sc, primed));
    if (args.length === 1) return args[0];
    return (c) => new TupleValue(args.map((a) => a(c)));
  }
}

/**
 * `[x \in S |-> e]` over an infinite S: the body is evaluated at each application, with x bound in
 * a copy of the frame and the state it was built in (as TLC's FcnLambdaValue keeps its context).
 */
function lazyFunction(
  c: Ctx,
  domain: SetBase,
  bind: (c: Ctx, v: Value) => void,
  body: Ev,
): LazyFunctionValue {
  return new LazyFunctionValue(
    domain,
    inContextOf(c, (at, key) => {
      bind(at, key);
      return body(at);
    }),
  );
}

/**
 * A finite `[x \in S |-> e]` whose body failed (`failure`) at some point while it was built: as
 * TLC's FcnLambdaValue, which evaluates the body only where the function is applied, it stays a
 * function applied point by point, and the failure is thrown when the whole function is needed.
 * Only evaluation errors: anything else goes on up.
 */
function partialFunction(
  c: Ctx,
  failure: unknown,
  domain: SetBase,
  at: (c: Ctx, key: Value) => Value,
): PartialFunctionValue {
  if (!(failure instanceof EvalError) && !(failure instanceof ValueError)) throw failure;
  return new PartialFunctionValue(domain, inContextOf(c, at), failure);
}

/** `[f EXCEPT ![k1][k2] = …]`: TLC leaves f unchanged where a key is outside the domain. */
/** One update of an EXCEPT: its new value (which may read `@`, the frame's slot `atIndex`) and path. */
interface ExceptUpdate {
  readonly value: Ev;
  readonly path: readonly Ev[];
  readonly atIndex: number;
}

/** `f` with `keys[i..]` updated by `u` (its value evaluated with `@` bound to the old value). */
function updateAt(
  f: Value,
  keys: Value[],
  i: number,
  u: ExceptUpdate,
  c: Ctx,
  range: Range,
): Value {
  if (i === keys.length - 1) return updateLeaf(f, keys[i], u, c, range);
  if (!isFunction(f)) notAFunction(f, range);
  if (f instanceof LazyFunctionValue) {
    // Applied point by point (an infinite domain, or a body that fails somewhere): updated so.
    const old = f.apply(keys[i]);
    if (old === undefined) return f;
    return f.except(keys[i], updateAt(old, keys, i + 1, u, c, range));
  }
  const idx = f.indexOf(keys[i]);
  if (idx < 0) return f;
  return replaceAt(f, idx, updateAt(f.valueAt(idx), keys, i + 1, u, c, range));
}

/** `updateAt(f, [k0, k1], 0, u, c, range)` (`![t][k]`, `![p].f`) without the array of keys. */
function updateAt2(f: Value, k0: Value, k1: Value, u: ExceptUpdate, c: Ctx, range: Range): Value {
  if (!isFunction(f)) notAFunction(f, range);
  if (f instanceof LazyFunctionValue) {
    const old = f.apply(k0);
    if (old === undefined) return f;
    return f.except(k0, updateLeaf(old, k1, u, c, range));
  }
  const idx = f.indexOf(k0);
  if (idx < 0) return f;
  return replaceAt(f, idx, updateLeaf(f.valueAt(idx), k1, u, c, range));
}

/** The error of an EXCEPT step applied to a value that is not a function (every step's). */
function notAFunction(f: Value, range: Range): never {
  throw new EvalError(`EXCEPT applied to ${describe(f)}, which is not a function or record`, range);
}

/** The last step of an update: `f` with the value at `key` replaced by `u`'s value. */
function updateLeaf(f: Value, key: Value, u: ExceptUpdate, c: Ctx, range: Range): Value {
  if (!isFunction(f)) notAFunction(f, range);
  if (f instanceof LazyFunctionValue) {
    const old = f.apply(key);
    if (old === undefined) return f;
    return f.except(key, leafValue(u, c, old));
  }
  const idx = f.indexOf(key);
  if (idx < 0) return f;
  return replaceAt(f, idx, leafValue(u, c, f.valueAt(idx)));
}

function leafValue(u: ExceptUpdate, c: Ctx, old: Value): Value {
  c.f!.v[u.atIndex] = old;
  return u.value(c);
}

export function replaceAt(f: FunctionBase, idx: number, v: Value): FunctionBase {
  // The very value already there (`[s EXCEPT ![t] = @ \cup {k}]` with k in it, a reset to a
  // constant already held, an inner update that changed nothing): f itself, no copy.
  if (v === f.valueAt(idx)) return f;
  const g = replaced(f, idx, v);
  exceptFingerprint(f, idx, v, g);
  return g;
}

function replaced(f: FunctionBase, idx: number, v: Value): FunctionBase {
  if (f instanceof TupleValue) {
    const elems = f.elems.slice();
    elems[idx] = v;
    return new TupleValue(elems);
  }
  if (f instanceof RecordValue) {
    const vals = f.values.slice();
    vals[idx] = v;
    return new RecordValue(f.names, vals);
  }
  if (f instanceof FcnValue) {
    // The same domain array: no copy, and comparisons see it is the same (sameDomainArray).
    const vals = f.values.slice();
    vals[idx] = v;
    return new FcnValue(f.domain, vals);
  }
  const n = f.size();
  const dom = new Array<Value>(n);
  const vals = new Array<Value>(n);
  for (let j = 0; j < n; j++) {
    dom[j] = f.domainAt(j);
    vals[j] = j === idx ? v : f.valueAt(j);
  }
  return makeFunction(dom, vals);
}

/** `f[k]` for a function value (or an operator, applied). */
const applySite = perSite(
  'apply',
  (fcn: Ev, key: Ev, args: Ev[], range: Range, rt: Runtime): Ev => {
    const { isFunction, OpValue, EvalErr, describe } = rt;
    return (c) => {
      const f = fcn(c);
      const k = key(c);
      if (isFunction(f)) {
        const v = f.apply(k);
        if (v !== undefined) return v;
        throw new EvalErr(
          `Attempted to apply function:\n${describe(f)}\nto argument ${describe(k)}, which is not in the domain of the function.`,
          range,
        );
      }
      if (f instanceof OpValue) return f.call(args.length === 1 ? [k] : args.map((a) => a(c)));
      throw new EvalErr(
        `Attempted to apply ${describe(f)}, which is not a function, to ${describe(k)}`,
        range,
      );
    };
  },
);

/** `[f EXCEPT ![k] = …, …]`: each update in turn (see updateAt). */
const exceptSite = perSite(
  'except',
  (
    fcn: Ev,
    updates: ExceptUpdate[],
    range: Range,
    leaf: typeof updateLeaf,
    at2: typeof updateAt2,
    at: typeof updateAt,
  ): Ev => {
    return (c) => {
      let f = fcn(c);
      for (let j = 0; j < updates.length; j++) {
        const u = updates[j];
        const path = u.path;
        // One step (`![k]`, `!.a`), the usual case, or two, with no array of keys.
        f =
          path.length === 1
            ? leaf(f, path[0](c), u, c, range)
            : path.length === 2
              ? at2(f, path[0](c), path[1](c), u, c, range)
              : at(
                  f,
                  path.map((p) => p(c)),
                  0,
                  u,
                  c,
                  range,
                );
      }
      return f;
    };
  },
);
