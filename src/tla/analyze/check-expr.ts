/**
 * Checking an expression in its scope: every name is defined, every operator gets as many
 * arguments as it takes (and operators where it takes operators), `@` sits inside an EXCEPT, and
 * primes and temporal operators are where TLA+ allows them. Returns the expression's level as a
 * lower bound (levels.ts), from which the callers check where a prime or `[]` cannot be.
 *
 * Conservative by design: when unsure (an operator whose parameters' arities are unknown, a
 * level that depends on an argument in a way not tracked), it reports nothing.
 */
import type { Bound, Expr, Range, Unit } from '../ast/ast';
import { boundSets, unitExprs, walkExpr } from '../ast/ast-walk';
import {
  type Level,
  CONSTANT,
  applyLevel,
  checkBuiltinLevels,
  locate,
  maxLevel,
  noTemporalArgument,
} from './levels';
import { LANGUAGE_SYMBOLS, symbolArity } from '../parse/spellings';
import { libraryModulesDefining } from '../library';
import { type SymbolInfo, Scope } from './symbols';

/** What expression checking needs from the module being checked. */
export interface ExprChecker {
  report(code: string, message: string, range: Range): void;
  /** Placeholders for syntax errors and unsupported forms: already reported. */
  isPlaceholder(e: Expr): boolean;
  /**
   * Resolves `I(x)!J!Op` to the symbol of `Op`, reporting what does not resolve; 'inlined' when
   * `e` named a label (`Inv!P0`) and has been replaced by the labelled expression.
   */
  resolveQualified(
    e: Extract<Expr, { kind: 'Qualified' }>,
    scope: Scope,
  ): SymbolInfo | 'inlined' | undefined;
  /** Replaces a reference to a theorem by its statement (and skips checking it again). */
  inline(e: Expr, statement: Expr): void;
  /** How many EXCEPT update values enclose the expression being checked (`@` is legal inside). */
  exceptDepth: number;
  /** True when a module this one imports is missing: its names cannot be told undefined. */
  namesUncertain: boolean;
  /** Checks the definitions of a LET in order, adding them to `scope`. */
  checkLetDefs(defs: Unit[], scope: Scope): void;
  /** Levels of sub-expressions, for pointing at the primed or temporal part of a larger one. */
  levels: Map<Expr, number>;
  /** Records what a name in the source refers to (for go-to-definition). */
  noteReference(e: Expr, symbol: SymbolInfo): void;
}

const BUILTIN_NAMES = new Set(['BOOLEAN', 'STRING', 'TRUE', 'FALSE']);

export function checkExpr(e: Expr, scope: Scope, c: ExprChecker): Level {
  if (c.isPlaceholder(e)) return CONSTANT; // reported already, or inlined from elsewhere
  const level = check(e, scope, c);
  if (level.level > 0) c.levels.set(e, level.level);
  return level;
}

/** The level of several expressions checked in the same scope. */
function checkAll(xs: Expr[], scope: Scope, c: ExprChecker): Level {
  const levels: Level[] = [];
  for (const x of xs) levels.push(checkExpr(x, scope, c));
  return maxLevel(levels);
}

