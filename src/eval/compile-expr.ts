/**
 * Compiles expressions to closures (`Ev = (ctx) => Value`), resolving every name once
 * (DESIGN.md: "compile, don't walk"). This file handles value-level (state and primed) evaluation;
 * compile-action.ts turns actions and initial predicates into successor enumerators.
 */
import type { Expr, Bound, Range, Unit, ExceptPathStep } from '../tla/ast';
import {
  type Value,
  SetValue,
  ModelValue,
  SetBase,
  TupleValue,
  RecordValue,
  FunctionBase,
  OpValue,
  EMPTY_SET,
  equals,
  isSet,
  isFunction,
  makeFunction,
  compare,
  ValueError,
} from '../core/values';
import {
  FcnSetValue,
  RecordSetValue,
  ProductValue,
  FilterSetValue,
  FiniteFilterSetValue,
  LazyFunctionValue,
  PartialFunctionValue,
  SubsetValue,
} from '../core/lazy-sets';
import { EvalError, withRange } from './errors';
import { compareStrings } from '../core/string-order';
import {
  type Ctx,
  type Frame,
  type DefInfo,
  type Binding,
  type MemoEntry,
  Scope,
  frameUp,
} from './scope';
import type { Builtin, BuiltinTable, EvalServices } from './builtins/types';
import { isTlcJavaOverride } from './builtins/tlc-java';
import { printValue } from './print';

export type Ev = (c: Ctx) => Value;

/** Expression kinds worth caching when constant (building sets and functions, applying operators). */
const HOISTABLE = new Set<Expr['kind']>([
  'OpApp',
  'SetEnum',
  'SetFilter',
  'SetMap',
  'Product',
  'FcnCtor',
  'FcnSet',
  'RecordSet',
  'RecordCtor',
  'Tuple',
  'Choose',
  'Quant',
  'Case',
  'If',
]);

/** The enumerator form of an action (see compile-action.ts); declared here to break the cycle. */
export type Act = (c: Ctx, k: () => void) => void;

export interface ActionCompiler {
  enabled(e: Expr, sc: Scope): (c: Ctx) => boolean;
}

/** Evaluates `ev` with `frame` as the current frame, then makes the caller's frame current again. */
export function evalInFrame(c: Ctx, frame: Frame | null, ev: Ev): Value {
  const saved = c.f;
  c.f = frame;
  try {
    return ev(c);
  } finally {
    c.f = saved;
  }
}

export function describe(v: Value): string {
  try {
    return printValue(v);
  } catch {
    return String(v);
  }
}

export function asBool(v: Value, range: Range, what = 'expression'): boolean {
  if (typeof v !== 'boolean')
    throw new EvalError(`The ${what} should be a boolean, but it is ${describe(v)}`, range);
  return v;
}

export function asSet(v: Value, range: Range): SetBase {
  if (!isSet(v)) throw new EvalError(`A set was expected, but the value is ${describe(v)}`, range);
  return v;
}

export function enumerateSet(v: Value, range: Range): readonly Value[] {
  try {
    return asSet(v, range).enumerate().elems;
  } catch (e) {
    return withRange(e, range);
  }
}

const MAX_INT = 2147483647;
const MIN_INT = -2147483648;

/** An integer literal, read exactly (a double would turn 9007199254740993 into ...992). */
function intLiteral(digits: string, range: Range): number {
  const n = BigInt(digits);
  if (n > BigInt(MAX_INT) || n < BigInt(MIN_INT)) {
    throw new EvalError(`Integer overflow: ${digits} is outside TLC's 32-bit integer range`, range);
  }
  return Number(n);
}

export function checkInt(n: number, range?: Range): number {
  if (n > MAX_INT || n < MIN_INT) {
    throw new EvalError(`Integer overflow: ${n} is outside TLC's 32-bit integer range`, range);
  }
  return n;
}

/**
 * An argument of a user-defined operator, not evaluated yet. TLC passes arguments unevaluated and
 * evaluates each one when (and only if) the body first uses it, once: an argument the body never
 * reads may fail (`Op(Head(<<>>))` with `Op(x) == 0` is 0) or cost nothing. Read through the
 * parameter's slot, which then holds the value.
 */
class LazyArg {
  declare readonly ev: Ev;
  declare readonly c: Ctx;
  declare readonly frame: Frame | null;
  constructor(ev: Ev, c: Ctx) {
    this.ev = ev;
    this.c = c;
    this.frame = c.f;
  }
  force(): Value {
    return evalInFrame(this.c, this.frame, this.ev);
  }
}

