/**
 * Checking the units of one module (or one LET) in order: declarations and definitions enter the
 * scope after they are checked, RECURSIVE ones at their declaration, theorems at their place in
 * the source. Reports duplicate definitions, substitutions that do not fit the instantiated
 * module, and ASSUMEs that are not constant.
 *
 * Conflicts between two imported names are not reported: SANY accepts, e.g., two EXTENDed
 * modules both defining `Range` (allocator/SchedulingAllocator_proof.tla) and an unnamed INSTANCE
 * bringing a `vars` the module has defined before (c1cs/APc1cs.tla): the module's own definition
 * wins. A definition or declaration after an import of its name is an error, as for SANY.
 */
import type { Expr, Module, Param, Range, Unit } from '../ast/ast';
import { type ModuleChecker, ModuleEnv } from './module-env';
import { type ExprChecker, checkExpr, checkNewName, given, plural } from './check-expr';
import { type Level, locate } from './levels';
import { type ModuleExtras, type TheoremInfo, getExtras, labelsOf } from '../ast/module-extras';
import { replaceExpr } from '../load/subexpressions';
import { type SymbolInfo, Scope } from './symbols';

type UnitOf<K extends Unit['kind']> = Extract<Unit, { kind: K }>;

export class UnitChecker implements ExprChecker {
  readonly levels = new Map<Expr, number>();
  exceptDepth = 0;
  namesUncertain = false;
  private readonly extras: ModuleExtras;

  constructor(
    private readonly spec: ModuleChecker,
    private readonly module: Module,
    private readonly env: ModuleEnv,
    private readonly moduleScope: Scope,
  ) {
    this.extras = getExtras(module);
  }

  report(code: string, message: string, range: Range): void {
    this.spec.report(code, message, range);
  }

  isPlaceholder(e: Expr): boolean {
    return this.extras.placeholders.has(e);
  }

  noteReference(e: Expr, symbol: SymbolInfo): void {
    this.spec.result.resolved.set(e, symbol);
  }

  inline(e: Expr, statement: Expr): void {
    replaceExpr(e, statement);
    this.extras.placeholders.add(e); // checked where it was written
  }

  extend(name: string, range: Range): void {
    const target = this.env.resolve(name);
    if (!target) return this.spec.missingModule(name, range);
    for (const symbol of this.spec.exports(target)?.values() ?? []) this.importSymbol(symbol);
  }

  /** The module's units, with its named theorems declared where they stand. */
  checkUnits(units: Unit[], scope: Scope): void {
    const theorems = [...this.extras.theorems.values()].sort((a, b) => compare(a.range, b.range));
    let next = 0;
    for (const unit of units) {
      while (next < theorems.length && compare(theorems[next].range, unit.range) < 0) {
        this.declareTheorem(theorems[next++], scope);
      }
      this.check(unit, scope);
    }
    while (next < theorems.length) this.declareTheorem(theorems[next++], scope);
  }

  checkLetDefs(defs: Unit[], scope: Scope): void {
    for (const d of defs) this.check(d, scope);
  }

  private check(unit: Unit, scope: Scope): void {
    const own = { module: this.module.name, range: unit.range, unit };
    switch (unit.kind) {
      case 'Variables':
        for (const v of unit.names) {
          this.declare(scope, {
            ...own,
            name: v.name,
            kind: 'variable',
            arity: 0,
            nameRange: v.range,
            level: 1,
          });
        }
        return;
      case 'Constants':
        for (const p of unit.decls) this.declare(scope, this.declaration(p, 'constant', unit));
        return;
      case 'Recursive':
        for (const p of unit.decls) this.declare(scope, this.declaration(p, 'recursive', unit));
        return;
      case 'OpDef':
        return this.checkOpDef(unit, scope);
      case 'FcnDef': {
        const self: SymbolInfo = {
          ...own,
          name: unit.name,
          kind: 'function',
          arity: 0,
          nameRange: unit.nameRange,
          local: unit.local,
        };
        const inner = scope.child();
        inner.define(self); // a function definition may be recursive
        const asConstructor: Expr = {
          kind: 'FcnCtor',
          bounds: unit.bounds,
          body: unit.body,
          range: unit.range,
        };
        self.level = checkExpr(asConstructor, inner, this).level;
        this.declare(scope, self);
        return;
      }
      case 'Instance':
        return this.checkInstance(unit, scope);
      case 'Assume': {
        const level = checkExpr(unit.expr, scope, this).level;
        if (level > 0) this.reportAssumeLevel(unit.expr, level);
        if (unit.name !== undefined)
          this.declare(scope, {
            ...own,
            name: unit.name,
            kind: 'theorem',
            arity: 0,
            statement: unit.expr,
          });
        return;
      }
      case 'Submodule': {
        const env = new ModuleEnv(this.env, () => undefined);
        this.env.addNested(unit.module, env);
        this.spec.checkModule(unit.module, env, scope);
        return;
      }
    }
  }

