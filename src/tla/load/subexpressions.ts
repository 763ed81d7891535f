/**
 * Subexpression references that TLC evaluates: `Inv!2` (the second item of the bullet list that
 * is Inv's body), `Thm!:` (the statement of theorem Thm), and chains of positions (`Op!2!1`). Once
 * every module is loaded, each placeholder left by the parser becomes (a shallow copy of) the
 * expression it selects. Label selectors (`Op!lbl`) and positions in forms where TLA+ numbers
 * operands differently from the AST are reported as unsupported.
 */
import type { Diagnostic, Expr, Module } from '../ast/ast';
import { type SubexpressionRef, getExtras } from '../ast/module-extras';

export function resolveSubexpressions(
  modules: Iterable<Module>,
  byName: ReadonlyMap<string, Module>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visit = (module: Module): void => {
    for (const ref of getExtras(module).subexpressionRefs) {
      const problem = resolve(ref, module, byName);
      if (problem)
        diagnostics.push({
          severity: 'error',
          code: 'unsupported',
          message: problem,
          range: ref.range,
        });
    }
    for (const u of module.units) if (u.kind === 'Submodule') visit(u.module);
  };
  for (const m of modules) visit(m);
  return diagnostics;
}

/** Replaces the placeholder; returns what went wrong, if anything. */
function resolve(
  ref: SubexpressionRef,
  module: Module,
  byName: ReadonlyMap<string, Module>,
): string | undefined {
  const found = findTarget(ref.target, module, byName, new Set());
  if (!found)
    return `\`${ref.target}\` is not a definition without parameters or a theorem that \`${ref.target}!…\` can select from`;
  let current = found.expr;
  for (const selector of ref.selectors) {
    if (selector === ':') continue; // the body itself, which is where selection starts
    const next = operand(current, Number(selector), found.flattened);
    if (!next)
      return `cannot select operand ${selector} of this expression in \`${ref.target}!${ref.selectors.join('!')}\``;
    current = next;
  }
  replaceExpr(ref.placeholder, current);
  return undefined;
}

/**
 * Makes `target` (a node in some AST) a shallow copy of `replacement`, in place, so that whoever
 * holds `target` sees the replacement: how references to theorems, labels and subexpressions
 * become the expressions they name.
 */
export function replaceExpr(target: Expr, replacement: Expr): void {
  const fields = target as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) delete fields[key];
  Object.assign(fields, replacement);
}

interface Target {
  expr: Expr;
  flattened: WeakSet<Expr>;
}

/** The body of a parameterless definition, or a named assumption or theorem, here or in what the module extends. */
function findTarget(
  name: string,
  module: Module,
  byName: ReadonlyMap<string, Module>,
  seen: Set<Module>,
): Target | undefined {
  if (seen.has(module)) return undefined;
  seen.add(module);
  const extras = getExtras(module);
  for (const u of module.units) {
    if (u.kind === 'OpDef' && u.name === name && u.params.length === 0)
      return { expr: u.body, flattened: extras.flattened };
    if (u.kind === 'Assume' && u.name === name)
      return { expr: u.expr, flattened: extras.flattened };
  }
  const theorem = extras.theorems.get(name)?.statement;
  if (theorem) return { expr: theorem, flattened: extras.flattened };
  for (const ext of module.extends) {
    const target = byName.get(ext.name);
    const found = target && findTarget(name, target, byName, seen);
    if (found) return found;
  }
  return undefined;
}

/** Operand `n` (1-based) as TLA+ numbers them: bullet items, operator arguments, IF's three parts. */
function operand(e: Expr, n: number, flattened: WeakSet<Expr>): Expr | undefined {
  if (!Number.isInteger(n) || n < 1) return undefined;
  switch (e.kind) {
    case 'And':
    case 'Or':
      // `a /\ b /\ c` is `(a /\ b) /\ c` in TLA+, so only bullet lists number like the AST.
      return flattened.has(e) && e.args.length > 2 ? undefined : e.args[n - 1];
    case 'OpApp':
      return e.args[n - 1];
    case 'If':
      return [e.cond, e.then, e.else_][n - 1];
    default:
      return undefined;
  }
}
