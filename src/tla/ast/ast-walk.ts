/**
 * The one child visitor of the AST: `forEachChild` gives the direct sub-expressions of an
 * expression in source order, each with the binder whose names are in scope in it but not around
 * the parent (a quantifier's body, a LAMBDA's body, an EXCEPT update's value, a LET definition's
 * body). Every generic pass builds on it (`childExprs`, `walkExpr`, the names phase in names.ts,
 * the compiler's analyses), so a new expression form adds one case here. Passes that check as
 * they go (check-expr.ts) and the compiler itself switch on the kinds by hand.
 */
import type { Bound, ExceptUpdate, Expr, Unit } from './ast';

/**
 * What binds names around a child: an expression with bounds, parameters or names (`SetFilter`,
 * `SetMap`, `FcnCtor`, `Quant`, `Choose`, `Lambda`, `TemporalQuant`), a LET's operator or function
 * definition (its parameters or bounds), or an EXCEPT update (`@`).
 */
export type Binder = Expr | Unit | ExceptUpdate;

/**
 * Calls `visit(child, binder)` for each direct sub-expression of `e`, in source order (LET
 * definitions included: their bound sets and bodies, an INSTANCE's substitutions). `binder` is
 * undefined where the child sees the same names as `e`; `boundNames(binder)` are the new ones.
 */
export function forEachChild(e: Expr, visit: (child: Expr, binder?: Binder) => void): void {
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
    case 'And':
    case 'Or':
      for (const a of e.args) visit(a);
      return;
    case 'Qualified':
      for (const step of e.path) for (const a of step.args) visit(a);
      for (const a of e.args) visit(a);
      return;
    case 'Lambda':
    case 'TemporalQuant':
      visit(e.body, e);
      return;
    case 'SetEnum':
    case 'Tuple':
      for (const x of e.elems) visit(x);
      return;
    case 'SetFilter':
      for (const s of boundSets([e.bound])) visit(s);
      visit(e.pred, e);
      return;
    case 'SetMap':
      visit(e.body, e);
      for (const s of boundSets(e.bounds)) visit(s);
      return;
    case 'FcnCtor':
    case 'Quant':
      for (const s of boundSets(e.bounds)) visit(s);
      visit(e.body, e);
      return;
    case 'Choose':
      for (const s of boundSets([e.bound])) visit(s);
      visit(e.body, e);
      return;
    case 'Product':
      for (const s of e.sets) visit(s);
      return;
    case 'FcnSet':
      visit(e.domain);
      visit(e.range_);
      return;
    case 'RecordCtor':
      for (const f of e.fields) visit(f.value);
      return;
    case 'RecordSet':
      for (const f of e.fields) visit(f.set);
      return;
    case 'FcnApp':
      visit(e.fcn);
      for (const a of e.args) visit(a);
      return;
    case 'Dot':
      visit(e.record);
      return;
    case 'Except':
      visit(e.fcn);
      for (const u of e.updates) {
        for (const step of u.path) if (step.kind === 'Index') for (const a of step.args) visit(a);
        visit(u.value, u);
      }
      return;
    case 'If':
      visit(e.cond);
      visit(e.then);
      visit(e.else_);
      return;
    case 'Case':
      for (const arm of e.arms) {
        visit(arm.guard);
        visit(arm.body);
      }
      if (e.other) visit(e.other);
      return;
    case 'Let':
      for (const d of e.defs) forEachUnitExpr(d, visit);
      visit(e.body);
      return;
    case 'StepExpr':
    case 'Fairness':
      visit(e.action);
      visit(e.sub);
      return;
  }
}

/**
 * The expressions directly inside a unit (not those of a submodule's units), each with the unit
 * as binder where its parameters or bounds are in scope (a definition's body).
 */
export function forEachUnitExpr(u: Unit, visit: (child: Expr, binder?: Binder) => void): void {
  switch (u.kind) {
    case 'OpDef':
      visit(u.body, u);
      return;
    case 'FcnDef':
      for (const s of boundSets(u.bounds)) visit(s);
      visit(u.body, u);
      return;
    case 'Instance':
      for (const s of u.subs) visit(s.expr, u);
      return;
    case 'Assume':
      visit(u.expr);
      return;
  }
}

/** The names `binder` brings into scope (see forEachChild), in order. */
export function boundNames(binder: Binder): string[] {
  if (!('kind' in binder)) return ['@'];
  switch (binder.kind) {
    case 'SetFilter':
    case 'Choose':
      return patternNames(binder.bound);
    case 'SetMap':
    case 'FcnCtor':
    case 'Quant':
    case 'FcnDef':
      return binder.bounds.flatMap(patternNames);
    case 'Lambda':
      return binder.params;
    case 'TemporalQuant':
      return binder.names;
    case 'OpDef':
    case 'Instance':
      return binder.params.map((p) => p.name);
    default:
      return [];
  }
}

export function patternNames(b: Bound): string[] {
  return b.pattern.kind === 'Var' ? [b.pattern.name] : b.pattern.names;
}

/** Direct sub-expressions of `e`, in source order (LET definitions included, via their units). */
export function childExprs(e: Expr): Expr[] {
  const out: Expr[] = [];
  forEachChild(e, (c) => out.push(c));
  return out;
}

/** Distinct bound sets (`x, y \in S` shares one set object between two bounds). */
export function boundSets(bounds: Bound[]): Expr[] {
  const sets: Expr[] = [];
  for (const b of bounds) if (b.set && sets[sets.length - 1] !== b.set) sets.push(b.set);
  return sets;
}

/** The expressions directly inside a unit (not those of a submodule's units). */
export function unitExprs(u: Unit): Expr[] {
  const out: Expr[] = [];
  forEachUnitExpr(u, (c) => out.push(c));
  return out;
}

/** Calls `visit` on `e` and every expression below it, parents first. */
export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  forEachChild(e, (c) => walkExpr(c, visit));
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
