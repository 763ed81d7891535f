/**
 * Decomposition of temporal formulas (the .cfg's PROPERTIES, and the spec's fairness) into what the
 * checker can verify: state predicates on initial states, invariants `[]P`, action properties
 * `[][A]_v` (all three during the breadth-first search), and liveness formulas (after it, on the
 * recorded behaviour graph, see liveness/).
 *
 * Definitions are expanded as `ModelBuilder.specParts` does, also through operators with
 * parameters (`ClientWillObtain(c)`), instances (`I!Spec`, which is how a refinement mapping is
 * checked), and `\A x \in S` / `\E x \in S` over constant sets, which become conjunctions and
 * disjunctions of one formula per element. What is left at the leaves are expressions without
 * temporal operators ("predicates", state- or action-level), compiled in the scope where they stand.
 */
import { type Expr, type Range, tlcLocation } from '../../tla/ast/ast';
import { type Value, describeValue, isFunction } from '../../core/values';
import { ConfigError, EvalError } from '../../eval/errors';
import { type Binding, type DefInfo, Scope } from '../../eval/scope';
import { forEachChild } from '../../tla/ast/ast-walk';
import { declarationOf, declarationsOf } from '../../tla/ast/names';
import { type Ev, enumerateSet } from '../../eval/compile-expr';
import type { ModelParts } from '../../eval/model';

/** A temporal formula with its definitions expanded; leaves are predicates in their scope. */
export type TF =
  | { k: 'pred'; e: Expr; sc: Scope; action: boolean }
  | { k: 'bool'; value: boolean }
  | { k: 'not'; a: TF }
  /** `opaque`: a formula TLC checks as a whole (under IF, CASE or LET), not split into its parts. */
  | { k: 'and' | 'or'; args: TF[]; opaque?: boolean }
  /** `label` (on `[]`): how TLC names the formula when it checks it as an invariant or action property. */
  | { k: 'always'; a: TF; label?: string }
  | { k: 'eventually'; a: TF }
  | { k: 'leadsto'; a: TF; b: TF }
  | { k: 'unsupported'; why: string; range: Range };

export interface CompiledPred {
  name: string;
  range: Range;
  ev: Ev;
  /** TLC's name for this part of the property: its definition's name, or its place. */
  label: string;
}

/** What one PROPERTY asks, split by how it is checked. */
export interface PropertyPlan {
  name: string;
  range: Range;
  /** Non-temporal conjuncts: checked on every initial state (TLC: "violated by the initial state"). */
  initPreds: CompiledPred[];
  /** `[]P`, P a state predicate: checked on every reachable state. */
  invariants: CompiledPred[];
  /** `[][A]_v`: checked on every step s → t of the reachable graph. */
  actions: CompiledPred[];
  /** Everything else: checked by the liveness checker on the behaviour graph. */
  liveness: TF[];
  /** Set when part of the formula cannot be checked: the whole property is reported unchecked. */
  unsupported?: string;
}

const MAX_EXPANSION = 200;

export class FormulaExpander {
  private temporalMemo = new Map<DefInfo, boolean>();
  private actionMemo = new Map<DefInfo, boolean>();

  constructor(private readonly parts: ModelParts) {}

