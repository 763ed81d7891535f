/**
 * What a name denotes while checking: a declaration or definition with its arity, where it is
 * defined, and its level (constant, state, action, temporal) for the prime/temporal checks.
 * Scopes chain from the innermost binder to the module.
 */
import type { Expr, Range, Unit } from '../ast/ast';

export type SymbolKind =
  | 'constant'
  | 'variable'
  | 'operator'
  | 'function'
  | 'instance'
  | 'parameter'
  | 'bound'
  | 'recursive'
  | 'theorem';

export interface SymbolInfo {
  name: string;
  kind: SymbolKind;
  arity: number;
  /** Arity of each parameter (an operator parameter `F(_, _)` has 2); unknown: all 0. */
  paramArities?: number[];
  /** Module the symbol is declared in. */
  module: string;
  /** The whole declaration or definition, absent for the engine's built-in library modules. */
  range?: Range;
  /** Just the name in the declaration. */
  nameRange?: Range;
  /** For named instances: the instantiated module and what `I!Op` can name in it. */
  instanceOf?: string;
  instanceExports?: () => Map<string, SymbolInfo> | undefined;
  /**
   * For parameterised instances: for each parameter, the CONSTANTs (0) and VARIABLEs (1) of the
   * instantiated module whose substitutions it flows into, with the highest level the argument
   * may have where an operator of the instance uses them.
   */
  paramLimits?: (Map<string, number> | undefined)[];
  local?: boolean;
  /** The unit defining it, for hover text and levels. */
  unit?: Unit;
  /**
   * A lower bound of the level of the definition's body, parameters aside, and which parameters
   * carry the level of their argument into the result (0 constant, 1 state, 2 action, 3 temporal:
   * Specifying Systems, 17.2). Unset: constant, all parameters carry.
   */
  level?: number;
  paramCarries?: boolean[];
  /** For theorems: the statement, which a reference by name stands for (TLC evaluates it). */
  statement?: Expr;
}

/** A chain of name tables: a lookup tries the innermost first. */
export class Scope {
  private readonly table = new Map<string, SymbolInfo>();

  constructor(readonly parent?: Scope) {}

  lookup(name: string): SymbolInfo | undefined {
    return this.table.get(name) ?? this.parent?.lookup(name);
  }

  /** The symbol of this very table (not its parents). */
  own(name: string): SymbolInfo | undefined {
    return this.table.get(name);
  }

  define(symbol: SymbolInfo): void {
    this.table.set(symbol.name, symbol);
  }

  symbols(): IterableIterator<SymbolInfo> {
    return this.table.values();
  }

  child(): Scope {
    return new Scope(this);
  }
}
