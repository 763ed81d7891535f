/**
 * The compiler's first layer: which expressions are constant, and keeping their values. A closed
 * constant subexpression (no variable, no bound variable from outside, no impure built-in, no
 * prime) is evaluated once; the set a quantifier ranges over is kept per value of the one bound
 * variable it depends on; a definition without parameters that reads no variable is computed
 * once. `stateReads` tells whether an expression may read the next state or a variable at all.
 *
 * The layers, each a class extending the one before: compile-constant.ts (this), then
 * compile-functions.ts, compile-call.ts, compile-instance.ts and compile-expr.ts (`Compiler`,
 * the entry point). A layer declares `abstract` what a later one implements.
 */
import type { Expr, Unit } from '../tla/ast/ast';
import { type Value, ModelValue } from '../core/values';
import type { Binding, DefInfo, Scope } from './scope';
import type { Builtin, BuiltinTable, EvalServices } from './builtins/types';
import { forEachChild } from '../tla/ast/ast-walk';
import { refOf } from '../tla/ast/names';
import type { Ev } from './compile-support';

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

/**
 * Built-ins that print, draw at random, read or write TLC's registers or read the clock
 * (hasHiddenEffects): TLC's module, TLCExt's and Randomization's.
 */
const HIDDEN_EFFECTS = new Set([
  'Print',
  'PrintT',
  'JavaTime',
  'TLCGet',
  'TLCSet',
  'TLCGetOrDefault',
  'TLCGetAndSet',
  'RandomElement',
  'RandomSubset',
  'RandomSetOfSubsets',
  'TestRandomSetOfSubsets',
]);

export abstract class ConstantAnalysis {
  constructor(
    readonly builtins: BuiltinTable,
    readonly services: EvalServices,
  ) {}

  abstract expr(e: Expr, sc: Scope, primed?: boolean): Ev;
  protected abstract local(b: Extract<Binding, { k: 'local' }>, sc: Scope): Ev;
  abstract letScope(defs: Unit[], sc: Scope, keep?: 'none' | 'no-primes' | 'no-variables'): Scope;
  /** What `I!Op` names in the instantiated module, or undefined when it names nothing. */
  protected abstract qualifiedTarget(
    e: Extract<Expr, { kind: 'Qualified' }>,
    sc: Scope,
  ): Binding | undefined;

  /**
   * `ev`, the compiled form of `e`, evaluated once if `e` is a closed constant worth caching
   * (`0..N-1`, `[S -> SUBSET T]`) instead of in every state. Lazily, so an expression that would
   * fail is still only evaluated where TLC would evaluate it.
   */
  protected hoisted(e: Expr, sc: Scope, ev: Ev): Ev {
    if (!HOISTABLE.has(e.kind) || !this.isClosedConstant(e, sc)) return ev;
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
  protected constantButLocals(e: Expr, sc: Scope): Extract<Binding, { k: 'local' }>[] | undefined {
    let ok = true;
    const locals: Extract<Binding, { k: 'local' }>[] = [];
    const visit = (x: Expr): void => {
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
          const b = sc.resolve(x, x.name);
          if (b !== undefined || !isLocal(x)) {
            // (A local of `e` itself is bound inside it: not in `sc`.)
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
          if (x.kind === 'OpApp') for (const a of x.args) visit(a);
          return;
        }
        case 'At':
        case 'Qualified':
        case 'Let':
        case 'Lambda':
          ok = false;
          return;
        default:
          forEachChild(x, visit);
      }
    };
    visit(e);
    return ok ? locals : undefined;
  }

  /**
   * Is `e` constant in every state and every binding of the variables around it: no state
   * variable, no bound variable from outside `e`, no impure built-in, no prime or ENABLED?
   */
  protected isClosedConstant(e: Expr, sc: Scope): boolean {
    return this.constantButLocals(e, sc)?.length === 0;
  }

  /** Is a zero-parameter top-level definition constant (no variables, no impure built-ins)? */
  isConstantDef(def: DefInfo): boolean {
    if (def.constant !== undefined) return def.constant;
    if (def.analysing) return true; // recursion: decided by the other parts
    def.analysing = true;
    const result = this.isConstantExpr(def.body, def.scope);
    def.analysing = false;
    def.constant = result;
    return result;
  }

