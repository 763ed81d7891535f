/**
 * Compiles expressions to closures (`Ev = (ctx) => Value`), resolving every name once
 * (DESIGN.md: "compile, don't walk"). This file handles value-level (state and primed) evaluation;
 * compile-action.ts turns actions and initial predicates into successor enumerators.
 *
 * `Compiler` is the last of five layers, each a class extending the one before, each a job:
 *   compile-constant.ts   which expressions are constant, and keeping their values
 *   compile-functions.ts  functions: constructors, recursive definitions, application, EXCEPT
 *   compile-call.ts       applying operators: built-ins, definitions, parameters, LAMBDA
 *   compile-instance.ts   `I!Op` through the scopes of instantiated modules
 *   compile-expr.ts       (this) the expression forms, names, LET and bound variables
 * compile-support.ts holds what the closures share at run time.
 */
import type { Expr, Bound, Range, Unit } from '../tla/ast/ast';
import { type Value, SetValue, EMPTY_SET, equals, isSet, isFunction } from '../core/values';
import {
  FcnSetValue,
  RecordSetValue,
  ProductValue,
  FilterSetValue,
  FiniteFilterSetValue,
  SubsetValue,
} from '../core/lazy-sets';
import { EvalError } from './errors';
import { canonicalString, compareStrings } from '../core/string-order';
import { type Ctx, type DefInfo, type Binding, Scope, frameUp } from './scope';
import {
  type Ev,
  LazyArg,
  asBool,
  asSet,
  describe,
  enumerateSet,
  evalInFrame,
  hasBinders,
  inContextOf,
  intLiteral,
} from './compile-support';
import { InstanceCompiler } from './compile-instance';
import { declarationOf, declarationsOf } from '../tla/ast/names';
import { type Runtime, perSite, rt } from './per-site';

// For the checker's files, until they import compile-support.ts themselves.
export { type Ev, asBool, enumerateSet } from './compile-support';

export class Compiler extends InstanceCompiler {
  // ---------------------------------------------------------------- expressions

  expr(e: Expr, sc: Scope, primed = false): Ev {
    return this.hoisted(e, sc, this.exprInner(e, sc, primed));
  }

