/**
 * The front end in one call: load the modules of a specification (modules.ts), resolve
 * subexpression references (subexpressions.ts), check every module (check-module.ts), and return
 * all diagnostics sorted by place. What the editor, the CLI `parse` command and the checker's
 * preflight use.
 */
import type { Diagnostic, Expr, Module } from '../ast/ast';
import { SpecChecker } from './check-module';
import { type CheckResult, type ResolvedModule, ModuleEnv } from './module-env';
import { type LoadSpecOptions, type LoadedSpec, loadSpec } from '../load/modules';
import { resolveSubexpressions } from '../load/subexpressions';
import type { SymbolInfo } from './symbols';

export interface Analysis extends LoadedSpec {
  /** What each name in the source refers to, for go-to-definition and hover. */
  resolved: Map<Expr, SymbolInfo>;
  check: CheckResult;
}

export function analyzeSpec(mainName: string, options: LoadSpecOptions = {}): Analysis {
  const spec = loadSpec(mainName, options);
  const diagnostics = [...spec.diagnostics];
  diagnostics.push(...resolveSubexpressions(spec.modules.values(), spec.modules));
  const broken = new Set(
    spec.diagnostics.filter((d) => d.code === 'syntax').map((d) => d.range.module),
  );
  const checker = new SpecChecker(spec.missingModules, broken);
  const top = (name: string): ResolvedModule | undefined => {
    const module = spec.modules.get(name);
    return module ? { kind: 'ast', module, env: topEnv } : undefined;
  };
  const topEnv: ModuleEnv = new ModuleEnv(undefined, top);
  for (const module of orderedModules(spec)) checker.checkModule(module, topEnv);
  diagnostics.push(...checker.result.diagnostics);
  return {
    ...spec,
    diagnostics: sortDiagnostics(dedupe(diagnostics)),
    resolved: checker.result.resolved,
    check: checker.result,
  };
}

/** The main module first, so that its problems come from its own point of view. */
function orderedModules(spec: LoadedSpec): Module[] {
  const rest = [...spec.modules.values()].filter((m) => m !== spec.main);
  return spec.main ? [spec.main, ...rest] : rest;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.range.module}:${d.range.start.line}:${d.range.start.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.range.module.localeCompare(b.range.module) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column,
  );
}