  protected isConstantExpr(e: Expr, sc: Scope): boolean {
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
          const b = s.resolve(x, x.name);
          if (b === undefined && isLocal(x)) {
            // a parameter or bound variable of the expression analysed: constant here
          } else if (!b || b.k === 'builtin') {
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
        case 'Qualified': {
          // `I(a)!Op(b)`: constant when its arguments are and Op is in the instantiated module,
          // where the module's constants and variables stand for the substituted expressions
          // (read through 'subst' bindings above): TLC computes such a definition once too.
          const target = this.qualifiedTarget(x, s);
          if (!target) {
            ok = false;
            return;
          }
          for (const step of x.path) for (const a of step.args) visit(a, s);
          for (const a of x.args) visit(a, s);
          if (target.k === 'def') {
            if (target.def.kind === 'fcn' || target.def.params.length > 0) {
              if (!this.defBodyConstant(target.def)) ok = false;
            } else if (!this.isConstantDef(target.def)) ok = false;
          } else if (target.k === 'subst')
            ok = this.isConstantExpr(target.expr, target.scope) && ok;
          else if (target.k === 'builtin') {
            if (target.builtin?.impure) ok = false;
          } else if (target.k !== 'const') ok = false;
          return;
        }
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
          forEachChild(x, (ch) => visit(ch, s));
      }
    };
    visit(e, sc);
    return ok;
  }

  protected defBodyConstant(def: DefInfo): boolean {
    if (def.constant !== undefined) return def.constant;
    if (def.analysing) return true;
    def.analysing = true;
    let ok = this.isConstantExpr(def.body, def.scope);
    if (def.bounds)
      for (const b of def.bounds) if (b.set) ok = ok && this.isConstantExpr(b.set, def.scope);
    def.analysing = false;
    def.constant = ok;
    return ok;
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
        const b = s.resolve(x, x.name);
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

  /**
   * Whether evaluating `e` (through the definitions, substitutions and instances it reaches) may
   * act outside its value or read more than the states: print (Print, PrintT), draw at random
   * (RandomElement, the Randomization module), read or write TLC's registers (TLCGet, TLCSet),
   * read the clock (JavaTime), or any built-in marked `impure`. Where such an expression is
   * evaluated, and how often, shows in the output and the draws: a shared search evaluates it where
   * one worker would (liveness/checker.ts, atomRows). Conservative: what it cannot follow counts.
   */
  hasHiddenEffects(e: Expr, sc: Scope): boolean {
    let found = false;
    const seen = new Set<DefInfo>();
    const def = (d: DefInfo): void => {
      if (seen.has(d)) return;
      seen.add(d);
      visit(d.body, d.scope);
      if (d.bounds) for (const b of d.bounds) if (b.set) visit(b.set, d.scope);
    };
    const target = (name: string, b: Binding | undefined): void => {
      if (!b || b.k === 'builtin') {
        const bi = this.builtinOf(name, b);
        if (bi?.impure || HIDDEN_EFFECTS.has(name) || HIDDEN_EFFECTS.has(bi?.name ?? name))
          found = true;
      } else if (b.k === 'def') def(b.def);
      else if (b.k === 'subst') visit(b.expr, b.scope);
      else if (b.k === 'instance') found = true;
    };
    const visit = (x: Expr, s: Scope): void => {
      if (found) return;
      if (x.kind === 'Ident' || x.kind === 'OpApp' || x.kind === 'OpRef') {
        const b = s.resolve(x, x.name);
        if (b !== undefined || !isLocal(x)) target(x.name, b);
      } else if (x.kind === 'Qualified') {
        const t = this.qualifiedTarget(x, s);
        if (!t || t.k === 'instance' || t.k === 'local') found = true;
        else target(x.name, t);
      } else if (x.kind === 'Let') {
        const inner = this.letScope(x.defs, s);
        for (const u of x.defs) if (u.kind === 'OpDef' || u.kind === 'FcnDef') visit(u.body, inner);
        visit(x.body, inner);
        return;
      }
      forEachChild(x, (ch) => visit(ch, s));
    };
    visit(e, sc);
    return found;
  }

  /**
   * The built-in operator a name denotes, given what the scope binds it to: a library module's
   * operator implemented natively, or (when the scope has no binding) a kernel operator of the
   * table. Undefined when the name is bound to anything else.
   */
  protected builtinOf(name: string, b: Binding | undefined): Builtin | undefined {
    if (!b) return this.builtins.get(name);
    return b.k === 'builtin' ? b.builtin : undefined;
  }
}

/** Is the name occurrence `x` local to a definition (a bound variable, parameter, `@` or LET definition)? */
function isLocal(x: Expr): boolean {
  const d = refOf(x);
  return d !== undefined && d.kind !== 'module';
}