  private exprInner(e: Expr, sc: Scope, primed: boolean): Ev {
    switch (e.kind) {
      case 'Num': {
        const n = intLiteral(e.value, e.range);
        return () => n;
      }
      case 'Decimal':
        throw new EvalError('TLC does not evaluate real numbers', e.range);
      case 'Str': {
        const s = canonicalString(e.value);
        return () => s;
      }
      case 'Bool': {
        const b = e.value;
        return () => b;
      }
      case 'Ident':
        return this.ident(e, sc, primed);
      case 'OpApp':
        return this.opApp(e, sc, primed);
      case 'Qualified':
        return this.qualified(e, sc, primed);
      case 'OpRef':
      case 'Lambda':
        return this.opArg(e, sc, primed, e.kind === 'Lambda' ? e.params.length : 2);
      case 'And':
        return andSite(
          e.args.map((a) => this.expr(a, sc, primed)),
          e.args.map((a) => a.range),
          rt,
        );
      case 'Or':
        return orSite(
          e.args.map((a) => this.expr(a, sc, primed)),
          e.args.map((a) => a.range),
          rt,
        );
      case 'SetEnum': {
        const elems = e.elems.map((x) => this.expr(x, sc, primed));
        if (elems.length === 0) return () => EMPTY_SET;
        return setEnumSite(elems, rt);
      }
      case 'SetFilter': {
        const inner = sc.child();
        const set = this.expr(e.bound.set!, sc, primed);
        const bind = this.bindPattern(e.bound, inner);
        const pred = this.expr(e.pred, inner, primed);
        const range = e.range;
        return (c) => {
          const s = set(c);
          if (isSet(s) && !s.isFinite()) {
            // Kept lazy: membership evaluates the predicate in the frame of the definition.
            const frame = c.f;
            return new FilterSetValue(s, (x) => {
              const saved = c.f;
              c.f = frame;
              try {
                bind(c, x);
                return asBool(pred(c), e.pred.range, 'set filter predicate');
              } finally {
                c.f = saved;
              }
            });
          }
          if (
            s instanceof FcnSetValue ||
            s instanceof SubsetValue ||
            s instanceof ProductValue ||
            s instanceof RecordSetValue
          ) {
            // A set of combinations: membership must not enumerate it (TLC's SetPredValue).
            return new FiniteFilterSetValue(
              s,
              inContextOf(c, (at, x) => {
                bind(at, x);
                return asBool(pred(at), e.pred.range, 'set filter predicate');
              }),
            );
          }
          const out: Value[] = [];
          for (const x of enumerateSet(s, range)) {
            bind(c, x);
            if (asBool(pred(c), e.pred.range, 'set filter predicate')) out.push(x);
          }
          return new SetValue(out); // a subsequence of a sorted list stays sorted
        };
      }
      case 'SetMap': {
        const inner = sc.child();
        const one = this.oneBound(e.bounds, e.body, sc, inner, primed);
        if (one) {
          // One bound variable: the loop itself, as for a quantifier (see quantified).
          const { set, slot, body, sr } = one;
          return setMapSite(set, slot, body, sr, rt);
        }
        const loops = this.bounds(e.bounds, sc, inner, primed);
        const body = this.expr(e.body, inner, primed);
        return (c) => {
          const out: Value[] = [];
          loops(c, () => {
            out.push(body(c));
            return false;
          });
          return SetValue.of(out);
        };
      }
      case 'Product': {
        const sets = e.sets.map((s) => this.expr(s, sc, primed));
        return (c) => new ProductValue(sets.map((s, i) => asSet(s(c), e.sets[i].range)));
      }
      case 'FcnCtor':
        return this.fcnCtor(e.bounds, e.body, sc, primed, e.range);
      case 'FcnSet': {
        const d = this.expr(e.domain, sc, primed);
        const r = this.expr(e.range_, sc, primed);
        return (c) => new FcnSetValue(asSet(d(c), e.domain.range), asSet(r(c), e.range_.range));
      }
      case 'RecordCtor': {
        const names = e.fields.map((f) => canonicalString(f.name));
        const vals = e.fields.map((f) => this.expr(f.value, sc, primed));
        const order = names.map((_, i) => i).sort((a, b) => compareStrings(names[a], names[b]));
        const sortedNames = order.map((i) => names[i]);
        const sortedVals = order.map((i) => vals[i]);
        return recordSite(sortedNames, sortedVals, rt);
      }
      case 'RecordSet': {
        const fields = e.fields.slice().sort((a, b) => compareStrings(a.name, b.name));
        const names = fields.map((f) => canonicalString(f.name));
        const sets = fields.map((f) => this.expr(f.set, sc, primed));
        return (c) =>
          new RecordSetValue(
            names,
            sets.map((s, i) => asSet(s(c), fields[i].set.range)),
          );
      }
      case 'FcnApp':
        return this.fcnApp(e.fcn, e.args, sc, primed, e.range);
      case 'Dot':
        return dotSite(this.expr(e.record, sc, primed), canonicalString(e.field), e.range, rt);
      case 'Tuple': {
        return tupleSite(
          e.elems.map((x) => this.expr(x, sc, primed)),
          rt,
        );
      }
      case 'Except':
        return this.except(e, sc, primed);
      case 'At': {
        const b = sc.resolve(e, '@');
        if (!b || b.k !== 'local')
          throw new EvalError('@ is only meaningful inside an EXCEPT', e.range);
        return this.local(b, sc);
      }
      case 'If': {
        const cond = this.expr(e.cond, sc, primed);
        const th = this.expr(e.then, sc, primed);
        const el = this.expr(e.else_, sc, primed);
        return ifSite(cond, th, el, e.cond.range, rt);
      }
      case 'Case': {
        const guards = e.arms.map((a) => this.expr(a.guard, sc, primed));
        const bodies = e.arms.map((a) => this.expr(a.body, sc, primed));
        const other = e.other ? this.expr(e.other, sc, primed) : undefined;
        return (c) => {
          for (let i = 0; i < guards.length; i++) {
            if (asBool(guards[i](c), e.arms[i].guard.range, 'CASE guard')) return bodies[i](c);
          }
          if (other) return other(c);
          throw new EvalError(
            'Attempted to evaluate a CASE with no conditions true and no OTHER',
            e.range,
          );
        };
      }
      case 'Let': {
        const inner = this.letScope(e.defs, sc, 'no-primes');
        const body = this.expr(e.body, inner, primed);
        return withFreshLetSlots(inner, e.defs, body);
      }
      case 'Choose': {
        if (!e.bound.set) {
          throw new EvalError(
            'TLC can only evaluate CHOOSE x \\in S : P, not an unbounded CHOOSE (define it as a constant in the model instead)',
            e.range,
          );
        }
        const set = this.expr(e.bound.set, sc, primed);
        const inner = sc.child();
        const bind = this.bindPattern(e.bound, inner);
        const body = this.expr(e.body, inner, primed);
        return chooseSite(set, bind, body, e.range, e.body.range, rt);
      }
      case 'Quant':
        return this.quantified(e, sc, primed);
      case 'StepExpr': {
        // As a boolean of a step: [A]_v is A \/ v' = v, <<A>>_v is A /\ v' # v.
        const a = this.expr(e.action, sc, primed);
        const now = this.expr(e.sub, sc, false);
        const next = this.expr(e.sub, sc, true);
        const r = e.action.range;
        if (e.box) return (c) => asBool(a(c), r, 'action') || equals(next(c), now(c));
        return (c) => asBool(a(c), r, 'action') && !equals(next(c), now(c));
      }
      case 'TemporalQuant':
      case 'Fairness':
        throw new EvalError(
          'A temporal formula cannot be evaluated here (only in PROPERTY or SPECIFICATION)',
          e.range,
        );
    }
  }

