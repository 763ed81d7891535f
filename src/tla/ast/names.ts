/**
 * The names phase: what each name of a module denotes, resolved once per module (per parsed
 * `Module` object) and read by the phases after it.
 *
 * The contract between a front end and the engine is the AST (ast.ts) plus this table. A front
 * end (TLA+'s parser and checker in src/tla, Quint's lowering in src/quint) produces `Module`s;
 * `resolveNames(module)` records
 *   - for each name occurrence (`Ident`, `OpApp`, `OpRef`, `At`, and the first step of a
 *     `Qualified`) its `Declaration`: `refOf(e)`;
 *   - for each binder (a bound variable pattern, an operator or INSTANCE parameter, a LAMBDA's or
 *     `\EE`'s names, an EXCEPT update's `@`, a LET definition) the declarations it introduces:
 *     `declarationsOf(site)`.
 * The compiler (src/eval) binds each declaration to a frame slot or a definition where the binder
 * is compiled, and finds an occurrence's binding through its declaration, not its spelling.
 *
 * Lexical only. A name bound inside a definition (bound variable, parameter, LET definition, `@`)
 * resolves to its own declaration. A name of the module (a constant, variable, definition or
 * instance, the module's own or from a module it extends) and a built-in operator resolve to the
 * module's one `module` declaration of that name: what it stands for is decided when the model is
 * built (eval/model.ts), since the .cfg (`N = 3`, `Op <- Other`) and INSTANCE substitutions
 * (`x <- e`) rebind exactly those names. For the same reason levels (constant, state, action,
 * temporal) are not here: the front end's checker computes them for its diagnostics (levels.ts),
 * and the compiler decides what reads the state once the model is built (an INSTANCE may put a
 * constant for a variable).
 *
 * An expression made by the engine itself (the compiler's or model builder's stand-ins) has no
 * entry: its names are looked up by spelling in the scope it is compiled in.
 */
import type { ExceptUpdate, Expr, Module, Param, Pattern, Range, Unit } from './ast';
import { type Binder, forEachChild, forEachUnitExpr } from './ast-walk';
import { getExtras } from './module-extras';

export type Declaration =
  /** A bound variable: of a quantifier, CHOOSE, set or function constructor, `f[x \in S] == e`, `\EE`. */
  | { kind: 'bound'; name: string; range: Range }
  /** A parameter of an operator definition, a LAMBDA or a parameterised INSTANCE. */
  | { kind: 'param'; name: string; arity: number; range: Range }
  /** `@` in the value of an EXCEPT update: the old value at the update's path. */
  | { kind: 'at'; name: '@'; update: ExceptUpdate }
  /** A definition of a LET (operator, recursive function or named INSTANCE). */
  | { kind: 'let'; name: string; unit: Unit }
  /** A name of the module or a built-in, linked when the model is built; `unit` if the module declares it. */
  | { kind: 'module'; name: string; unit?: Unit };

/** Declarations local to a definition: bound to frame slots or LET definitions by the compiler. */
export type LocalDeclaration = Exclude<Declaration, { kind: 'module' }>;

/** Where declarations are introduced (see `declarationsOf`). */
export type DeclarationSite = Pattern | Param | ExceptUpdate | Unit | Expr;

const refs = new WeakMap<Expr, Declaration>();
const sites = new WeakMap<DeclarationSite, LocalDeclaration[]>();
const resolved = new WeakSet<Module>();

/** What the name occurrence `e` denotes; undefined for an expression no front end made. */
export function refOf(e: Expr): Declaration | undefined {
  return refs.get(e);
}

/**
 * The declarations a binder site introduces, in order: a pattern's names, an operator or INSTANCE
 * parameter (a `Param`), a LAMBDA's or `\EE`'s names (the expression), an EXCEPT update's `@`, a
 * LET definition (its unit). Empty for a site of a module not resolved.
 */
export function declarationsOf(site: DeclarationSite): readonly LocalDeclaration[] {
  return sites.get(site) ?? [];
}

/** The one declaration of a site that introduces one (a parameter, a `@`, a LET definition, `x`). */
export function declarationOf(site: DeclarationSite): LocalDeclaration | undefined {
  return sites.get(site)?.[0];
}

/** A chain of name tables, innermost first. */
class Env {
  private readonly names = new Map<string, Declaration>();
  constructor(private readonly parent: Env | undefined) {}
  lookup(name: string): Declaration | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }
  add(d: Declaration): void {
    this.names.set(d.name, d);
  }
}

/**
 * Resolves the names of `module` and of the modules nested in it, once per module object (later
 * calls return at once). Any front end's modules: it needs nothing but the AST.
 */
