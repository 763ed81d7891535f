/**
 * Checking modules: builds each module's scope unit by unit, as SANY does (a definition is
 * visible after it, a RECURSIVE one from its declaration; EXTENDS and unnamed INSTANCE bring in
 * the other module's public definitions; LOCAL ones stay home), checks every expression
 * (check-expr.ts, check-units.ts). A module's exports (what EXTENDS brings) are computed once
 * and shared.
 */
import type { Module, Range } from '../ast/ast';
import { UnitChecker } from './check-units';
import type { CheckResult, ModuleChecker, ModuleEnv, ResolvedModule } from './module-env';
import { type SymbolInfo, Scope } from './symbols';

export class SpecChecker implements ModuleChecker {
  readonly result: CheckResult = { diagnostics: [], resolved: new Map(), scopes: new Map() };
  private readonly exportsOf = new Map<Module, Map<string, SymbolInfo>>();
  private readonly active = new Set<Module>();
  /** Modules that import a missing module (directly or not): their exports are incomplete. */
  private readonly incomplete = new Set<Module>();

  /**
   * `alreadyMissing`: modules the loader could not find (reported already). `broken`: modules
   * with syntax errors, whose units may be missing, so a name not found there proves nothing.
   */
  constructor(
    private readonly alreadyMissing: ReadonlySet<string>,
    private readonly broken: ReadonlySet<string> = new Set(),
  ) {}

  /** Non-LOCAL symbols at the end of a module: what `EXTENDS` brings. */
  exports(target: ResolvedModule): Map<string, SymbolInfo> | undefined {
    const done = this.exportsOf.get(target.module);
    if (done) return done;
    if (this.active.has(target.module)) return undefined; // a cycle, reported by loadSpec
    return this.checkModule(target.module, target.env);
  }

  checkModule(module: Module, env: ModuleEnv, outer?: Scope): Map<string, SymbolInfo> {
    const known = this.exportsOf.get(module);
    if (known) return known;
    this.active.add(module);
    const scope = new Scope(outer);
    const units = new UnitChecker(this, module, env, scope);
    units.namesUncertain = this.broken.has(module.name) || this.importsMissing(module, env);
    if (units.namesUncertain) this.incomplete.add(module);
    for (const ext of module.extends) units.extend(ext.name, ext.range);
    units.checkUnits(module.units, scope);
    const exports = new Map<string, SymbolInfo>();
    for (const symbol of scope.symbols()) if (!symbol.local) exports.set(symbol.name, symbol);
    this.exportsOf.set(module, exports);
    this.result.scopes.set(module, scope);
    this.active.delete(module);
    return exports;
  }

  /**
   * Whether a module this one EXTENDS or INSTANCEs (without a name) is missing or incomplete:
   * then a name it does not know may come from there, and is not reported as undefined.
   */
  private importsMissing(module: Module, env: ModuleEnv): boolean {
    const names = [
      ...module.extends.map((e) => e.name),
      ...module.units.flatMap((u) =>
        u.kind === 'Instance' && u.name === undefined ? [u.module] : [],
      ),
    ];
    const nested = new Set(
      module.units.flatMap((u) => (u.kind === 'Submodule' ? [u.module.name] : [])),
    );
    return names.some((name) => {
      if (nested.has(name)) return false;
      const target = env.resolve(name);
      if (!target) return true;
      this.exports(target);
      return this.incomplete.has(target.module) || this.active.has(target.module);
    });
  }

  report(code: string, message: string, range: Range): void {
    this.result.diagnostics.push({ severity: 'error', code, message, range });
  }

  missingModule(name: string, range: Range): void {
    if (!this.alreadyMissing.has(name))
      this.report('missing-module', `cannot find module ${name}`, range);
  }
}