  /**
   * `\A x \in S : P` or `\E x \in S : P` as a boolean; `what` names the body in the error for a
   * body that is not a boolean (an action's guard calls it an action conjunct).
   */
  quantified(
    e: Extract<Expr, { kind: 'Quant' }>,
    sc: Scope,
    primed: boolean,
    what = 'quantified formula',
  ): Ev {
    if (e.bounds.some((b) => !b.set)) {
      // An error when evaluated, as in TLC, not when compiled: a disjunct never reached or a
      // branch never taken does not fail the model.
      const range = e.range;
      return () => {
        throw new EvalError(
          'TLC cannot evaluate an unbounded quantifier (\\A x : P or \\E x : P)',
          range,
        );
      };
    }
    const inner = sc.child();
    const br = e.body.range;
    const one = this.oneBound(e.bounds, e.body, sc, inner, primed);
    if (one) {
      // One bound variable (the common case): the loop itself, with no closure per
      // evaluation for the body and an interval's integers without its array.
      const { set, slot, body, sr } = one;
      return quantSite(set, slot, body, sr, br, e.quantifier === 'E', what, rt);
    }
    const loops = this.bounds(e.bounds, sc, inner, primed);
    const body = this.expr(e.body, inner, primed);
    return quantLoopsSite(loops, body, br, what, e.quantifier === 'E', rt);
  }

  /**
   * Compiles an expression that stands at module level (ASSUME, an inline Init): its binders need
   * a frame of their own, which the returned closure provides.
   */
  topLevel(e: Expr, sc: Scope): Ev {
    const inner = sc.newFrame();
    const ev = this.expr(e, inner, false);
    const layout = inner.layout;
    return (c) => {
      return evalInFrame(c, { v: new Array(layout.size), up: c.f }, ev);
    };
  }

  // ---------------------------------------------------------------- names