// No closures here: this runs for every node, and under tsx (the CLI) each closure costs a
// keepNames wrapper call.
function check(e: Expr, scope: Scope, c: ExprChecker): Level {
  switch (e.kind) {
    case 'Num':
    case 'Decimal':
    case 'Str':
    case 'Bool':
      return CONSTANT;
    case 'At':
      if (c.exceptDepth === 0)
        c.report(
          'misplaced-at',
          '`@` stands for the old value only inside an EXCEPT update',
          e.range,
        );
      return CONSTANT;
    case 'Ident': {
      const symbol = lookupName(e.name, e.range, scope, c, e);
      if (!symbol) return CONSTANT;
      if (symbol.kind === 'theorem') {
        if (symbol.statement) c.inline(e, symbol.statement);
        return CONSTANT;
      }
      if (symbol.arity > 0) {
        c.report(
          'arity',
          `${describe(symbol)} takes ${plural(symbol.arity, 'argument')}, but none is given`,
          e.range,
        );
      }
      return levelOfSymbol(symbol);
    }
    case 'OpRef':
      c.report(
        'arity',
        `the operator \`${e.name}\` can only be an argument of an operator that takes an operator`,
        e.range,
      );
      return CONSTANT;
    case 'Lambda':
      c.report(
        'arity',
        'LAMBDA can only be an argument of an operator that takes an operator',
        e.range,
      );
      return CONSTANT;
    case 'OpApp':
      return checkApplication(e, scope, c);
    case 'Qualified': {
      const stepLevels = e.path.map((step) => step.args.map((a) => checkExpr(a, scope, c)));
      const symbol = c.resolveQualified(e, scope);
      if (symbol && symbol !== 'inlined') checkInstanceArgumentLevels(e, stepLevels, scope, c);
      if (symbol === 'inlined') return CONSTANT;
      if (!symbol) {
        checkAll(e.args, scope, c);
        return CONSTANT;
      }
      return checkArguments(symbol, e.args, e.range, scope, c);
    }
    case 'And':
    case 'Or':
      return checkAll(e.args, scope, c);
    case 'SetEnum':
      return noTemporal('a set `{…}`', e.elems, scope, c);
    case 'Tuple':
      return noTemporal('a tuple `<<…>>`', e.elems, scope, c);
    case 'Product':
      return noTemporal('`\\X`', e.sets, scope, c);
    case 'SetFilter': {
      const inner = bind([e.bound], scope, c);
      const pred = noTemporal('a set `{x \\in S : P}`', [e.pred], inner.scope, c);
      return maxLevel([inner.level, pred]);
    }
    case 'SetMap': {
      const inner = bind(e.bounds, scope, c);
      const body = noTemporal('a set `{e : x \\in S}`', [e.body], inner.scope, c);
      return maxLevel([inner.level, body]);
    }
    case 'FcnCtor': {
      const inner = bind(e.bounds, scope, c);
      return maxLevel([inner.level, checkExpr(e.body, inner.scope, c)]);
    }
    case 'Quant': {
      const inner = bind(e.bounds, scope, c);
      return maxLevel([inner.level, checkExpr(e.body, inner.scope, c)]);
    }
    case 'Choose': {
      const inner = bind([e.bound], scope, c);
      return maxLevel([inner.level, noTemporal('CHOOSE', [e.body], inner.scope, c)]);
    }
    case 'TemporalQuant': {
      // `\EE x : F` binds x as a variable of F (it may be primed there).
      const inner = scope.child();
      for (const name of e.names) {
        checkNewName(name, e.range, inner, c);
        inner.define({ name, kind: 'variable', arity: 0, module: e.range.module, level: 1 });
      }
      return maxLevel([checkExpr(e.body, inner, c), { level: 3 }]);
    }
    case 'FcnSet':
      return noTemporal('a set of functions `[S -> T]`', [e.domain, e.range_], scope, c);
    case 'RecordCtor':
      return checkAll(
        e.fields.map((f) => f.value),
        scope,
        c,
      );
    case 'RecordSet':
      return noTemporal(
        'a set of records `[a : S]`',
        e.fields.map((f) => f.set),
        scope,
        c,
      );
    case 'FcnApp':
      return noTemporal('a function application `f[x]`', [e.fcn, ...e.args], scope, c);
    case 'Dot':
      return noTemporal('a record field `r.a`', [e.record], scope, c);
    case 'Except': {
      const parts = [e.fcn];
      const levels = [checkExpr(e.fcn, scope, c)];
      for (const u of e.updates) {
        for (const step of u.path)
          if (step.kind === 'Index')
            for (const a of step.args) {
              parts.push(a);
              levels.push(checkExpr(a, scope, c));
            }
        c.exceptDepth++;
        parts.push(u.value);
        levels.push(checkExpr(u.value, scope, c));
        c.exceptDepth--;
      }
      return noTemporalArgument('EXCEPT', parts, levels, c);
    }
    case 'If':
      return checkAll([e.cond, e.then, e.else_], scope, c);
    case 'Case':
      return checkAll(
        [...e.arms.flatMap((a) => [a.guard, a.body]), ...(e.other ? [e.other] : [])],
        scope,
        c,
      );
    case 'Let': {
      const inner = scope.child();
      c.checkLetDefs(e.defs, inner);
      return checkExpr(e.body, inner, c);
    }
    case 'StepExpr':
    case 'Fairness':
      return checkBuiltinLevels(e, [checkExpr(e.action, scope, c), checkExpr(e.sub, scope, c)], c);
  }
}

/** The level of the arguments of a construct that takes no temporal formula (levels.ts, noTemporalArgument). */
function noTemporal(what: string, xs: Expr[], scope: Scope, c: ExprChecker): Level {
  const levels: Level[] = [];
  for (const x of xs) levels.push(checkExpr(x, scope, c));
  return noTemporalArgument(what, xs, levels, c);
}