  resolveQualified(
    e: Extract<Expr, { kind: 'Qualified' }>,
    scope: Scope,
  ): SymbolInfo | 'inlined' | undefined {
    let exports: Map<string, SymbolInfo> | undefined;
    let via = '';
    for (const [i, step] of e.path.entries()) {
      const symbol = i === 0 ? scope.lookup(step.name) : exports?.get(step.name);
      if (!symbol) {
        if (i > 0 || !this.namesUncertain) {
          this.report(
            'undefined-name',
            `\`${step.name}\` is not defined${i === 0 ? '' : ` in ${via}`}`,
            e.range,
          );
        }
        return undefined;
      }
      if (i === 0) this.noteReference(e, symbol);
      if (symbol.kind !== 'instance') {
        const labelled =
          e.path.length === 1 && symbol.unit ? labelsOf.get(symbol.unit)?.get(e.name) : undefined;
        if (labelled && e.args.length === 0) {
          this.inline(e, labelled); // `Inv!P0`: the expression labelled P0 in Inv
          return 'inlined';
        }
        this.report(
          'unsupported',
          `\`${step.name}!${e.name}\`: \`${step.name}\` is not a named INSTANCE and has no label \`${e.name}\``,
          e.range,
        );
        return undefined;
      }
      if (symbol.arity !== step.args.length) {
        this.report(
          'arity',
          `\`${step.name}\` takes ${plural(symbol.arity, 'argument')}, but ${given(step.args.length)}`,
          e.range,
        );
      }
      exports = symbol.instanceExports?.();
      via = `module ${symbol.instanceOf ?? step.name}`;
      if (!exports) return undefined; // the module is missing: reported already
    }
    const target = exports?.get(e.name);
    if (!target) {
      this.report('undefined-name', `\`${e.name}\` is not defined in ${via}`, e.range);
      return undefined;
    }
    this.noteReference(e, target);
    // Substitution can lower levels (a variable replaced by a constant): count none of the body's.
    return { ...target, level: 0 };
  }

  private checkOpDef(unit: UnitOf<'OpDef'>, scope: Scope): void {
    const inner = scope.child();
    const params = unit.params.map((p) => {
      const symbol: SymbolInfo = {
        name: p.name,
        kind: 'parameter',
        arity: p.arity,
        module: this.module.name,
        range: p.range,
        nameRange: p.range,
      };
      this.declareParameter(inner, symbol);
      return symbol;
    });
    const body = checkExpr(unit.body, inner, this);
    this.declare(scope, {
      name: unit.name,
      kind: 'operator',
      arity: unit.params.length,
      paramArities: unit.params.map((p) => p.arity),
      module: this.module.name,
      range: unit.range,
      nameRange: unit.nameRange,
      unit,
      local: unit.local,
      level: body.level,
      paramCarries: params.map((p) => body.params?.includes(p) ?? false),
    });
  }