  private ident(e: Extract<Expr, { kind: 'Ident' }>, sc: Scope, primed: boolean): Ev {
    return this.named(sc.resolve(e, e.name), e.name, e.range, sc, primed);
  }

  /** The value of a name bound to `b` in `sc`; undefined `b`: a built-in or a subexpression (`Inv!1`). */
  private named(
    b: Binding | undefined,
    name: string,
    range: Range,
    sc: Scope,
    primed: boolean,
  ): Ev {
    if (!b && name.includes('!')) return this.subexpression(name, range, sc, primed);
    if (!b || b.k === 'builtin') {
      const bi = this.builtinOf(name, b);
      if (bi && bi.arity === 0) {
        if (bi.value !== undefined) {
          const v = bi.value;
          return () => v;
        }
        const call = bi.call!;
        const services = this.services;
        return () => call([], services);
      }
      if (bi) return this.opArg({ kind: 'Ident', name, range }, sc, primed, bi.arity);
      throw new EvalError(`Unknown name ${name}`, range);
    }
    return this.binding(b, name, range, sc, primed);
  }

  /**
   * A subexpression reference such as `Inv!1` (the first conjunct of Inv) or `Assumption!:` (the
   * body of a named ASSUME), for zero-parameter definitions.
   */
  private subexpression(name: string, range: Range, sc: Scope, primed: boolean): Ev {
    const [base, ...selectors] = name.split('!');
    const b = sc.lookup(base);
    if (!b || b.k !== 'def' || b.def.params.length > 0)
      throw new EvalError(`Unknown name ${name}`, range);
    let e: Expr = b.def.body;
    for (const sel of selectors) {
      if (sel === ':' || sel === '') continue;
      const k = Number(sel);
      const parts = e.kind === 'And' || e.kind === 'Or' || e.kind === 'OpApp' ? e.args : undefined;
      if (!Number.isInteger(k) || !parts || k < 1 || k > parts.length) {
        throw new EvalError(`The subexpression ${name} does not exist`, range);
      }
      e = parts[k - 1];
    }
    return this.topLevelIn(e, b.def.scope, sc, primed);
  }

  /** Compiles `e` in `defScope` (a module scope) for use from `sc`, with a frame for its binders. */
  private topLevelIn(e: Expr, defScope: Scope, sc: Scope, primed: boolean): Ev {
    const inner = defScope.newFrame();
    const ev = this.expr(e, inner, primed);
    const layout = inner.layout;
    const hops = sc.depth - defScope.depth;
    return (c) => {
      return evalInFrame(c, { v: new Array(layout.size), up: frameUp(c.f, hops) }, ev);
    };
  }

  binding(b: Binding, name: string, range: Range, sc: Scope, primed: boolean): Ev {
    switch (b.k) {
      case 'var': {
        const i = b.index;
        return primed ? primedVarSite(i, name, range, rt) : varSite(i, name, range, rt);
      }
      case 'const': {
        const v = b.value;
        return () => v;
      }
      case 'local':
        return this.local(b, sc);
      case 'subst': {
        const mapped = this.substValue(b, sc, primed);
        if (!primed || !b.isVar) return mapped;
        // x' for a variable x of an instance, inside ENABLED evaluated there: a free next value.
        return (c) => {
          const cut = c.cut;
          if (cut !== undefined) {
            const i = cut.get(b);
            if (i !== undefined) {
              const v = c.n![i];
              if (v === undefined)
                throw new EvalError(`${name}' is used before it is given a value`, range);
              return v;
            }
          }
          return mapped(c);
        };
      }
      case 'def': {
        const def = b.def;
        if (def.kind === 'fcn') return this.fcnDefValue(def, sc, primed);
        if (def.params.length > 0)
          return this.opArg({ kind: 'Ident', name, range }, sc, primed, def.params.length);
        return this.callDef(def, [], sc, primed, range);
      }
      case 'instance':
        throw new EvalError(`${name} is an instance: use ${name}!Op`, range);
      case 'builtin':
        return this.named(b, name, range, sc, primed);
    }
  }