function checkApplication(
  e: Extract<Expr, { kind: 'OpApp' }>,
  scope: Scope,
  c: ExprChecker,
): Level {
  const symbol = scope.lookup(e.name);
  if (!symbol && LANGUAGE_SYMBOLS.has(e.name)) {
    const levels = e.args.map((a) => checkExpr(a, scope, c));
    const expected = symbolArity(e.name);
    if (
      expected !== undefined &&
      expected !== e.args.length &&
      !(e.name === '-.' && e.args.length === 1)
    ) {
      c.report(
        'arity',
        `\`${e.name}\` takes ${plural(expected, 'argument')}, but ${given(e.args.length)}`,
        e.range,
      );
    }
    return checkBuiltinLevels(e, levels, c);
  }
  const found = lookupName(e.name, e.range, scope, c, e);
  if (!found) {
    for (const a of e.args) if (a.kind !== 'OpRef' && a.kind !== 'Lambda') checkExpr(a, scope, c);
    return CONSTANT;
  }
  return checkArguments(found, e.args, e.range, scope, c);
}

/**
 * The arguments of `I(a)!Op` against the levels its parameters allow where Op uses what they
 * replace, as SANY checks them: with `I(p) == INSTANCE N WITH c <- p`, c a CONSTANT of N,
 * `I(x)!Op` for a variable x is a level error ("The level of argument 1 exceeds the maximum level
 * allowed by the operator") when Op's definition uses c, directly or through N's definitions,
 * and accepted when it does not. Only uses that are certain count (a lower bound, as levels.ts).
 */
function checkInstanceArgumentLevels(
  e: Extract<Expr, { kind: 'Qualified' }>,
  stepLevels: Level[][],
  scope: Scope,
  c: ExprChecker,
): void {
  let exports: Map<string, SymbolInfo> | undefined;
  let symbol: SymbolInfo | undefined;
  for (const [i, step] of e.path.entries()) {
    symbol = i === 0 ? scope.lookup(step.name) : exports?.get(step.name);
    if (symbol?.kind !== 'instance') return;
    exports = symbol.instanceExports?.();
  }
  const last = e.path[e.path.length - 1];
  const target = exports?.get(e.name);
  if (!symbol?.paramLimits || !exports || !target) return;
  let used: Set<string> | undefined;
  for (const [j, level] of stepLevels[e.path.length - 1].entries()) {
    const limits = symbol.paramLimits[j];
    if (!limits) continue;
    used ??= namesUsed(target, exports);
    let max = 3;
    for (const [name, limit] of limits) if (used.has(name)) max = Math.min(max, limit);
    if (level.level > max)
      c.report(
        max === 0 ? 'variable-not-allowed' : 'prime-not-allowed',
        `Level error in applying \`${last.name}!${e.name}\`: argument ${j + 1} must be ${max === 0 ? 'a constant expression (its parameter replaces a CONSTANT' : 'a state expression (its parameter replaces a VARIABLE'} of module ${symbol.instanceOf ?? last.name} that it uses)`,
        locate(last.args[j], level.level, c.levels),
      );
  }
}

/** The names a definition's body uses, through the definitions of its module it calls. */
function namesUsed(symbol: SymbolInfo, exports: Map<string, SymbolInfo>): Set<string> {
  const used = new Set<string>();
  const seen = new Set<SymbolInfo>();
  const visit = (s: SymbolInfo) => {
    if (seen.has(s) || !s.unit) return;
    seen.add(s);
    for (const root of unitExprs(s.unit))
      walkExpr(root, (x) => {
        const name =
          x.kind === 'Ident' || x.kind === 'OpApp' || x.kind === 'OpRef' ? x.name : undefined;
        if (name === undefined || used.has(name)) return;
        used.add(name);
        const next = exports.get(name);
        if (next) visit(next);
      });
  };
  visit(symbol);
  return used;
}

/** Arity of the application, then each argument: an expression or an operator as the parameter wants. */
function checkArguments(
  symbol: SymbolInfo,
  args: Expr[],
  range: Range,
  scope: Scope,
  c: ExprChecker,
): Level {
  if (symbol.arity !== args.length) {
    c.report(
      'arity',
      `${describe(symbol)} takes ${plural(symbol.arity, 'argument')}, but ${given(args.length)}`,
      range,
    );
  }
  const argLevels = args.map((arg, i) => {
    const wanted = symbol.paramArities?.[i];
    if (
      wanted === undefined &&
      (arg.kind === 'OpRef' || arg.kind === 'Lambda' || isOperatorName(arg, scope))
    ) {
      return checkOperatorArgument(arg, undefined, scope, c); // parameter arities unknown: accept
    }
    if (wanted !== undefined && wanted > 0) return checkOperatorArgument(arg, wanted, scope, c);
    return checkExpr(arg, scope, c);
  });
  return applyLevel(symbol, argLevels);
}

function isOperatorName(arg: Expr, scope: Scope): boolean {
  return arg.kind === 'Ident' && (scope.lookup(arg.name)?.arity ?? 0) > 0;
}