  private checkInstance(unit: UnitOf<'Instance'>, scope: Scope): void {
    const target = this.env.resolve(unit.module);
    if (!target) this.spec.missingModule(unit.module, unit.moduleRange);
    const exports = target ? this.spec.exports(target) : undefined;
    const inner = scope.child();
    const params = unit.params.map((p) => {
      const symbol: SymbolInfo = {
        name: p.name,
        kind: 'parameter',
        arity: p.arity,
        module: this.module.name,
        range: p.range,
        nameRange: p.range,
      };
      this.declareParameter(inner, symbol);
      return symbol;
    });
    // A parameter that flows into a CONSTANT's substitution takes only constant arguments
    // (`I(p) == INSTANCE N WITH c <- p`: SANY rejects `I(x)!Op` for a variable x), one that flows
    // into a VARIABLE's only state-level ones.
    const limits = new Map<SymbolInfo, Map<string, number>>();
    const substituted = new Set<string>();
    for (const sub of unit.subs) {
      substituted.add(sub.name);
      const parameter = exports?.get(sub.name);
      const declared = parameter?.kind === 'constant' || parameter?.kind === 'variable';
      if (exports && !declared) {
        this.report(
          'undefined-name',
          `module ${unit.module} has no CONSTANT or VARIABLE \`${sub.name}\` to substitute`,
          sub.expr.range,
        );
      }
      const level = this.checkSubstitution(sub.expr, declared ? parameter : undefined, inner);
      const max = parameter?.kind === 'constant' ? 0 : parameter?.kind === 'variable' ? 1 : 3;
      if (max < 3)
        for (const q of level?.params ?? []) {
          const names = limits.get(q) ?? new Map<string, number>();
          names.set(sub.name, max);
          limits.set(q, names);
        }
    }
    for (const parameter of exports?.values() ?? []) {
      const declared = parameter.kind === 'constant' || parameter.kind === 'variable';
      if (
        declared &&
        !substituted.has(parameter.name) &&
        !inner.lookup(parameter.name) &&
        !this.namesUncertain
      ) {
        this.report(
          'undefined-name',
          `INSTANCE ${unit.module}: \`${parameter.name}\` has no substitution (WITH ${parameter.name} <- …) and is not defined here`,
          unit.moduleRange,
        );
      }
    }
    if (unit.name !== undefined) {
      this.declare(scope, {
        name: unit.name,
        kind: 'instance',
        arity: unit.params.length,
        module: this.module.name,
        range: unit.range,
        nameRange: unit.nameRange,
        unit,
        local: unit.local,
        instanceOf: unit.module,
        instanceExports: () => exports,
        paramLimits: params.map((q) => limits.get(q)),
      });
      return;
    }
    for (const symbol of exports?.values() ?? []) {
      if (symbol.kind === 'constant' || symbol.kind === 'variable') continue; // substituted, not imported
      // Substitution can lower levels, so imported definitions count as constant (a lower bound).
      this.importSymbol({ ...symbol, level: 0, local: unit.local });
    }
  }

  private checkSubstitution(
    expr: Expr,
    parameter: SymbolInfo | undefined,
    scope: Scope,
  ): Level | undefined {
    const arity = parameter?.arity ?? 0;
    if (arity > 0 || expr.kind === 'OpRef' || expr.kind === 'Lambda') {
      // Checked as the argument of an operator whose parameter has the substituted one's arity.
      const carrier: SymbolInfo = {
        name: '$substitution',
        kind: 'operator',
        arity: 1,
        paramArities: [arity],
        module: this.module.name,
      };
      const inner = scope.child();
      inner.define(carrier);
      checkExpr(
        { kind: 'OpApp', name: carrier.name, args: [expr], range: expr.range },
        inner,
        this,
      );
      return undefined;
    }
    const result = checkExpr(expr, scope, this);
    const level = result.level;
    if (parameter?.kind === 'constant' && level > 0) {
      this.report(
        'variable-not-allowed',
        `\`${parameter.name}\` is a CONSTANT: it can only be replaced by a constant expression`,
        locate(expr, level, this.levels),
      );
    } else if (parameter?.kind === 'variable' && level > 1) {
      this.report(
        'prime-not-allowed',
        `\`${parameter.name}\` is a VARIABLE: it can be replaced by a state expression, not one with primes`,
        locate(expr, 2, this.levels),
      );
    }
    return result;
  }