  /** The expression a `subst` binding stands for, evaluated where it was written. */
  substValue(b: Extract<Binding, { k: 'subst' }>, sc: Scope, primed: boolean): Ev {
    // At module level there is no frame for the expression's own binders: give it one.
    if (b.scope.depth === 0 && hasBinders(b.expr))
      return this.topLevelIn(b.expr, b.scope, sc, primed);
    const inner = this.expr(b.expr, b.scope, primed);
    const hops = sc.depth - b.scope.depth;
    if (hops === 0) return inner;
    return (c) => {
      return evalInFrame(c, frameUp(c.f, hops), inner);
    };
  }

  protected local(b: Extract<Binding, { k: 'local' }>, sc: Scope): Ev {
    const hops = sc.depth - b.depth;
    const i = b.index;
    if (this.lazyParams.has(b)) {
      if (hops === 0) {
        return (c) => {
          const v = c.f!.v;
          const x = v[i];
          if (typeof x !== 'object' || !(x instanceof LazyArg)) return x;
          return (v[i] = x.force());
        };
      }
      return (c) => {
        const fr = frameUp(c.f, hops)!;
        const x = fr.v[i];
        if (typeof x !== 'object' || !(x instanceof LazyArg)) return x;
        return (fr.v[i] = x.force());
      };
    }
    if (hops === 0) return localSite(i);
    if (hops === 1) return localUpSite(i);
    return (c) => frameUp(c.f, hops)!.v[i];
  }

  // ---------------------------------------------------------------- LET

  /**
   * The scope of a LET's definitions. `keep`: which definitions without parameters keep their
   * value for the rest of the LET's evaluation (TLC's LazyValue), in slots of the enclosing frame:
   * in an expression, those that read no next state (`no-primes`); in an Init being enumerated,
   * whose state is still being given values, those that read no variable at all (`no-variables`).
   */
  letScope(defs: Unit[], sc: Scope, keep: 'none' | 'no-primes' | 'no-variables' = 'none'): Scope {
    const inner = sc.child();
    for (const d of defs) {
      if (d.kind === 'OpDef') {
        const def: DefInfo = {
          name: d.name,
          kind: 'op',
          params: d.params,
          body: d.body,
          range: d.range,
          scope: inner,
          compiled: new Map(),
        };
        inner.define(d.name, { k: 'def', def }, declarationOf(d));
        if (keep !== 'none' && d.params.length === 0 && sc.depth > 0) {
          const reads = this.stateReads(d.body, inner);
          if (!reads.primes && (keep === 'no-primes' || !reads.variables)) {
            def.letSlots = {
              v: inner.bindLocal(`#let ${d.name}`).index,
              vp: inner.bindLocal(`#let ${d.name}'`).index,
            };
          }
        }
      } else if (d.kind === 'FcnDef') {
        inner.define(
          d.name,
          {
            k: 'def',
            def: {
              name: d.name,
              kind: 'fcn',
              params: [],
              bounds: d.bounds,
              body: d.body,
              range: d.range,
              scope: inner,
              compiled: new Map(),
            },
          },
          declarationOf(d),
        );
      } else if (d.kind === 'Instance' && d.name) {
        inner.define(
          d.name,
          {
            k: 'instance',
            name: d.name,
            params: d.params,
            unit: d,
            scope: inner,
          },
          declarationOf(d),
        );
      }
    }
    return inner;
  }

  // ---------------------------------------------------------------- binders

  /**
   * For binders of one plain variable (`\A x \in S : body`, `{body : x \in S}`), what a loop of
   * its own needs: the set (compiled in `sc`), the variable's frame slot in `inner`, the body
   * (compiled in `inner`) and the set's range; undefined for several bounds or a tuple pattern.
   */
  oneBound(
    bounds: Bound[],
    bodyExpr: Expr,
    sc: Scope,
    inner: Scope,
    primed: boolean,
  ): { set: Ev; slot: number; body: Ev; sr: Range } | undefined {
    if (bounds.length !== 1 || bounds[0].pattern.kind !== 'Var') return undefined;
    const b0 = bounds[0];
    const set = this.boundSet(b0.set!, sc, primed);
    const slot = this.bindVar(b0, inner);
    return { set, slot, body: this.expr(bodyExpr, inner, primed), sr: b0.set!.range };
  }

