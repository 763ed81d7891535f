/**
 * What the front end knows about a parsed module beyond the AST contract (ast.ts), kept beside it
 * in a WeakMap so the contract stays as the compiler wants it:
 * - named theorems: TLC lets `ASSUME T1` (sums_even/MC_sums_even.tla) and `Thm!:`
 *   (Paxos/MCVoting.tla) denote a theorem's statement, and theorems are not units;
 * - labels inside each definition, for `Inv!P0` (ewd998/SmokeEWD998.tla);
 * - subexpression references (`Inv!2`, `Thm!:`), parsed as placeholders and replaced in place by
 *   the expression they name once every module is loaded (subexpressions.ts);
 * - expressions that stand for a syntax error or an unsupported form, which the name checker skips
 *   because a diagnostic was already given.
 */
import type { Expr, Module, Range, Unit } from './ast';

export interface SubexpressionRef {
  /** The placeholder in the AST (an `Ident`), overwritten with the selected expression. */
  placeholder: Expr;
  /** The definition or theorem named first: `Inv` in `Inv!2`. */
  target: string;
  targetRange: Range;
  /** What follows the name: positions (`2`) and `:` (the whole body or statement). */
  selectors: string[];
  range: Range;
}

export interface TheoremInfo {
  name: string;
  /** The statement; undefined for `ASSUME … PROVE …` forms, which no expression can stand for. */
  statement?: Expr;
  range: Range;
  nameRange: Range;
}

export interface ModuleExtras {
  theorems: Map<string, TheoremInfo>;
  subexpressionRefs: SubexpressionRef[];
  /** `And`/`Or` nodes flattened from binary `/\`, `\/`: positions in them are not the source's. */
  flattened: WeakSet<Expr>;
  /** Placeholders for syntax errors and unsupported forms: already reported. */
  placeholders: WeakSet<Expr>;
}

const extrasOf = new WeakMap<Module, ModuleExtras>();

/** Labels (`P0:: e`) of each operator definition, by label name: for `Op!P0` references. */
export const labelsOf = new WeakMap<Unit, Map<string, Expr>>();

export function newModuleExtras(): ModuleExtras {
  return {
    theorems: new Map(),
    subexpressionRefs: [],
    flattened: new WeakSet(),
    placeholders: new WeakSet(),
  };
}

export function attachExtras(module: Module, extras: ModuleExtras): void {
  extrasOf.set(module, extras);
}

export function getExtras(module: Module): ModuleExtras {
  let extras = extrasOf.get(module);
  if (!extras) {
    extras = newModuleExtras();
    extrasOf.set(module, extras);
  }
  return extras;
}