/** A parameter's value for an action label: an argument not evaluated yet is evaluated now. */
export function labelArg(x: Value): Value {
  if (!(x instanceof LazyArg)) return x;
  try {
    return x.force();
  } catch {
    return '…'; // an argument the action never needed, which fails: the label says so
  }
}

/** Arguments as a built-in takes them: evaluated. */
function forced(vals: Value[]): Value[] {
  for (let i = 0; i < vals.length; i++) {
    const x = vals[i];
    if (x instanceof LazyArg) vals[i] = x.force();
  }
  return vals;
}

export class Compiler {
  /** Parameters of user-defined operators: their slots may hold a `LazyArg`. */
  private readonly lazyParams = new WeakSet<Binding>();

  /** Set by the action compiler once it exists (ENABLED needs it). */
  actions!: ActionCompiler;

  constructor(
    readonly builtins: BuiltinTable,
    readonly services: EvalServices,
  ) {}

  // ---------------------------------------------------------------- expressions

  expr(e: Expr, sc: Scope, primed = false): Ev {
    const ev = this.exprInner(e, sc, primed);
    if (!HOISTABLE.has(e.kind) || !this.isClosedConstant(e, sc)) return ev;
    // A closed constant subexpression (`0..N-1`, `[S -> SUBSET T]`) is evaluated once, when first
    // needed, instead of in every state. Lazily, so an expression that would fail is still only
    // evaluated where TLC would evaluate it.
    let cached: { v: Value } | undefined;
    return (c) => {
      if (cached) return cached.v;
      const v = ev(c);
      cached = { v };
      return v;
    };
  }

  /**
   * The set a quantifier ranges over. When it is constant but for one bound variable around it
   * (`\A len \in 1..N : \A data \in Array(S, len) : …`), its value is kept per value of that
   * variable (integers, strings, booleans, model values), so that it is not rebuilt (a set of
   * functions re-enumerated and sorted) in every state.
   */
  boundSet(e: Expr, sc: Scope, primed: boolean): Ev {
    const ev = this.expr(e, sc, primed);
    if (!HOISTABLE.has(e.kind)) return ev;
    // No outside bound variable: closed, and `expr` has hoisted it already.
    const locals = this.constantButLocals(e, sc);
    if (!locals || locals.length !== 1) return ev;
    const read = this.local(locals[0], sc);
    const memo = new Map<Value, Value>();
    return (c) => {
      const k = read(c);
      const atomic = typeof k !== 'object' || k instanceof ModelValue;
      if (atomic) {
        const hit = memo.get(k);
        if (hit !== undefined) return hit;
      }
      const v = ev(c);
      if (atomic && memo.size < 1024) memo.set(k, v);
      return v;
    };
  }

  /** As isClosedConstant, but bound variables from outside `e` are allowed: undefined, or those variables. */
  private constantButLocals(e: Expr, sc: Scope): Extract<Binding, { k: 'local' }>[] | undefined {
    let ok = true;
    const locals: Extract<Binding, { k: 'local' }>[] = [];
    const visit = (x: Expr, bound: ReadonlySet<string>): void => {
      if (!ok) return;
      switch (x.kind) {
        case 'Ident':
        case 'OpApp':
        case 'OpRef': {
          if (
            x.kind === 'OpApp' &&
            (x.name === "'" || x.name === 'ENABLED' || x.name === 'UNCHANGED')
          ) {
            ok = false;
            return;
          }
          if (!bound.has(x.name)) {
            const b = sc.lookup(x.name);
            if (!b || b.k === 'builtin') {
              if (this.builtinOf(x.name, b)?.impure) ok = false;
            } else if (b.k === 'local') {
              if (b.arity > 0 || x.kind !== 'Ident') ok = false;
              else if (!locals.includes(b)) locals.push(b);
            } else if (b.k === 'var' || b.k === 'subst' || b.k === 'instance') ok = false;
            else if (b.k === 'def') {
              if (b.def.scope.depth !== 0) ok = false;
              else if (b.def.kind === 'fcn' || b.def.params.length > 0) {
                if (!this.defBodyConstant(b.def)) ok = false;
              } else if (!this.isConstantDef(b.def)) ok = false;
            }
          }
          if (x.kind === 'OpApp') for (const a of x.args) visit(a, bound);
          return;
        }
        case 'At':
        case 'Qualified':
        case 'Let':
        case 'Lambda':
          ok = false;
          return;
        default:
          forEachChild(x, (ch, binds) =>
            visit(ch, binds.length ? new Set([...bound, ...binds]) : bound),
          );
      }
    };
    visit(e, new Set());
    return ok ? locals : undefined;
  }