export function resolveNames(module: Module): void {
  if (resolved.has(module)) return;
  resolved.add(module);
  new ModuleNames(module).run();
}

class ModuleNames {
  private readonly declared = new Map<string, Unit>();
  private readonly moduleDecls = new Map<string, Declaration>();
  private readonly top = new Env(undefined);

  constructor(private readonly module: Module) {}

  run(): void {
    for (const u of this.module.units) for (const name of unitNames(u)) this.declared.set(name, u);
    for (const u of this.module.units) {
      if (u.kind === 'Submodule') resolveNames(u.module);
      else forEachUnitExpr(u, (child, binder) => this.expr(child, this.bind(binder, this.top)));
    }
    // A named theorem stands for its statement (`ASSUME T1`), which is no unit.
    for (const t of getExtras(this.module).theorems.values())
      if (t.statement) this.expr(t.statement, this.top);
  }

  private moduleDecl(name: string): Declaration {
    let d = this.moduleDecls.get(name);
    if (!d) {
      d = { kind: 'module', name, unit: this.declared.get(name) };
      this.moduleDecls.set(name, d);
    }
    return d;
  }

  private lookup(name: string, env: Env): Declaration {
    return env.lookup(name) ?? this.moduleDecl(name);
  }

  private expr(e: Expr, env: Env): void {
    switch (e.kind) {
      case 'Ident':
      case 'OpApp':
      case 'OpRef':
        refs.set(e, this.lookup(e.name, env));
        break;
      case 'Qualified':
        refs.set(e, this.lookup(e.path[0].name, env));
        break;
      case 'At': {
        const d = env.lookup('@');
        if (d) refs.set(e, d);
        break;
      }
      case 'Let': {
        // Every definition of the LET is in scope in all of them (RECURSIVE ones before theirs).
        const inner = new Env(env);
        for (const u of e.defs) {
          if ((u.kind === 'OpDef' || u.kind === 'FcnDef' || u.kind === 'Instance') && u.name)
            inner.add(this.declare(u, () => [{ kind: 'let', name: u.name!, unit: u }])[0]);
        }
        forEachChild(e, (child, binder) => this.expr(child, this.bind(binder, inner)));
        return;
      }
    }
    forEachChild(e, (child, binder) => this.expr(child, this.bind(binder, env)));
  }

  /** `env` with the names `binder` brings into scope. */
  private bind(binder: Binder | undefined, env: Env): Env {
    if (!binder) return env;
    const inner = new Env(env);
    for (const d of this.binderDecls(binder)) inner.add(d);
    return inner;
  }

  private binderDecls(binder: Binder): LocalDeclaration[] {
    if (!('kind' in binder))
      return this.declare(binder, () => [{ kind: 'at', name: '@', update: binder }]);
    switch (binder.kind) {
      case 'SetFilter':
      case 'Choose':
        return this.pattern(binder.bound.pattern);
      case 'SetMap':
      case 'FcnCtor':
      case 'Quant':
      case 'FcnDef':
        return binder.bounds.flatMap((b) => this.pattern(b.pattern));
      case 'OpDef':
      case 'Instance':
        return binder.params.flatMap((p) =>
          this.declare(p, () => [{ kind: 'param', name: p.name, arity: p.arity, range: p.range }]),
        );
      case 'Lambda':
        return this.declare(binder, () =>
          binder.params.map((name) => ({ kind: 'param', name, arity: 0, range: binder.range })),
        );
      case 'TemporalQuant':
        return this.declare(binder, () =>
          binder.names.map((name) => ({ kind: 'bound', name, range: binder.range })),
        );
      default:
        return [];
    }
  }

  private pattern(p: Pattern): LocalDeclaration[] {
    return this.declare(p, () =>
      (p.kind === 'Var' ? [p.name] : p.names).map((name) => ({
        kind: 'bound',
        name,
        range: p.range,
      })),
    );
  }

  /** The declarations of `site`, made the first time (a site shared by two places keeps one set). */
  private declare(site: DeclarationSite, make: () => LocalDeclaration[]): LocalDeclaration[] {
    let ds = sites.get(site);
    if (!ds) {
      ds = make();
      sites.set(site, ds);
    }
    return ds;
  }
}

/** The module-level names a unit declares. */
function unitNames(u: Unit): string[] {
  switch (u.kind) {
    case 'Variables':
      return u.names.map((n) => n.name);
    case 'Constants':
      return u.decls.map((d) => d.name);
    case 'OpDef':
    case 'FcnDef':
      return [u.name];
    case 'Instance':
    case 'Assume':
      return u.name ? [u.name] : [];
    default:
      return [];
  }
}