  private reportAssumeLevel(expr: Expr, level: number): void {
    const range = locate(expr, level, this.levels);
    if (level >= 3)
      this.report(
        'temporal-not-allowed',
        'ASSUME must be a constant formula, not a temporal one',
        range,
      );
    else if (level === 2)
      this.report(
        'prime-not-allowed',
        'ASSUME must be a constant formula; it contains a prime',
        range,
      );
    else
      this.report(
        'variable-not-allowed',
        'ASSUME must be a constant formula; it depends on a variable',
        range,
      );
  }

  private declareTheorem(theorem: TheoremInfo, scope: Scope): void {
    this.declare(scope, {
      name: theorem.name,
      kind: 'theorem',
      arity: 0,
      module: this.module.name,
      range: theorem.range,
      nameRange: theorem.nameRange,
      statement: theorem.statement,
    });
  }

  private declaration(p: Param, kind: 'constant' | 'recursive', unit: Unit): SymbolInfo {
    return {
      name: p.name,
      kind,
      arity: p.arity,
      module: this.module.name,
      range: unit.range,
      nameRange: p.range,
      unit,
      level: 0,
    };
  }

  private declareParameter(scope: Scope, symbol: SymbolInfo): void {
    if (scope.own(symbol.name)) {
      this.report(
        'duplicate-definition',
        `parameter \`${symbol.name}\` appears twice`,
        symbol.nameRange ?? symbol.range!,
      );
      return;
    }
    if (scope.parent)
      checkNewName(symbol.name, symbol.nameRange ?? symbol.range!, scope.parent, this);
    scope.define(symbol);
  }

  /** Adds a declaration or definition of this module (or LET); a second one of a name is an error. */
  private declare(scope: Scope, symbol: SymbolInfo): void {
    const existing = scope.own(symbol.name);
    // A LET definition: nor may it reuse a name of the scopes around the LET.
    if (!existing && scope !== this.moduleScope && scope.parent)
      checkNewName(symbol.name, symbol.nameRange ?? symbol.range!, scope.parent, this);
    if (!existing) return scope.define(symbol);
    if (existing.module !== this.module.name) {
      // As SANY: a name EXTENDS or an unnamed INSTANCE brought in cannot be declared or defined
      // again after it ("Operator Head already defined or declared", `Head == …` after EXTENDS
      // Sequences). TLC refuses the spec; checking it with the module's own definition gave an
      // answer for a model TLC does not run. (An INSTANCE after the module's own definition is
      // only a warning for SANY: see importSymbol.)
      const where = existing.nameRange ?? existing.range;
      this.report(
        'duplicate-definition',
        `\`${symbol.name}\` is already defined in module ${existing.module}${where ? ` (line ${where.start.line})` : ''}, which this module imports: it cannot be defined again (multiply-defined symbol)`,
        symbol.nameRange ?? symbol.range!,
      );
      return scope.define(symbol);
    }
    if (existing.kind === 'recursive' && symbol.kind === 'operator') {
      if (existing.arity !== symbol.arity) {
        this.report(
          'arity',
          `\`${symbol.name}\` is declared RECURSIVE with ${plural(existing.arity, 'parameter')} but defined with ${symbol.arity}`,
          symbol.nameRange!,
        );
      }
      return scope.define(symbol);
    }
    const line = existing.nameRange?.start.line ?? existing.range?.start.line;
    this.report(
      'duplicate-definition',
      `\`${symbol.name}\` is already defined${line ? ` at line ${line}` : ''}`,
      symbol.nameRange ?? symbol.range!,
    );
  }

  /** A symbol brought in by EXTENDS or INSTANCE; an earlier symbol of the same name stays. */
  private importSymbol(symbol: SymbolInfo): void {
    const existing = this.moduleScope.own(symbol.name);
    if (!existing) return this.moduleScope.define(symbol);
    if (existing.local && !symbol.local && existing.module === symbol.module)
      this.moduleScope.define(symbol); // public wins over LOCAL
  }
}

/** Source order of two ranges of the same module. */
function compare(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.column - b.start.column;
}