  /**
   * Expands `e` (in `sc`) into a temporal formula tree. `defName`: the definition whose whole body
   * `e` is (TLC names a `[]P` part after it).
   */
  expand(e: Expr, sc: Scope, depth = 0, defName?: string): TF {
    if (depth > MAX_EXPANSION)
      return {
        k: 'unsupported',
        why: 'the formula is nested too deeply (recursive definition?)',
        range: e.range,
      };
    if (!this.isTemporal(e, sc)) return { k: 'pred', e, sc, action: this.isAction(e, sc) };
    const d = depth + 1;
    switch (e.kind) {
      case 'And':
      case 'Or':
        return {
          k: e.kind === 'And' ? 'and' : 'or',
          args: e.args.map((a) => this.expand(a, sc, d)),
        };
      case 'Ident': {
        const b = sc.lookup(e.name);
        if (b && b.k === 'def' && b.def.kind === 'op' && b.def.params.length === 0)
          return this.expand(b.def.body, b.def.scope, d, b.def.name);
        if (b && b.k === 'subst') return this.expand(b.expr, b.scope, d);
        return { k: 'unsupported', why: `cannot expand ${e.name}`, range: e.range };
      }
      case 'Qualified': {
        const withArgs = e.path.some((p) => p.args.length > 0);
        if (withArgs) {
          // `I(a)!Spec`: the instance's parameters bound to the arguments as expressions of the
          // caller (as an operator's, see call), in a scope of its own.
          const first = e.path[0];
          const b = sc.lookup(first.name);
          if (
            e.path.length !== 1 ||
            !b ||
            b.k !== 'instance' ||
            b.params.length !== first.args.length ||
            b.params.some((p) => p.arity > 0)
          )
            return {
              k: 'unsupported',
              why: 'temporal formulas of this parameterised instance are not supported',
              range: e.range,
            };
          const target = this.parts.compiler
            .instantiate(b, { exprs: first.args, scope: sc })
            .lookup(e.name);
          if (!target || target.k !== 'def' || target.def.kind !== 'op')
            return { k: 'unsupported', why: `cannot expand ${e.name}`, range: e.range };
          return this.call(target.def, e.args, sc, e.range, d);
        }
        let r;
        try {
          r = this.parts.compiler.resolveQualified(e, sc);
        } catch (x) {
          return {
            k: 'unsupported',
            why: x instanceof Error ? x.message : String(x),
            range: e.range,
          };
        }
        if (r.target.k !== 'def' || r.target.def.kind !== 'op')
          return { k: 'unsupported', why: `cannot expand ${e.name}`, range: e.range };
        return this.call(r.target.def, e.args, sc, e.range, d);
      }
      case 'OpApp': {
        const a = e.args;
        switch (e.name) {
          case '~':
            return { k: 'not', a: this.expand(a[0], sc, d) };
          case '=>': {
            // `Cond => WF_v(A)` with a constant Cond (a model's switch): the formula it selects, as
            // for IF; the liveness checker reads only temporal parts in a specification's fairness.
            const known = this.isTemporal(a[0], sc) ? undefined : this.constantBool(a[0], sc);
            if (known === false) return { k: 'bool', value: true };
            if (known === true) return this.expand(a[1], sc, d);
            return {
              k: 'or',
              args: [{ k: 'not', a: this.expand(a[0], sc, d) }, this.expand(a[1], sc, d)],
            };
          }
          case '<=>':
          case '\\equiv': {
            const x = this.expand(a[0], sc, d);
            const y = this.expand(a[1], sc, d);
            return {
              k: 'and',
              args: [
                { k: 'or', args: [{ k: 'not', a: x }, y] },
                { k: 'or', args: [x, { k: 'not', a: y }] },
              ],
            };
          }
          case '[]':
            return {
              k: 'always',
              a: this.expand(a[0], sc, d),
              label: defName ?? tlcLocation(e.range),
            };
          case '<>':
            return { k: 'eventually', a: this.expand(a[0], sc, d) };
          case '~>':
            return { k: 'leadsto', a: this.expand(a[0], sc, d), b: this.expand(a[1], sc, d) };
        }
        const b = sc.lookup(e.name);
        if (b && b.k === 'def' && b.def.kind === 'op') return this.call(b.def, a, sc, e.range, d);
        return {
          k: 'unsupported',
          why: `the temporal operator ${e.name} is not supported`,
          range: e.range,
        };
      }
      case 'StepExpr':
        // `[A]_v` / `<<A>>_v` standing alone (under [] or <>): an action-level predicate.
        return { k: 'pred', e: stepAsExpr(e.action, e.sub, e.box, e.range), sc, action: true };
      case 'Fairness':
        return this.fairness(e.strong, e.action, e.sub, sc, e.range);
      case 'Quant':
        return this.quant(e, sc, d);
      case 'TemporalQuant':
        return {
          k: 'unsupported',
          why: `TLC does not check temporal quantification (\\${e.quantifier})`,
          range: e.range,
        };
      // TLC checks these as temporal formulas (by the liveness checker), whatever they contain.
      case 'If':
        return opaque(this.choice([{ guard: e.cond, body: e.then }], e.else_, sc, d, e.range));
      case 'Case':
        return opaque(this.choice(e.arms, e.other, sc, d, e.range));
      case 'Let':
        return opaque(this.expand(e.body, this.parts.compiler.letScope(e.defs, sc), d));
      default:
        return {
          k: 'unsupported',
          why: `a temporal formula inside ${e.kind} is not supported`,
          range: e.range,
        };
    }
  }