  /**
   * Is `e` constant in every state and every binding of the variables around it: no state
   * variable, no bound variable from outside `e`, no impure built-in, no prime or ENABLED?
   */
  private isClosedConstant(e: Expr, sc: Scope): boolean {
    return this.constantButLocals(e, sc)?.length === 0;
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
        const s = e.value;
        return () => s;
      }
      case 'Bool': {
        const b = e.value;
        return () => b;
      }
      case 'Ident':
        return this.ident(e.name, e.range, sc, primed);
      case 'OpApp':
        return this.opApp(e, sc, primed);
      case 'Qualified':
        return this.qualified(e, sc, primed);
      case 'OpRef':
      case 'Lambda':
        return this.opArg(e, sc, primed, e.kind === 'Lambda' ? e.params.length : 2);
      case 'And': {
        const args = e.args.map((a) => this.expr(a, sc, primed));
        const ranges = e.args.map((a) => a.range);
        return (c) => {
          for (let i = 0; i < args.length; i++)
            if (!asBool(args[i](c), ranges[i], 'conjunct')) return false;
          return true;
        };
      }
      case 'Or': {
        const args = e.args.map((a) => this.expr(a, sc, primed));
        const ranges = e.args.map((a) => a.range);
        return (c) => {
          for (let i = 0; i < args.length; i++)
            if (asBool(args[i](c), ranges[i], 'disjunct')) return true;
          return false;
        };
      }
      case 'SetEnum': {
        const elems = e.elems.map((x) => this.expr(x, sc, primed));
        if (elems.length === 0) return () => EMPTY_SET;
        return (c) => SetValue.of(elems.map((x) => x(c)));
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
        const names = e.fields.map((f) => f.name);
        const vals = e.fields.map((f) => this.expr(f.value, sc, primed));
        const order = names.map((_, i) => i).sort((a, b) => compareStrings(names[a], names[b]));
        const sortedNames = order.map((i) => names[i]);
        const sortedVals = order.map((i) => vals[i]);
        return (c) =>
          new RecordValue(
            sortedNames,
            sortedVals.map((v) => v(c)),
          );
      }
      case 'RecordSet': {
        const fields = e.fields.slice().sort((a, b) => compareStrings(a.name, b.name));
        const names = fields.map((f) => f.name);
        const sets = fields.map((f) => this.expr(f.set, sc, primed));
        return (c) =>
          new RecordSetValue(
            names,
            sets.map((s, i) => asSet(s(c), fields[i].set.range)),
          );
      }
      case 'FcnApp':
        return this.fcnApp(e.fcn, e.args, sc, primed, e.range);
      case 'Dot': {
        const r = this.expr(e.record, sc, primed);
        const field = e.field;
        return (c) => {
          const v = r(c);
          if (isFunction(v)) {
            const x = v.apply(field);
            if (x !== undefined) return x;
          }
          throw new EvalError(`The record ${describe(v)} has no field ${field}`, e.range);
        };
      }
      case 'Tuple': {
        const elems = e.elems.map((x) => this.expr(x, sc, primed));
        return (c) => new TupleValue(elems.map((x) => x(c)));
      }
      case 'Except':
        return this.except(e, sc, primed);
      case 'At': {
        const b = sc.lookup('@');
        if (!b || b.k !== 'local')
          throw new EvalError('@ is only meaningful inside an EXCEPT', e.range);
        return this.local(b, sc);
      }
      case 'If': {
        const cond = this.expr(e.cond, sc, primed);
        const th = this.expr(e.then, sc, primed);
        const el = this.expr(e.else_, sc, primed);
        return (c) => (asBool(cond(c), e.cond.range, 'IF condition') ? th(c) : el(c));
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
        return (c) => {
          for (const x of enumerateSet(set(c), e.range)) {
            bind(c, x);
            if (asBool(body(c), e.body.range, 'CHOOSE predicate')) return x;
          }
          throw new EvalError(
            'Attempted to compute the value of CHOOSE x \\in S : P, but no element of S satisfies P',
            e.range,
          );
        };
      }
      case 'Quant': {
        if (e.bounds.some((b) => !b.set)) {
          throw new EvalError(
            'TLC cannot evaluate an unbounded quantifier (\\A x : P or \\E x : P)',
            e.range,
          );
        }
        const inner = sc.child();
        const loops = this.bounds(e.bounds, sc, inner, primed);
        const body = this.expr(e.body, inner, primed);
        const br = e.body.range;
        if (e.quantifier === 'E') {
          return (c) => loops(c, () => asBool(body(c), br, 'quantified formula'));
        }
        return (c) => !loops(c, () => !asBool(body(c), br, 'quantified formula'));
      }
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

