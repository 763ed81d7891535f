/**
 * What checking one module's units needs from the whole-spec checker (check-module.ts): the
 * modules a name denotes, other modules' exports, and where results go. Apart from both so that
 * check-units.ts and check-module.ts do not import each other.
 */
import type { Diagnostic, Expr, Module, Range } from '../ast/ast';
import type { Scope, SymbolInfo } from './symbols';

export interface ResolvedModule {
  kind: 'ast';
  module: Module;
  env: ModuleEnv;
}

/** Which modules a name denotes from inside a module: its earlier nested modules, then outwards. */
export class ModuleEnv {
  private readonly local = new Map<string, ResolvedModule>();

  constructor(
    private readonly parent: ModuleEnv | undefined,
    private readonly top: (name: string) => ResolvedModule | undefined,
  ) {}

  resolve(name: string): ResolvedModule | undefined {
    return this.local.get(name) ?? this.parent?.resolve(name) ?? this.top(name);
  }

  addNested(module: Module, env: ModuleEnv): void {
    this.local.set(module.name, { kind: 'ast', module, env });
  }
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The symbol each checked name (Ident, OpApp, Qualified) refers to: for go-to-definition. */
  resolved: Map<Expr, SymbolInfo>;
  /** Scope at the end of each checked module. */
  scopes: Map<Module, Scope>;
}

/** The spec-wide side of checking, as check-units.ts sees it (SpecChecker implements it). */
export interface ModuleChecker {
  readonly result: CheckResult;
  /** Non-LOCAL symbols at the end of a module: what `EXTENDS` brings. */
  exports(target: ResolvedModule): Map<string, SymbolInfo> | undefined;
  checkModule(module: Module, env: ModuleEnv, outer?: Scope): Map<string, SymbolInfo>;
  report(code: string, message: string, range: Range): void;
  missingModule(name: string, range: Range): void;
}