  /**
   * WF_v(A) = []<>~ENABLED <<A>>_v \/ []<><<A>>_v and SF_v(A) = <>[]~ENABLED <<A>>_v \/ []<><<A>>_v
   * (Specifying Systems, 8.4): in this shape the liveness checker reads them as conditions on cycles.
   */
  private fairness(strong: boolean, action: Expr, sub: Expr, sc: Scope, range: Range): TF {
    const step: Expr = { kind: 'StepExpr', box: false, action, sub, range };
    const enabled: TF = {
      k: 'pred',
      e: { kind: 'OpApp', name: 'ENABLED', args: [step], range },
      sc,
      action: false,
    };
    const taken: TF = { k: 'pred', e: stepAsExpr(action, sub, false, range), sc, action: true };
    const disabled: TF = { k: 'not', a: enabled };
    return {
      k: 'or',
      args: [
        strong
          ? { k: 'eventually', a: { k: 'always', a: disabled } }
          : { k: 'always', a: { k: 'eventually', a: disabled } },
        { k: 'always', a: { k: 'eventually', a: taken } },
      ],
    };
  }

  /** A user operator applied to arguments: its body, with the parameters bound to the arguments. */
  private call(def: DefInfo, args: Expr[], sc: Scope, range: Range, d: number): TF {
    if (def.params.length !== args.length)
      return { k: 'unsupported', why: `${def.name} is given ${args.length} argument(s)`, range };
    if (def.params.some((p) => p.arity > 0))
      return {
        k: 'unsupported',
        why: `operator arguments of ${def.name} in a temporal formula are not supported`,
        range,
      };
    if (def.params.length === 0) return this.expand(def.body, def.scope, d, def.name);
    // The arguments stay expressions of the caller (a `subst` binding), so they are evaluated
    // where they stand, in the state the leaf predicate is evaluated in.
    const inner = def.scope.child();
    def.params.forEach((p, i) =>
      inner.define(
        p.name,
        { k: 'subst', expr: args[i], scope: sc, name: p.name },
        declarationOf(p),
      ),
    );
    return this.expand(def.body, inner, d, def.name);
  }

  /**
   * `IF c THEN F ELSE G` and `CASE c1 -> F1 [] … [] OTHER -> G` over temporal formulas. A constant
   * guard is evaluated now and picks its formula, the first true one as TLC does; a state-level
   * guard holds or not in a behaviour's first state, so the choice is `(c1 /\ F1) \/ (~c1 /\ c2 /\ F2)
   * \/ … \/ (~c1 /\ … /\ G)`.
   */
  private choice(
    arms: { guard: Expr; body: Expr }[],
    other: Expr | undefined,
    sc: Scope,
    d: number,
    range: Range,
  ): TF {
    const options: TF[] = [];
    const notBefore: TF[] = [];
    for (const arm of arms) {
      const known = this.constantBool(arm.guard, sc);
      if (known === false) continue;
      if (known === true) {
        const chosen = this.expand(arm.body, sc, d);
        options.push(notBefore.length === 0 ? chosen : { k: 'and', args: [...notBefore, chosen] });
        return options.length === 1 ? options[0] : { k: 'or', args: options };
      }
      if (this.isAction(arm.guard, sc))
        return {
          k: 'unsupported',
          why: 'an action-level condition over temporal formulas',
          range: arm.guard.range,
        };
      const guard: TF = { k: 'pred', e: arm.guard, sc, action: false };
      options.push({ k: 'and', args: [...notBefore, guard, this.expand(arm.body, sc, d)] });
      notBefore.push({ k: 'not', a: guard });
    }
    if (other) options.push({ k: 'and', args: [...notBefore, this.expand(other, sc, d)] });
    else if (notBefore.length === 0) {
      // Every guard is constant and false, and there is no OTHER: TLC fails to evaluate it.
      throw new EvalError(
        'No guard of the CASE (or IF) over temporal formulas is true, and there is no OTHER',
        range,
      );
    }
    return options.length === 1 ? options[0] : { k: 'or', args: options };
  }