  private ident(name: string, range: Range, sc: Scope, primed: boolean): Ev {
    const b = sc.lookup(name);
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
        if (primed) {
          return (c) => {
            if (!c.n)
              throw new EvalError(
                `${name}' is primed where there is no next state (an initial predicate, an invariant or a constant)`,
                range,
              );
            const v = c.n[i];
            if (v === undefined)
              throw new EvalError(`${name}' is used before it is given a value`, range);
            return v;
          };
        }
        return (c) => {
          const v = c.s[i];
          if (v === undefined)
            throw new EvalError(`The variable ${name} is used before it is given a value`, range);
          return v;
        };
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
        return this.ident(name, range, sc, primed);
    }
  }

  /**
   * The built-in operator a name denotes, given what the scope binds it to: a library module's
   * operator implemented natively, or (when the scope has no binding) a kernel operator of the
   * table. Undefined when the name is bound to anything else.
   */
  private builtinOf(name: string, b: Binding | undefined): Builtin | undefined {
    if (!b) return this.builtins.get(name);
    return b.k === 'builtin' ? b.builtin : undefined;
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

  private local(b: Extract<Binding, { k: 'local' }>, sc: Scope): Ev {
    const hops = sc.depth - b.depth;
    const i = b.index;
    if (this.lazyParams.has(b)) {
      return (c) => {
        const fr = hops === 0 ? c.f! : frameUp(c.f, hops)!;
        const x = fr.v[i];
        if (!(x instanceof LazyArg)) return x;
        const v = x.force();
        fr.v[i] = v;
        return v;
      };
    }
    if (hops === 0) return (c) => c.f!.v[i];
    if (hops === 1) return (c) => c.f!.up!.v[i];
    return (c) => frameUp(c.f, hops)!.v[i];
  }

  /**
   * The arguments of a call of a user-defined operator, as its parameters receive them: literals,
   * variables and constants as values; a parameter of the caller passed on as it is (evaluated or
   * not); anything else unevaluated (see LazyArg).
   */
  private lazyArgs(args: Expr[], arities: number[], sc: Scope, primed: boolean): Ev[] {
    return args.map((a, i) => {
      if (arities[i] > 0) return this.opArg(a, sc, primed, arities[i]);
      const ev = this.expr(a, sc, primed);
      if (a.kind === 'Num' || a.kind === 'Str' || a.kind === 'Bool') return ev;
      if (a.kind === 'Ident') {
        const b = sc.lookup(a.name);
        if (b && (b.k === 'var' || b.k === 'const')) return ev;
        if (b && b.k === 'local') {
          if (!this.lazyParams.has(b)) return ev;
          const hops = sc.depth - b.depth;
          const idx = b.index;
          return (c) => (hops === 0 ? c.f! : frameUp(c.f, hops)!).v[idx];
        }
      }
      return (c: Ctx): Value => new LazyArg(ev, c) as unknown as Value;
    });
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

  // ---------------------------------------------------------------- operator application

  private opApp(e: Extract<Expr, { kind: 'OpApp' }>, sc: Scope, primed: boolean): Ev {
    const { name, args, range } = e;
    switch (name) {
      case "'": {
        if (primed) throw new EvalError('A primed expression cannot be primed again', range);
        return this.expr(args[0], sc, true);
      }
      case '=>': {
        const [a, b] = args.map((x) => this.expr(x, sc, primed));
        return (c) => !asBool(a(c), args[0].range) || asBool(b(c), args[1].range);
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
    const b = sc.lookup(name);
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

  private builtinCall(
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
    if (argEvs.length === 1 && bi.call1) {
      const a0 = argEvs[0];
      const f = bi.call1;
      return (c) => {
        const x = a0(c);
        try {
          return f(x);
        } catch (err) {
          return withRange(err, range);
        }
      };
    }
    if (argEvs.length === 2 && bi.call2) {
      const [a0, a1] = argEvs;
      const f = bi.call2;
      return (c) => {
        const x = a0(c);
        const y = a1(c);
        try {
          return f(x, y);
        } catch (err) {
          return withRange(err, range);
        }
      };
    }
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
      arities[i] > 0 ? this.opArg(a, sc, primed, arities[i]) : this.expr(a, sc, primed),
    );
  }

  /** An argument that is an operator: a name, a symbolic built-in or a LAMBDA, as an OpValue. */
  opArg(e: Expr, sc: Scope, primed: boolean, arity: number): Ev {
    if (e.kind === 'Lambda') {
      const inner = sc.newFrame();
      for (const p of e.params) this.lazyParams.add(inner.bindLocal(p));
      const body = this.expr(e.body, inner, primed);
      const layout = inner.layout;
      return (c) => {
        const captured = c.f;
        return new OpValue('LAMBDA', e.params.length, (vals) => {
          const fr: Frame = { v: vals.concat(new Array(layout.size - vals.length)), up: captured };
          return evalInFrame(c, fr, body);
        });
      };
    }
    if (e.kind === 'Ident' || e.kind === 'OpRef') {
      const name = e.name;
      const b = sc.lookup(name);
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
          const v = body.ev(c);
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
      return (c) => {
        if (!body) body = this.defBody(def, primed);
        const memo = c.memo;
        let hit: MemoEntry | undefined;
        if (memo !== undefined) {
          hit = memo.get(body);
          if (hit !== undefined && hit.s === c.s && hit.n === c.n) return hit.v;
        }
        const saved = c.f;
        c.f = {
          v: new Array<Value>(body.layout.size),
          up: hops === 0 ? saved : frameUp(saved, hops),
        };
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
    }
    return (c) => {
      if (!body) body = this.defBody(def, primed);
      const size = body.layout.size;
      const v = new Array<Value>(size);
      for (let i = 0; i < n; i++) v[i] = argEvs[i](c);
      const saved = c.f;
      c.f = { v, up: hops === 0 ? saved : frameUp(saved, hops) };
      try {
        return body.ev(c);
      } catch (err) {
        return withRange(err, range);
      } finally {
        c.f = saved;
      }
    };
  }

  defBody(def: DefInfo, primed: boolean): { ev: Ev; layout: { size: number } } {
    const key = primed ? 'vp' : 'v';
    let got = def.compiled.get(key) as { ev: Ev; layout: { size: number } } | undefined;
    if (!got) {
      const inner = def.scope.newFrame();
      for (const p of def.params) {
        const b = inner.bindLocal(p.name, p.arity);
        if (p.arity === 0) this.lazyParams.add(b);
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

  /** Is a zero-parameter top-level definition constant (no variables, no impure built-ins)? */
  isConstantDef(def: DefInfo): boolean {
    if (def.constant !== undefined) return def.constant;
    if (def.analysing) return true; // recursion: decided by the other parts
    def.analysing = true;
    const inner = def.scope.newFrame();
    for (const p of def.params) inner.bindLocal(p.name, p.arity);
    const result = this.isConstantExpr(def.body, inner);
    def.analysing = false;
    def.constant = result;
    return result;
  }

  private isConstantExpr(e: Expr, sc: Scope): boolean {
    let ok = true;
    const visit = (x: Expr, s: Scope): void => {
      if (!ok) return;
      switch (x.kind) {
        case 'Ident':
        case 'OpApp':
        case 'OpRef': {
          if (
            x.kind === 'OpApp' &&
            (x.name === "'" || x.name === 'ENABLED' || x.name === 'UNCHANGED')
          ) {
            ok = false;
            return;
          }
          const b = s.lookup(x.name);
          if (!b || b.k === 'builtin') {
            if (this.builtinOf(x.name, b)?.impure) ok = false;
          } else if (b.k === 'var') ok = false;
          else if (b.k === 'def') {
            if (b.def.kind === 'fcn' || b.def.params.length > 0) {
              if (!this.defBodyConstant(b.def)) ok = false;
            } else if (!this.isConstantDef(b.def)) ok = false;
          } else if (b.k === 'subst') ok = this.isConstantExpr(b.expr, b.scope) && ok;
          if (x.kind === 'OpApp') for (const a of x.args) visit(a, s);
          return;
        }
        case 'Qualified':
          ok = false; // conservative: instances may read variables through substitutions
          return;
        case 'Let': {
          const inner = this.letScope(x.defs, s);
          for (const d of x.defs) {
            if (d.kind === 'OpDef') visit(d.body, inner);
            if (d.kind === 'FcnDef') visit(d.body, inner);
          }
          visit(x.body, inner);
          return;
        }
        default:
          forEachChild(x, (ch, binds) => {
            if (binds.length) {
              const inner = s.child();
              for (const n of binds) inner.bindLocal(n);
              visit(ch, inner);
            } else visit(ch, s);
          });
      }
    };
    visit(e, sc);
    return ok;
  }

  private defBodyConstant(def: DefInfo): boolean {
    if (def.constant !== undefined) return def.constant;
    if (def.analysing) return true;
    def.analysing = true;
    const inner = def.scope.newFrame();
    for (const p of def.params) inner.bindLocal(p.name, p.arity);
    if (def.bounds) for (const b of def.bounds) for (const n of patternNames(b)) inner.bindLocal(n);
    let ok = this.isConstantExpr(def.body, inner);
    if (def.bounds)
      for (const b of def.bounds) if (b.set) ok = ok && this.isConstantExpr(b.set, def.scope);
    def.analysing = false;
    def.constant = ok;
    return ok;
  }

  // ---------------------------------------------------------------- instances

  private qualified(e: Extract<Expr, { kind: 'Qualified' }>, sc: Scope, primed: boolean): Ev {
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

  /** Set by the model builder: builds the scope of an instantiated module. */
  instantiate!: (b: Extract<Binding, { k: 'instance' }>) => Scope;

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
        inner.define(d.name, { k: 'def', def });
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
        inner.define(d.name, {
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
        });
      } else if (d.kind === 'Instance' && d.name) {
        inner.define(d.name, {
          k: 'instance',
          name: d.name,
          params: d.params,
          unit: d,
          scope: inner,
        });
      }
    }
    return inner;
  }

  /**
   * Whether evaluating `e` may read the next state (primes, UNCHANGED, ENABLED, \cdot) or any
   * variable, looking through definitions and substitutions.
   */
  stateReads(e: Expr, sc: Scope): { primes: boolean; variables: boolean } {
    const out = { primes: false, variables: false };
    const seen = new Set<DefInfo>();
    const visit = (x: Expr, s: Scope): void => {
      if (out.primes && out.variables) return;
      if (
        x.kind === 'OpApp' &&
        (x.name === "'" || x.name === 'UNCHANGED' || x.name === 'ENABLED' || x.name === '\\cdot')
      )
        out.primes = true;
      if (x.kind === 'StepExpr' || x.kind === 'Fairness') out.primes = true;
      if (x.kind === 'Ident' || x.kind === 'OpApp' || x.kind === 'OpRef') {
        const b = s.lookup(x.name);
        if (b?.k === 'var') out.variables = true;
        else if (b?.k === 'subst') visit(b.expr, b.scope);
        else if (b?.k === 'def' && !seen.has(b.def)) {
          seen.add(b.def);
          visit(b.def.body, b.def.scope);
        } else if (b?.k === 'instance') out.primes = out.variables = true;
      }
      if (x.kind === 'Qualified') out.primes = out.variables = true; // conservative
      if (x.kind === 'Let') {
        const inner = this.letScope(x.defs, s);
        for (const u of x.defs) if (u.kind === 'OpDef' || u.kind === 'FcnDef') visit(u.body, inner);
        visit(x.body, inner);
        return;
      }
      forEachChild(x, (ch) => visit(ch, s));
    };
    visit(e, sc);
    return out;
  }

  // ---------------------------------------------------------------- binders

  /** Binds a pattern's variables in `inner`; returns a setter for a value of the bound set. */
  bindPattern(b: Bound, inner: Scope): (c: Ctx, v: Value) => void {
    const p = b.pattern;
    if (p.kind === 'Var') {
      const slot = inner.bindLocal(p.name);
      const i = slot.index;
      return (c, v) => {
        c.f!.v[i] = v;
      };
    }
    const slots = p.names.map((n) => inner.bindLocal(n).index);
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
    if (n === 1) {
      const [set] = sets;
      const [bind] = binds;
      return (c, body) => {
        for (const x of enumerateSet(set(c), ranges[0])) {
          bind(c, x);
          if (body()) return true;
        }
        return false;
      };
    }
    // Every set first, as TLC builds its enumerator from all the domains before the first
    // element (`\E x \in {}, y \in S : P` evaluates S, and fails where S fails); then an
    // odometer over them, the last bound moving fastest.
    return (c, body) => {
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
  }

  // ---------------------------------------------------------------- functions

  private fcnCtor(bounds: Bound[], bodyExpr: Expr, sc: Scope, primed: boolean, range: Range): Ev {
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
  private fcnDefValue(def: DefInfo, sc: Scope, primed: boolean): Ev {
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

  private fcnDefDomain(def: DefInfo, primed: boolean): (c: Ctx) => readonly Value[] {
    const bounds = def.bounds!;
    const sets = bounds.map((b) => this.expr(b.set!, def.scope, primed));
    return (c) => {
      if (sets.length === 1) return enumerateSet(sets[0](c), def.range);
      return new ProductValue(sets.map((s) => asSet(s(c), def.range))).enumerate().elems;
    };
  }

  /** Applies a recursive function definition to one argument, evaluated at the definition's frame. */
  private fcnDefApplier(def: DefInfo, primed: boolean): (c: Ctx, key: Value) => Value {
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
      const parts =
        bounds.length === 1
          ? [k]
          : isFunction(k) && k.size() === bounds.length
            ? range(k.size()).map((i) => k.valueAt(i))
            : null;
      if (!parts)
        throw new EvalError(
          `The function ${def.name} is applied to ${describe(k)}, outside its domain`,
          def.range,
        );
      for (let i = 0; i < parts.length; i++) {
        const s = sets[i](c);
        if (!asSet(s, def.range).contains(parts[i])) {
          throw new EvalError(
            `The function ${def.name} is applied to ${describe(k)}, outside its domain`,
            def.range,
          );
        }
      }
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

  private fcnApp(fcnExpr: Expr, argExprs: Expr[], sc: Scope, primed: boolean, range: Range): Ev {
    const args = argExprs.map((a) => this.expr(a, sc, primed));
    const key: Ev = args.length === 1 ? args[0] : (c) => new TupleValue(args.map((a) => a(c)));
    if (fcnExpr.kind === 'Ident') {
      const b = sc.lookup(fcnExpr.name);
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
    const fcn = this.expr(fcnExpr, sc, primed);
    return (c) => {
      const f = fcn(c);
      const k = key(c);
      if (isFunction(f)) {
        const v = f.apply(k);
        if (v !== undefined) return v;
        throw new EvalError(
          `Attempted to apply function:\n${describe(f)}\nto argument ${describe(k)}, which is not in the domain of the function.`,
          range,
        );
      }
      if (f instanceof OpValue) return f.call(args.length === 1 ? [k] : args.map((a) => a(c)));
      throw new EvalError(
        `Attempted to apply ${describe(f)}, which is not a function, to ${describe(k)}`,
        range,
      );
    };
  }

  private except(e: Extract<Expr, { kind: 'Except' }>, sc: Scope, primed: boolean): Ev {
    const fcn = this.expr(e.fcn, sc, primed);
    const updates = e.updates.map((u) => {
      const inner = sc.child();
      const at = inner.bindLocal('@');
      const value = this.expr(u.value, inner, primed);
      const path = u.path.map((step) => this.pathKey(step, sc, primed));
      return { value, path, atIndex: at.index };
    });
    return (c) => {
      let f = fcn(c);
      for (const u of updates) {
        const keys = u.path.map((p) => p(c));
        f = updateAt(
          f,
          keys,
          0,
          (old) => {
            c.f!.v[u.atIndex] = old;
            return u.value(c);
          },
          e.range,
        );
      }
      return f;
    };
  }

  private pathKey(step: ExceptPathStep, sc: Scope, primed: boolean): Ev {
    if (step.kind === 'Field') {
      const n = step.name;
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

/**
 * `run` for a value evaluated later (a lazy function's body, a lazy set's predicate), in the
 * state and frame of now: a copy of the frame, so that later evaluations of the enclosing
 * expression, which reuse the frame's slots, cannot change what it sees. (One copy serves every
 * call: a body cannot refer to the value it defines.)
 */
function inContextOf<T>(c: Ctx, run: (at: Ctx, x: Value) => T): (x: Value) => T {
  const at: Ctx = { s: c.s, n: c.n, f: c.f ? { v: c.f.v.slice(), up: c.f.up } : c.f };
  return (x) => run(at, x);
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

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** `[f EXCEPT ![k1][k2] = …]`: TLC leaves f unchanged where a key is outside the domain. */
function updateAt(
  f: Value,
  keys: Value[],
  i: number,
  leaf: (old: Value) => Value,
  range: Range,
): Value {
  if (!isFunction(f))
    throw new EvalError(
      `EXCEPT applied to ${describe(f)}, which is not a function or record`,
      range,
    );
  if (f instanceof LazyFunctionValue) {
    // Applied point by point (an infinite domain, or a body that fails somewhere): updated so.
    const old = f.apply(keys[i]);
    if (old === undefined) return f;
    return f.except(
      keys[i],
      i === keys.length - 1 ? leaf(old) : updateAt(old, keys, i + 1, leaf, range),
    );
  }
  const idx = f.indexOf(keys[i]);
  if (idx < 0) return f;
  const old = f.valueAt(idx);
  const nv = i === keys.length - 1 ? leaf(old) : updateAt(old, keys, i + 1, leaf, range);
  return replaceAt(f, idx, nv);
}

export function replaceAt(f: FunctionBase, idx: number, v: Value): FunctionBase {
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
  const n = f.size();
  const dom = new Array<Value>(n);
  const vals = new Array<Value>(n);
  for (let j = 0; j < n; j++) {
    dom[j] = f.domainAt(j);
    vals[j] = j === idx ? v : f.valueAt(j);
  }
  return makeFunction(dom, vals);
}

/** Does the expression bind variables anywhere inside (so that evaluating it needs frame slots)? */
export function hasBinders(e: Expr): boolean {
  switch (e.kind) {
    case 'SetFilter':
    case 'SetMap':
    case 'FcnCtor':
    case 'Choose':
    case 'Quant':
    case 'Let':
    case 'Lambda':
    case 'Except':
    case 'TemporalQuant':
      return true;
  }
  let found = false;
  forEachChild(e, (ch) => {
    if (!found && hasBinders(ch)) found = true;
  });
  return found;
}

export function patternNames(b: Bound): string[] {
  return b.pattern.kind === 'Var' ? [b.pattern.name] : b.pattern.names;
}

/**
 * Visits the direct sub-expressions of `e`, telling which names each one binds (for analyses that
 * do not need full compilation). LET is handled by callers.
 */
export function forEachChild(e: Expr, f: (child: Expr, binds: string[]) => void): void {
  switch (e.kind) {
    case 'Num':
    case 'Decimal':
    case 'Str':
    case 'Bool':
    case 'Ident':
    case 'OpRef':
    case 'At':
      return;
    case 'OpApp':
    case 'Qualified':
      e.args.forEach((a) => f(a, []));
      if (e.kind === 'Qualified') e.path.forEach((p) => p.args.forEach((a) => f(a, [])));
      return;
    case 'Lambda':
      f(e.body, e.params);
      return;
    case 'And':
    case 'Or':
      e.args.forEach((a) => f(a, []));
      return;
    case 'SetEnum':
    case 'Tuple':
      e.elems.forEach((a) => f(a, []));
      return;
    case 'SetFilter':
      if (e.bound.set) f(e.bound.set, []);
      f(e.pred, patternNames(e.bound));
      return;
    case 'SetMap':
    case 'FcnCtor':
      e.bounds.forEach((b) => b.set && f(b.set, []));
      f(e.body, e.bounds.flatMap(patternNames));
      return;
    case 'Quant':
      e.bounds.forEach((b) => b.set && f(b.set, []));
      f(e.body, e.bounds.flatMap(patternNames));
      return;
    case 'Choose':
      if (e.bound.set) f(e.bound.set, []);
      f(e.body, patternNames(e.bound));
      return;
    case 'Product':
      e.sets.forEach((a) => f(a, []));
      return;
    case 'FcnSet':
      f(e.domain, []);
      f(e.range_, []);
      return;
    case 'RecordCtor':
      e.fields.forEach((x) => f(x.value, []));
      return;
    case 'RecordSet':
      e.fields.forEach((x) => f(x.set, []));
      return;
    case 'FcnApp':
      f(e.fcn, []);
      e.args.forEach((a) => f(a, []));
      return;
    case 'Dot':
      f(e.record, []);
      return;
    case 'Except':
      f(e.fcn, []);
      e.updates.forEach((u) => {
        u.path.forEach((p) => p.kind === 'Index' && p.args.forEach((a) => f(a, [])));
        f(u.value, ['@']);
      });
      return;
    case 'If':
      f(e.cond, []);
      f(e.then, []);
      f(e.else_, []);
      return;
    case 'Case':
      e.arms.forEach((a) => {
        f(a.guard, []);
        f(a.body, []);
      });
      if (e.other) f(e.other, []);
      return;
    case 'Let':
      e.defs.forEach((d) => {
        if (d.kind === 'OpDef')
          f(
            d.body,
            d.params.map((p) => p.name),
          );
        if (d.kind === 'FcnDef') f(d.body, d.bounds.flatMap(patternNames));
      });
      f(e.body, []);
      return;
    case 'TemporalQuant':
      f(e.body, e.names);
      return;
    case 'StepExpr':
    case 'Fairness':
      f(e.action, []);
      f(e.sub, []);
      return;
  }
}