  /** Binds the variable of a bound `x \in S` (not a tuple) in `inner`; returns its frame slot. */
  bindVar(b: Bound, inner: Scope): number {
    const p = b.pattern;
    if (p.kind !== 'Var') throw new Error('bindVar: a tuple pattern');
    return inner.bindLocal(p.name, 0, declarationsOf(p)[0]).index;
  }

  /** Binds a pattern's variables in `inner`; returns a setter for a value of the bound set. */
  bindPattern(b: Bound, inner: Scope): (c: Ctx, v: Value) => void {
    const p = b.pattern;
    const decls = declarationsOf(p);
    if (p.kind === 'Var') {
      const slot = inner.bindLocal(p.name, 0, decls[0]);
      const i = slot.index;
      return (c, v) => {
        c.f!.v[i] = v;
      };
    }
    const slots = p.names.map((n, k) => inner.bindLocal(n, 0, decls[k]).index);
    const range = p.range;
    return (c, v) => {
      if (!isFunction(v) || v.size() !== slots.length) {
        throw new EvalError(
          `Cannot match ${describe(v)} against a tuple of ${slots.length} names`,
          range,
        );
      }
      for (let k = 0; k < slots.length; k++) c.f!.v[slots[k]] = v.valueAt(k);
    };
  }

  /**
   * Nested loops over bounds. `body` returns true to stop early; the loop returns whether it
   * stopped early. Bound sets are evaluated in the outer scope (`x \in S, y \in T` cannot see x in T).
   */
  bounds(
    bounds: Bound[],
    outer: Scope,
    inner: Scope,
    primed: boolean,
  ): (c: Ctx, body: () => boolean) => boolean {
    const sets = bounds.map((b) => this.boundSet(b.set!, outer, primed));
    const binds = bounds.map((b) => this.bindPattern(b, inner));
    const ranges = bounds.map((b) => b.set!.range);
    const n = bounds.length;
    if (n === 1) return boundSite(sets[0], binds[0], ranges[0], rt);
    return boundsSite(sets, binds, ranges, rt);
  }
}

/** `body`, with the kept values of the LET's definitions cleared each time the LET is entered. */
export function withFreshLetSlots(inner: Scope, defs: Unit[], body: Ev): Ev {
  const slots = keptSlots(inner, defs);
  if (slots.length === 0) return body;
  return (c) => {
    const v = c.f!.v;
    for (let i = 0; i < slots.length; i++) v[slots[i]] = undefined as unknown as Value;
    return body(c);
  };
}

/** The frame slots where a LET keeps its definitions' values (see Compiler.letScope). */
export function keptSlots(inner: Scope, defs: Unit[]): number[] {
  const slots: number[] = [];
  for (const d of defs) {
    if (d.kind !== 'OpDef') continue;
    const b = inner.lookup(d.name);
    if (b?.k === 'def' && b.def.letSlots) slots.push(b.def.letSlots.v, b.def.letSlots.vp);
  }
  return slots;
}

// ---------------------------------------------------------------- closures copied per site

const andSite = perSite('and', (args: Ev[], ranges: Range[], rt: Runtime): Ev => {
  const { asBool } = rt;
  return (c) => {
    for (let i = 0; i < args.length; i++)
      if (!asBool(args[i](c), ranges[i], 'conjunct')) return false;
    return true;
  };
});

const orSite = perSite('or', (args: Ev[], ranges: Range[], rt: Runtime): Ev => {
  const { asBool } = rt;
  return (c) => {
    for (let i = 0; i < args.length; i++)
      if (asBool(args[i](c), ranges[i], 'disjunct')) return true;
    return false;
  };
});