/** An argument where an operator of arity `wanted` is expected (undefined: any arity). */
function checkOperatorArgument(
  arg: Expr,
  wanted: number | undefined,
  scope: Scope,
  c: ExprChecker,
): Level {
  const mismatch = (what: string, arity: number) => {
    if (wanted !== undefined && arity !== wanted) {
      c.report(
        'arity',
        `an operator taking ${plural(wanted, 'argument')} is expected here, but ${what} takes ${arity}`,
        arg.range,
      );
    }
  };
  if (arg.kind === 'Ident') {
    if (c.isPlaceholder(arg)) return CONSTANT;
    const symbol = lookupName(arg.name, arg.range, scope, c, arg);
    if (symbol) mismatch(`\`${arg.name}\``, symbol.arity);
    return CONSTANT;
  }
  if (arg.kind === 'OpRef') {
    if (!LANGUAGE_SYMBOLS.has(arg.name) && !scope.lookup(arg.name))
      lookupName(arg.name, arg.range, scope, c);
    mismatch(`\`${arg.name}\``, symbolArity(arg.name) ?? wanted ?? 0);
    return CONSTANT;
  }
  if (arg.kind === 'Lambda') {
    mismatch('this LAMBDA', arg.params.length);
    const inner = scope.child();
    for (const p of arg.params) {
      checkNewName(p, arg.range, inner, c);
      inner.define({ name: p, kind: 'parameter', arity: 0, module: arg.range.module });
    }
    checkExpr(arg.body, inner, c);
    return CONSTANT;
  }
  c.report(
    'arity',
    `an operator taking ${plural(wanted ?? 1, 'argument')} is expected here, not an expression`,
    arg.range,
  );
  return CONSTANT;
}

/**
 * A name a binder introduces (a bound variable, a parameter, a LET definition) may not be one
 * already in scope: SANY's "Multiply-defined symbol" (a constant, a variable, a definition of this
 * module or of one it extends, an enclosing bound variable or parameter). A LOCAL definition of
 * another module is not in scope there.
 */
export function checkNewName(name: string, range: Range, scope: Scope, c: ExprChecker): void {
  const existing = scope.lookup(name);
  if (!existing || name.startsWith('$') || (existing.local && existing.module !== range.module))
    return;
  const line = existing.nameRange?.start.line ?? existing.range?.start.line;
  const where =
    existing.module !== range.module
      ? ` in module ${existing.module}`
      : line
        ? ` at line ${line}`
        : '';
  c.report(
    'duplicate-definition',
    `\`${name}\` is already defined${where}: a bound name cannot reuse it (multiply-defined symbol)`,
    range,
  );
}

/**
 * Binds the bound variables. Every bound's set is checked outside them: in `\E x \in S, y \in x`
 * x is not defined (SANY: "Unknown operator").
 */
function bind(bounds: Bound[], scope: Scope, c: ExprChecker): { scope: Scope; level: Level } {
  const inner = scope.child();
  const sets = new Set(boundSets(bounds));
  const levels: Level[] = [];
  for (const b of bounds) {
    if (b.set && sets.delete(b.set)) levels.push(checkExpr(b.set, scope, c));
    const names = b.pattern.kind === 'Var' ? [b.pattern.name] : b.pattern.names;
    for (const name of names) {
      checkNewName(name, b.pattern.range, inner, c);
      inner.define({
        name,
        kind: 'bound',
        arity: 0,
        module: b.pattern.range.module,
        range: b.pattern.range,
        nameRange: b.pattern.range,
      });
    }
  }
  return { scope: inner, level: maxLevel(levels) };
}

function lookupName(
  name: string,
  range: Range,
  scope: Scope,
  c: ExprChecker,
  e?: Expr,
): SymbolInfo | undefined {
  const symbol = scope.lookup(name);
  if (symbol && e) c.noteReference(e, symbol);
  if (symbol || BUILTIN_NAMES.has(name) || c.namesUncertain) return symbol;
  const modules = libraryModulesDefining(name);
  const hint =
    modules.length > 0
      ? ` (it is defined in ${modules.slice(0, 3).join(', ')}: EXTENDS missing?)`
      : '';
  const shown = name === '-.' ? 'unary minus `-`' : `\`${name}\``;
  c.report('undefined-name', `${shown} is not defined${hint}`, range);
  return undefined;
}

function levelOfSymbol(symbol: SymbolInfo): Level {
  if (symbol.kind === 'parameter') return { level: 0, params: [symbol] };
  return { level: symbol.level ?? 0 };
}

function describe(symbol: SymbolInfo): string {
  return `\`${symbol.name}\``;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "none is given", "1 is given", "2 are given". */
export function given(n: number): string {
  return n === 0 ? 'none is given' : `${n} ${n === 1 ? 'is' : 'are'} given`;
}