  /** The value of a constant Boolean expression, or undefined when it depends on the state. */
  private constantBool(e: Expr, sc: Scope): boolean | undefined {
    if (this.isAction(e, sc)) return undefined;
    try {
      const v = this.parts.compiler.topLevel(e, sc)({ s: [], n: null, f: null });
      return typeof v === 'boolean' ? v : undefined;
    } catch (x) {
      if (x instanceof EvalError) return undefined;
      throw x;
    }
  }

  /** `\A x \in S : F` over a constant set: one formula per element, each with x bound to it. */
  private quant(e: Extract<Expr, { kind: 'Quant' }>, sc: Scope, d: number): TF {
    let scopes: Scope[] = [sc];
    for (const b of e.bounds) {
      if (!b.set)
        return {
          k: 'unsupported',
          why: 'an unbounded quantifier over a temporal formula cannot be checked',
          range: e.range,
        };
      const next: Scope[] = [];
      for (const s of scopes) {
        let elems: readonly Value[];
        try {
          const set = this.parts.compiler.topLevel(b.set, s)({ s: [], n: null, f: null });
          elems = enumerateSet(set, b.set.range);
        } catch (x) {
          if (x instanceof EvalError)
            return {
              k: 'unsupported',
              why: `the quantifier's set must be constant: ${x.message}`,
              range: b.set.range,
            };
          throw x;
        }
        for (const v of elems) {
          const child = s.child();
          const p = b.pattern;
          if (p.kind === 'Var') child.define(p.name, constBinding(p.name, v), declarationsOf(p)[0]);
          else {
            // `\A <<a, b>> \in S : F`: each element taken apart as the evaluator's binders do.
            if (!isFunction(v) || v.size() !== p.names.length)
              return {
                k: 'unsupported',
                why: `Cannot match ${describeValue(v)} against a tuple of ${p.names.length} names`,
                range: p.range,
              };
            const decls = declarationsOf(p);
            p.names.forEach((n, k) => child.define(n, constBinding(n, v.valueAt(k)), decls[k]));
          }
          next.push(child);
        }
      }
      scopes = next;
    }
    const args = scopes.map((s) => this.expand(e.body, s, d));
    return { k: e.quantifier === 'A' ? 'and' : 'or', args };
  }

  /** Does `e` contain temporal operators, also through operators with parameters and instances? */
  isTemporal(e: Expr, sc: Scope): boolean {
    return this.contains(e, sc, this.temporalMemo, (x) => {
      if (x.kind === 'StepExpr' || x.kind === 'Fairness' || x.kind === 'TemporalQuant') return true;
      return (
        x.kind === 'OpApp' &&
        (x.name === '[]' || x.name === '<>' || x.name === '~>' || x.name === '-+->')
      );
    });
  }

  /** Is `e` action-level (primes or UNCHANGED outside ENABLED)? */
  isAction(e: Expr, sc: Scope): boolean {
    return this.contains(
      e,
      sc,
      this.actionMemo,
      (x) => x.kind === 'OpApp' && (x.name === "'" || x.name === 'UNCHANGED'),
      true,
    );
  }

  private contains(
    e: Expr,
    sc: Scope,
    memo: Map<DefInfo, boolean>,
    hit: (x: Expr) => boolean,
    skipEnabled = false,
  ): boolean {
    const visit = (x: Expr, s: Scope): boolean => {
      if (hit(x)) return true;
      if (skipEnabled && x.kind === 'OpApp' && x.name === 'ENABLED') return false;
      if (x.kind === 'Ident' || x.kind === 'OpApp') {
        const b = s.lookup(x.name);
        if (b && b.k === 'def' && defContains(b.def)) return true;
      }
      if (x.kind === 'Qualified') {
        try {
          const r = this.parts.compiler.resolveQualified(x, s);
          if (r.target.k === 'def' && defContains(r.target.def)) return true;
        } catch {
          // An unresolvable name is reported when the predicate is compiled.
        }
      }
      if (x.kind === 'Let') {
        const inner = s.child();
        for (const u of x.defs) {
          if (u.kind === 'OpDef' && visit(u.body, inner)) return true;
          if (u.kind === 'FcnDef' && visit(u.body, inner)) return true;
        }
      }
      let found = false;
      forEachChild(x, (ch) => {
        if (!found && visit(ch, s)) found = true;
      });
      return found;
    };
    const defContains = (def: DefInfo): boolean => {
      const m = memo.get(def);
      if (m !== undefined) return m;
      memo.set(def, false); // recursion guard
      const r = visit(def.body, def.scope);
      memo.set(def, r);
      return r;
    };
    return visit(e, sc);
  }
}