const ifSite = perSite('if', (cond: Ev, th: Ev, el: Ev, range: Range, rt: Runtime): Ev => {
  const { asBool } = rt;
  return (c) => (asBool(cond(c), range, 'IF condition') ? th(c) : el(c));
});

/**
 * `r.field`. The field's index in the last record's names: records built by one constructor (or
 * by EXCEPT from one) share their names array, so the next is mostly found without a scan.
 */
const dotSite = perSite('dot', (r: Ev, field: string, range: Range, rt: Runtime): Ev => {
  const { RecordValue, isFunction, EvalErr, describe } = rt;
  let lastNames: readonly string[] | null = null;
  let lastIndex = 0;
  return (c) => {
    const v = r(c);
    if (v instanceof RecordValue) {
      const names = v.names;
      if (names === lastNames) return v.values[lastIndex];
      const i = v.indexOf(field);
      if (i >= 0) {
        lastNames = names;
        lastIndex = i;
        return v.values[i];
      }
    } else if (isFunction(v)) {
      const x = v.apply(field);
      if (x !== undefined) return x;
    }
    throw new EvalErr(`The record ${describe(v)} has no field ${field}`, range);
  };
});

/**
 * A quantifier over one variable: the loop itself, with no closure per evaluation for the body
 * and an interval's integers without its array.
 */
const quantSite = perSite(
  'quant',
  (
    set: Ev,
    slot: number,
    body: Ev,
    sr: Range,
    br: Range,
    some: boolean,
    what: string,
    rt: Runtime,
  ): Ev => {
    const { IntervalValue, MAX_ENUMERATION, asBool, enumerateSet } = rt;
    return (c) => {
      const s = set(c);
      const v = c.f!.v;
      if (s instanceof IntervalValue && s.size() <= MAX_ENUMERATION) {
        for (let x = s.lo; x <= s.hi; x++) {
          v[slot] = x;
          const r = body(c);
          if (typeof r !== 'boolean') asBool(r, br, what);
          if (r === some) return some;
        }
        return !some;
      }
      const xs = enumerateSet(s, sr);
      for (let k = 0; k < xs.length; k++) {
        v[slot] = xs[k];
        const r = body(c);
        if (typeof r !== 'boolean') asBool(r, br, what);
        if (r === some) return some;
      }
      return !some;
    };
  },
);

const varSite = perSite('var', (i: number, name: string, range: Range, rt: Runtime): Ev => {
  const { EvalErr } = rt;
  return (c) => {
    const v = c.s[i];
    if (v === undefined)
      throw new EvalErr(`The variable ${name} is used before it is given a value`, range);
    return v;
  };
});

const primedVarSite = perSite(
  'primedVar',
  (i: number, name: string, range: Range, rt: Runtime): Ev => {
    const { EvalErr } = rt;
    return (c) => {
      if (!c.n)
        throw new EvalErr(
          `${name}' is primed where there is no next state (an initial predicate, an invariant or a constant)`,
          range,
        );
      const v = c.n[i];
      if (v === undefined) throw new EvalErr(`${name}' is used before it is given a value`, range);
      return v;
    };
  },
);

const localSite = perSite(
  'local',
  (i: number): Ev =>
    (c) =>
      c.f!.v[i],
);
const localUpSite = perSite(
  'localUp',
  (i: number): Ev =>
    (c) =>
      c.f!.up!.v[i],
);

const setEnumSite = perSite('setEnum', (elems: Ev[], rt: Runtime): Ev => {
  const { SetValue } = rt;
  // Arrays of their size: one grown by push from [] gets room for 16 elements at once.
  const n = elems.length;
  return (c) => {
    const vals = new Array<Value>(n);
    for (let i = 0; i < n; i++) vals[i] = elems[i](c);
    return SetValue.of(vals);
  };
});

const recordSite = perSite('record', (names: string[], vals: Ev[], rt: Runtime): Ev => {
  const { RecordValue } = rt;
  const n = vals.length;
  return (c) => {
    const values = new Array<Value>(n);
    for (let i = 0; i < n; i++) values[i] = vals[i](c);
    return new RecordValue(names, values);
  };
});

