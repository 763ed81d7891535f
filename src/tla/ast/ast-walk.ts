/**
 * Generic traversal of the AST: the direct sub-expressions of an expression and the expressions
 * of a unit. For passes that do not care about scopes (dependency collection, finding the node at
 * a position); scope-aware passes (check-expr.ts) walk by hand.
 */
import type { Bound, Expr, Unit } from './ast';

/** Direct sub-expressions of `e`, in source order (LET definitions included, via their units). */
export function childExprs(e: Expr): Expr[] {
  switch (e.kind) {
    case 'Num':
    case 'Decimal':
    case 'Str':
    case 'Bool':
    case 'Ident':
    case 'OpRef':
    case 'At':
      return [];
    case 'OpApp':
      return e.args;
    case 'Qualified':
      return [...e.path.flatMap((s) => s.args), ...e.args];
    case 'Lambda':
      return [e.body];
    case 'And':
    case 'Or':
      return e.args;
    case 'SetEnum':
    case 'Tuple':
      return e.elems;
    case 'SetFilter':
      return [...boundSets([e.bound]), e.pred];
    case 'SetMap':
      return [e.body, ...boundSets(e.bounds)];
    case 'Product':
      return e.sets;
    case 'FcnCtor':
      return [...boundSets(e.bounds), e.body];
    case 'FcnSet':
      return [e.domain, e.range_];
    case 'RecordCtor':
      return e.fields.map((f) => f.value);
    case 'RecordSet':
      return e.fields.map((f) => f.set);
    case 'FcnApp':
      return [e.fcn, ...e.args];
    case 'Dot':
      return [e.record];
    case 'Except':
      return [
        e.fcn,
        ...e.updates.flatMap((u) => [
          ...u.path.flatMap((s) => (s.kind === 'Index' ? s.args : [])),
          u.value,
        ]),
      ];
    case 'If':
      return [e.cond, e.then, e.else_];
    case 'Case':
      return [...e.arms.flatMap((a) => [a.guard, a.body]), ...(e.other ? [e.other] : [])];
    case 'Let':
      return [...e.defs.flatMap(unitExprs), e.body];
    case 'Choose':
      return [...boundSets([e.bound]), e.body];
    case 'Quant':
      return [...boundSets(e.bounds), e.body];
    case 'TemporalQuant':
      return [e.body];
    case 'StepExpr':
      return [e.action, e.sub];
    case 'Fairness':
      return [e.sub, e.action];
  }
}

/** Distinct bound sets (`x, y \in S` shares one set object between two bounds). */
export function boundSets(bounds: Bound[]): Expr[] {
  const sets: Expr[] = [];
  for (const b of bounds) if (b.set && sets[sets.length - 1] !== b.set) sets.push(b.set);
  return sets;
}

/** The expressions directly inside a unit (not those of a submodule's units). */
export function unitExprs(u: Unit): Expr[] {
  switch (u.kind) {
    case 'OpDef':
      return [u.body];
    case 'FcnDef':
      return [...boundSets(u.bounds), u.body];
    case 'Instance':
      return u.subs.map((s) => s.expr);
    case 'Assume':
      return [u.expr];
    default:
      return [];
  }
}

/** Calls `visit` on `e` and every expression below it, parents first. */
export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  for (const c of childExprs(e)) walkExpr(c, visit);
}

/** Every unit of `units`, including those in LET expressions below them, parents first. */
export function walkUnits(units: Unit[], visit: (u: Unit) => void): void {
  for (const u of units) {
    visit(u);
    for (const e of unitExprs(u)) {
      walkExpr(e, (x) => {
        if (x.kind === 'Let') for (const d of x.defs) visit(d);
      });
    }
  }
}