function opaque(f: TF): TF {
  return { k: 'and', args: [f], opaque: true };
}

function constBinding(name: string, value: Value): Binding {
  return { k: 'const', name, value };
}

/** `[A]_v` as the expression `A \/ UNCHANGED v`, `<<A>>_v` as `A /\ ~UNCHANGED v`. */
export function stepAsExpr(action: Expr, sub: Expr, box: boolean, range: Range): Expr {
  const unchanged: Expr = { kind: 'OpApp', name: 'UNCHANGED', args: [sub], range };
  return box
    ? { kind: 'Or', args: [action, unchanged], range }
    : {
        kind: 'And',
        args: [action, { kind: 'OpApp', name: '~', args: [unchanged], range }],
        range,
      };
}

export function firstUnsupported(f: TF): Extract<TF, { k: 'unsupported' }> | undefined {
  switch (f.k) {
    case 'unsupported':
      return f;
    case 'not':
    case 'always':
    case 'eventually':
      return firstUnsupported(f.a);
    case 'and':
    case 'or':
      for (const a of f.args) {
        const u = firstUnsupported(a);
        if (u) return u;
      }
      return undefined;
    case 'leadsto':
      return firstUnsupported(f.a) ?? firstUnsupported(f.b);
    default:
      return undefined;
  }
}

/**
 * Splits a PROPERTY into what the search checks (initial predicates, invariants, action
 * properties) and the liveness formulas left for the liveness checker.
 */
export function planProperty(
  parts: ModelParts,
  expander: FormulaExpander,
  name: string,
  range: Range,
): PropertyPlan {
  const plan: PropertyPlan = {
    name,
    range,
    initPreds: [],
    invariants: [],
    actions: [],
    liveness: [],
  };
  const b = parts.root.lookup(name);
  if (!b) {
    plan.unsupported = `the property ${name} is not defined`;
    return plan;
  }
  const f = expander.expand({ kind: 'Ident', name, range }, parts.root);
  const compile = (p: Extract<TF, { k: 'pred' }>, label = name): CompiledPred => ({
    name,
    range: p.e.range,
    ev: parts.compiler.topLevel(p.e, p.sc),
    label,
  });
  const visit = (x: TF): void => {
    // Conjunct by conjunct, as TLC splits a property: the safety parts of a property are still
    // checked when another conjunct cannot be (a violation found is real), but the property stays
    // "unchecked".
    if (x.k === 'and' && !x.opaque) return x.args.forEach(visit);
    const u = firstUnsupported(x);
    if (u) {
      plan.unsupported ??= `${u.why} (${u.range.module} line ${u.range.start.line})`;
      return;
    }
    if (x.k === 'bool') return;
    if (x.k === 'pred') {
      // TLC refuses the model ("The property Act is not correctly defined").
      if (x.action)
        throw new ConfigError(
          `The property ${name} is not correctly defined: an action-level formula is not a property (use [][A]_v)`,
          range,
        );
      else plan.initPreds.push(compile(x));
      return;
    }
    if (x.k === 'always' && x.a.k === 'pred') {
      (x.a.action ? plan.actions : plan.invariants).push(compile(x.a, x.label));
      return;
    }
    plan.liveness.push(x);
  };
  try {
    visit(f);
  } catch (x) {
    if (!(x instanceof EvalError) || x instanceof ConfigError) throw x;
    plan.unsupported = x.message;
  }
  return plan;
}