const tupleSite = perSite('tuple', (elems: Ev[], rt: Runtime): Ev => {
  const { TupleValue } = rt;
  const n = elems.length;
  return (c) => {
    const vals = new Array<Value>(n);
    for (let i = 0; i < n; i++) vals[i] = elems[i](c);
    return new TupleValue(vals);
  };
});

/** `{body : x \in S}` over one variable: the loop itself, as for a quantifier. */
const setMapSite = perSite(
  'setMap',
  (set: Ev, slot: number, body: Ev, sr: Range, rt: Runtime): Ev => {
    const { SetValue, enumerateSet } = rt;
    return (c) => {
      const xs = enumerateSet(set(c), sr);
      const v = c.f!.v;
      const out = new Array<Value>(xs.length);
      for (let k = 0; k < xs.length; k++) {
        v[slot] = xs[k];
        out[k] = body(c);
      }
      return SetValue.of(out);
    };
  },
);

const chooseSite = perSite(
  'choose',
  (
    set: Ev,
    bind: (c: Ctx, v: Value) => void,
    body: Ev,
    range: Range,
    br: Range,
    rt: Runtime,
  ): Ev => {
    const { EvalErr, asBool, enumerateSet } = rt;
    return (c) => {
      for (const x of enumerateSet(set(c), range)) {
        bind(c, x);
        if (asBool(body(c), br, 'CHOOSE predicate')) return x;
      }
      throw new EvalErr(
        'Attempted to compute the value of CHOOSE x \\in S : P, but no element of S satisfies P',
        range,
      );
    };
  },
);

/** A quantifier over several bounds or a tuple pattern, through `bounds`'s loops. */
const quantLoopsSite = perSite(
  'quantLoops',
  (
    loops: (c: Ctx, body: () => boolean) => boolean,
    body: Ev,
    br: Range,
    what: string,
    some: boolean,
    rt: Runtime,
  ): Ev => {
    const { asBool } = rt;
    if (some) return (c) => loops(c, () => asBool(body(c), br, what));
    return (c) => !loops(c, () => !asBool(body(c), br, what));
  },
);

/** One bound's loop (see Compiler.bounds). */
const boundSite = perSite(
  'bound',
  (set: Ev, bind: (c: Ctx, v: Value) => void, range: Range, rt: Runtime) => {
    const { enumerateSet } = rt;
    return (c: Ctx, body: () => boolean): boolean => {
      for (const x of enumerateSet(set(c), range)) {
        bind(c, x);
        if (body()) return true;
      }
      return false;
    };
  },
);

/**
 * Several bounds' loops (see Compiler.bounds): every set first, as TLC builds its enumerator from
 * all the domains before the first element (`\E x \in {}, y \in S : P` evaluates S, and fails
 * where S fails); then an odometer over them, the last bound moving fastest.
 */
const boundsSite = perSite(
  'bounds',
  (sets: Ev[], binds: ((c: Ctx, v: Value) => void)[], ranges: Range[], rt: Runtime) => {
    const { enumerateSet } = rt;
    const n = sets.length;
    return (c: Ctx, body: () => boolean): boolean => {
      const lists = new Array<readonly Value[]>(n);
      for (let d = 0; d < n; d++) lists[d] = enumerateSet(sets[d](c), ranges[d]);
      for (let d = 0; d < n; d++) if (lists[d].length === 0) return false;
      const idx = new Array<number>(n).fill(0);
      for (let d = 0; d < n; d++) binds[d](c, lists[d][0]);
      for (;;) {
        if (body()) return true;
        let d = n - 1;
        while (d >= 0 && ++idx[d] === lists[d].length) {
          idx[d] = 0;
          binds[d](c, lists[d][0]);
          d--;
        }
        if (d < 0) return false;
        binds[d](c, lists[d][idx[d]]);
      }
    };
  },
);
