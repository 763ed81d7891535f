/**
 * Builds a checkable model from parsed modules and a TLC config: the scope of every module (EXTENDS
 * shares bindings, INSTANCE substitutes constants and variables), the constants bound as the .cfg
 * says, and the behaviour spec split into its initial predicate, next-state action and the rest.
 */
import type { Expr, Module, Range, Unit } from '../tla/ast/ast';
import { getExtras } from '../tla/ast/module-extras';
import { declarationOf, resolveNames } from '../tla/ast/names';
import type { ModelConfig, CfgValue } from '../cfg/types';
import { type Value, ModelValue, SetValue } from '../core/values';
import { ConfigError, EvalError } from './errors';
import { type Binding, type DefInfo, Scope } from './scope';
import { isTlcJavaOverride } from './builtins/tlc-java';

const TLC_STANDARD_MODULES = new Set([
  'Naturals',
  'Integers',
  'Reals',
  'Sequences',
  'FiniteSets',
  'Bags',
  'TLC',
  'TLCExt',
  'Json',
  'Randomization',
  'RealTime',
  'Toolbox',
]);
import { Compiler } from './compile-expr';
import { ActionCompiler } from './compile-action';
import type { BuiltinTable, EvalServices } from './builtins/types';
import { nativeDefinition } from './builtins/library';

export class ModelError extends EvalError {}

export interface ModelParts {
  compiler: Compiler;
  actions: ActionCompiler;
  root: Scope;
  vars: string[];
  /** The initial predicate; `more` holds further conjuncts from other scopes (modules). */
  init?: { expr: Expr; scope: Scope; more?: { expr: Expr; scope: Scope }[] };
  next?: { expr: Expr; scope: Scope; name: string };
  /** Temporal conjuncts of the spec other than [][Next]_v (fairness): for liveness checking. */
  temporal: { expr: Expr; scope: Scope }[];
  /** The names of the main module's context as SANY builds it (`sanyContextNames`). */
  contextNames?: string[];
}

export class ModelBuilder {
  private moduleScopes = new Map<string, Scope>();
  /** Every module scope built, instances included. */
  private readonly allScopes: Scope[] = [];
  private readonly nativeBindings = new Map<string, Binding>();
  /** Definitions the .cfg replaces (`Foo = 3`, `Seq <- BoundedSeq`): what they are replaced by. */
  private readonly replaced = new Map<Binding, Binding>();
  readonly vars: string[] = [];
  private varBindings = new Map<string, Binding>();
  readonly compiler: Compiler;
  readonly actions!: ActionCompiler;
  private readonly base: Scope;

  constructor(
    private readonly modules: Map<string, Module>,
    private readonly config: ModelConfig,
    builtins: BuiltinTable,
    services: EvalServices,
  ) {
    // The names phase, once per module (a module already resolved returns at once).
    for (const m of modules.values()) resolveNames(m);
    this.compiler = new Compiler(builtins, services);
    this.compiler.instantiate = (b, args) => this.instantiate(b, args);
    // Module scopes sit on an empty base: built-ins are consulted after every scope.
    this.base = new Scope(null, { depth: 0, size: 0 });
  }

  build(mainName: string): ModelParts {
    const main = this.module(mainName, undefined);
    const root = this.rootScope(main, mainName);
    // Variables are declared while the scopes are built: only now is their number known.
    (this as { actions: ActionCompiler }).actions = new ActionCompiler(
      this.compiler,
      this.vars.length,
    );
    return {
      compiler: this.compiler,
      actions: this.actions,
      root,
      vars: this.vars,
      temporal: [],
      contextNames: sanyContextNames(main, this.modules),
    };
  }

  private module(name: string, range: Range | undefined): Module {
    const m = this.modules.get(name);
    if (!m) throw new ModelError(`Cannot find the module ${name}`, range);
    return m;
  }

  private rootScope(main: Module, name: string): Scope {
    const sc = this.moduleScope(main, name, new Map());
    this.applyDefinitionOverrides(sc);
    return sc;
  }

  /**
   * The scope of a module in the root context (not instantiated): constants from the .cfg,
   * variables shared with every module that declares the same name through EXTENDS.
   */
  private moduleScope(
    mod: Module,
    key: string,
    subst: Map<string, Binding>,
    depth = 0,
    inInstance = false,
  ): Scope {
    const cacheKey = inInstance ? undefined : key;
    if (cacheKey && this.moduleScopes.has(cacheKey)) return this.moduleScopes.get(cacheKey)!;
    const sc = new Scope(this.base, { depth, size: 0 });
    if (cacheKey) this.moduleScopes.set(cacheKey, sc);
    this.allScopes.push(sc);
    for (const ext of mod.extends) {
      const em = this.module(ext.name, ext.range);
      const esc = this.moduleScope(
        em,
        inInstance ? `${key}/${ext.name}` : ext.name,
        subst,
        depth,
        inInstance,
      );
      for (const [n, b] of esc.own()) if (!isLocal(em, n)) sc.define(n, this.replaced.get(b) ?? b);
    }
    for (const u of mod.units) this.unit(u, sc, mod, subst, inInstance);
    // A named THEOREM / LEMMA stands for its statement (TLC evaluates `ASSUME T1`, `P(S)!Lemma`).
    for (const t of getExtras(mod).theorems.values()) {
      if (!t.statement || sc.has(t.name)) continue;
      sc.define(t.name, {
        k: 'def',
        def: {
          name: t.name,
          kind: 'op',
          params: [],
          body: t.statement,
          range: t.range,
          scope: sc,
          compiled: new Map(),
        },
      });
    }
    // `Nat <- [ZSequences] ZSeqNat`: a name the module has from elsewhere (a built-in, another
    // module) replaced there. The module's own definitions are replaced in unit().
    for (const a of this.config.constants) {
      if (a.kind === 'moduleReplace' && a.module === mod.name && !definesItself(mod, a.name)) {
        const ov = this.moduleOverride(mod.name, a.name);
        if (ov) sc.define(a.name, ov);
      }
    }
    return sc;
  }

  private unit(
    u: Unit,
    sc: Scope,
    mod: Module,
    subst: Map<string, Binding>,
    inInstance: boolean,
  ): void {
    switch (u.kind) {
      case 'Variables':
        for (const v of u.names) {
          const s = subst.get(v.name);
          // A variable of an instantiated module: ENABLED there treats its primed value as free.
          if (s && s.k === 'subst') s.isVar = true;
          if (s) sc.define(v.name, s);
          else if (inInstance)
            throw new ModelError(
              `The variable ${v.name} of ${mod.name} has no substitution in the INSTANCE`,
              v.range,
            );
          else sc.define(v.name, this.variable(v.name));
        }
        return;
      case 'Constants':
        for (const c of u.decls) {
          // `N <- [Mod] Op` in the .cfg wins over the instance's (implicit) substitution.
          const ov = inInstance ? this.moduleOverride(mod.name, c.name) : undefined;
          const s = ov ?? subst.get(c.name);
          if (s) sc.define(c.name, s);
          else if (inInstance) {
            throw new ModelError(
              `The constant ${c.name} of ${mod.name} has no substitution in the INSTANCE`,
              c.range,
            );
          } else sc.define(c.name, this.constant(c.name, c.arity, c.range, sc, mod.name));
        }
        return;
      case 'OpDef': {
        const ov = this.moduleOverride(mod.name, u.name);
        if (ov) {
          sc.define(u.name, ov);
          return;
        }
        const def: DefInfo = {
          name: u.name,
          kind: 'op',
          params: u.params,
          body: u.body,
          range: u.range,
          scope: sc,
          compiled: new Map(),
        };
        // A library module's operator implemented natively, as TLC's Java overrides; the native
        // code may leave unusual arguments to the definition's text (at module level only).
        const text = sc.depth === 0 ? () => this.compiler.definitionAsFunction(def) : undefined;
        const builtin = nativeDefinition(mod.name, u.name, u.params.length, text);
        if (builtin) {
          // One binding per module and name, whatever instance it is reached through: a `.cfg`
          // replacement (`Seq <- BoundedSeq`) then reaches it everywhere, as TLC's does.
          const key = `${mod.name}!${u.name}`;
          let b = this.nativeBindings.get(key);
          if (!b) {
            // TLC's own modules are Java in tla2tools.jar; the community modules' overrides are
            // in a jar of their own, which the TLC we compare with does not load.
            const javaInTlc =
              isTlcJavaOverride(mod.name, u.name) || TLC_STANDARD_MODULES.has(mod.name);
            b = { k: 'builtin', name: u.name, builtin, def, javaInTlc };
            this.nativeBindings.set(key, b);
          }
          sc.define(u.name, this.replaced.get(b) ?? b);
          return;
        }
        sc.define(u.name, { k: 'def', def });
        return;
      }
      case 'FcnDef':
        sc.define(u.name, {
          k: 'def',
          def: {
            name: u.name,
            kind: 'fcn',
            params: [],
            bounds: u.bounds,
            body: u.body,
            range: u.range,
            scope: sc,
            compiled: new Map(),
          },
        });
        return;
      case 'Instance': {
        if (u.name) {
          sc.define(u.name, { k: 'instance', name: u.name, params: u.params, unit: u, scope: sc });
          return;
        }
        // Unnamed INSTANCE: the module's definitions join this scope.
        const isc = this.instantiate({
          k: 'instance',
          name: `(${u.module})`,
          params: [],
          unit: u,
          scope: sc,
        });
        const im = this.module(u.module, u.moduleRange);
        for (const [n, b] of isc.own()) {
          if ((b.k === 'def' || b.k === 'builtin') && !isLocal(im, n))
            sc.define(n, this.replaced.get(b) ?? b);
          if (b.k === 'instance') sc.define(n, b);
        }
        return;
      }
      case 'Submodule':
        this.modules.set(u.module.name, u.module);
        return;
      case 'Assume':
        // A named assumption is also a definition: `ASSUME PaxosAssume == …` then `ASSUME PaxosAssume`.
        if (u.name) {
          sc.define(u.name, {
            k: 'def',
            def: {
              name: u.name,
              kind: 'op',
              params: [],
              body: u.expr,
              range: u.range,
              scope: sc,
              compiled: new Map(),
            },
          });
        }
        return;
      case 'Recursive':
        return;
    }
  }

  /**
   * Builds (once) the scope of an instantiated module with its substitutions. With `args` (the
   * arguments of `I(a, b)!Op`, expressions of `argScope`), a scope of its own where the instance's
   * parameters are those expressions, not the slots of a frame: for temporal formulas, which the
   * liveness checker evaluates outside any frame.
   */
  instantiate(
    b: Extract<Binding, { k: 'instance' }>,
    args?: { exprs: Expr[]; scope: Scope },
  ): Scope {
    if (b.modScope && !args) return b.modScope;
    const u = b.unit;
    const mod = this.module(u.module, u.moduleRange);
    let exprScope = b.scope;
    if (args) {
      exprScope = b.scope.child();
      b.params.forEach((p, i) =>
        exprScope.define(
          p.name,
          { k: 'subst', expr: args.exprs[i], scope: args.scope, name: p.name },
          declarationOf(p),
        ),
      );
    } else if (b.params.length > 0) {
      exprScope = b.scope.newFrame();
      for (const p of b.params) exprScope.bindLocal(p.name, p.arity, declarationOf(p));
    }
    const subst = new Map<string, Binding>();
    for (const s of u.subs)
      subst.set(s.name, { k: 'subst', expr: s.expr, scope: exprScope, name: s.name });
    // Implicit substitution: a constant or variable of M with the same name in scope.
    const variables = new Set(declaredNames(mod, this.modules, new Set(), true));
    for (const decl of declaredNames(mod, this.modules)) {
      if (subst.has(decl)) continue;
      // The instance's own parameters count: `P(Succ) == INSTANCE M` substitutes M's Succ.
      const same = exprScope.lookup(decl);
      if (
        same &&
        (same.k === 'var' ||
          same.k === 'const' ||
          same.k === 'subst' ||
          same.k === 'def' ||
          same.k === 'local')
      ) {
        // A variable replaced by a definition (`terminationDetected == …` in the instantiator) is
        // a substitution too, so that ENABLED in the instance knows it for a variable.
        const wrap = same.k === 'local' || (same.k === 'def' && variables.has(decl));
        subst.set(
          decl,
          wrap
            ? {
                k: 'subst',
                expr: { kind: 'Ident', name: decl, range: u.range },
                scope: exprScope,
                name: decl,
              }
            : same,
        );
      }
    }
    const modScope = this.moduleScope(mod, `${b.name}@${u.module}`, subst, exprScope.depth, true);
    for (const [, d] of modScope.own()) if (d.k === 'def') d.def.via ??= u.range;
    if (!args) b.modScope = modScope;
    return modScope;
  }

  private variable(name: string): Binding {
    let b = this.varBindings.get(name);
    if (!b) {
      b = { k: 'var', index: this.vars.length, name };
      this.vars.push(name);
      this.varBindings.set(name, b);
    }
    return b;
  }

  private constantBindings = new Map<string, Binding>();

  private constant(name: string, arity: number, range: Range, sc: Scope, module: string): Binding {
    const existing = this.constantBindings.get(name);
    if (existing) return existing;
    // `N = [M] v` for a constant of M, or plain `N = v` / `N <- Op`.
    const a =
      this.config.constants.find(
        (c) => c.name === name && (c.kind === 'replace' || (c.kind === 'value' && !c.module)),
      ) ??
      this.config.constants.find(
        (c) => c.name === name && c.kind === 'value' && c.module === module,
      );
    // Every constant of the root context (the main module and what it extends; an instance's are
    // substituted) must have a value from the .cfg, whether or not the search would meet it: TLC
    // refuses the model before any state. Left to the first use, a constant the reachable states
    // never read would give "no error" where TLC gives this one.
    if (!a)
      throw new ConfigError(
        `The constant parameter ${name} is not assigned a value by the configuration file`,
        range,
      );
    let b: Binding;
    if (a.kind === 'value') {
      b = { k: 'const', name, value: cfgValue(a.value) };
    } else {
      b = {
        k: 'subst',
        name,
        scope: sc,
        expr: { kind: 'Ident', name: a.kind === 'replace' ? a.by : name, range: a.range },
      };
      // `N <- Op`: Op is looked up in the root module when N is used (see applyDefinitionOverrides).
      this.pendingReplacements.push({
        name,
        by: a.kind === 'replace' ? a.by : name,
        binding: b,
        arity,
      });
    }
    this.constantBindings.set(name, b);
    return b;
  }

  private pendingReplacements: { name: string; by: string; binding: Binding; arity: number }[] = [];

  /**
   * What the .cfg puts in place of `name` in module `module`: `name <- [module] Op` or
   * `name = [module] value`. Applies wherever the module is used, through EXTENDS or INSTANCE (as
   * `N!name`), so a definition TLC never evaluates (an unbounded CHOOSE) is never evaluated here.
   */
  private moduleOverride(module: string, name: string): Binding | undefined {
    const a = this.config.constants.find(
      (c) =>
        (c.kind === 'moduleReplace' || (c.kind === 'value' && c.module !== undefined)) &&
        c.module === module &&
        c.name === name,
    );
    if (!a) return undefined;
    if (a.kind === 'value') return { k: 'const', name, value: cfgValue(a.value) };
    if (a.kind !== 'moduleReplace') return undefined;
    // The root scope is the first one built; it may still be under construction, so the
    // replacement is looked up when it is compiled.
    const root = this.moduleScopes.values().next().value as Scope;
    return { k: 'subst', expr: { kind: 'Ident', name: a.by, range: a.range }, scope: root, name };
  }

  /**
   * `N <- Op` binds N to Op's definition in the root module (Op usually lives in an MC module that
   * extends the spec). `Foo = v` and `Foo <- Op` may also override a *definition*, as TLC allows.
   */
  private applyDefinitionOverrides(root: Scope): void {
    for (const r of this.pendingReplacements) {
      const target = root.lookup(r.by);
      if (!target)
        throw new ConfigError(`The model replaces ${r.name} by ${r.by}, which is not defined`);
      const sb = r.binding as Extract<Binding, { k: 'subst' }>;
      sb.scope = root;
      if (target.k === 'def' && target.def.params.length > 0) {
        // An operator constant: rebind every scope's entry to the definition itself.
        for (const sc of this.moduleScopes.values()) if (sc.has(r.name)) sc.define(r.name, target);
      }
    }
    for (const a of this.config.constants) {
      const cur = root.lookup(a.name);
      // `Seq <- BoundedSeq`: a built-in operator replaced by a definition of the model.
      if (!cur && a.kind === 'replace') {
        const t = root.lookup(a.by);
        if (!t)
          throw new ConfigError(
            `The model replaces ${a.name} by ${a.by}, which is not defined`,
            a.range,
          );
        // The base scope sits under every module scope, instances included.
        this.base.define(a.name, t);
        continue;
      }
      if (!cur || (cur.k !== 'def' && cur.k !== 'builtin')) continue;
      if (a.kind === 'value' && a.module) continue; // per module: moduleOverride
      let nb: Binding | undefined;
      if (a.kind === 'value') nb = { k: 'const', name: a.name, value: cfgValue(a.value) };
      else if (a.kind === 'replace') {
        const t = root.lookup(a.by);
        if (!t)
          throw new ConfigError(
            `The model replaces ${a.name} by ${a.by}, which is not defined`,
            a.range,
          );
        nb = t;
      }
      if (!nb) continue;
      for (const sc of this.moduleScopes.values()) if (sc.has(a.name)) sc.define(a.name, nb);
      // The same definition reached through instances, and in instances built later.
      this.replaced.set(cur, nb);
      for (const sc of this.allScopes)
        if (sc.has(a.name) && sc.lookup(a.name) === cur) sc.define(a.name, nb);
    }
  }

  /** Splits the behaviour spec: `Init /\ [][Next]_v /\ fairness`. */
  specParts(parts: ModelParts): void {
    const cfg = this.config;
    const root = parts.root;
    if (cfg.specification) {
      const inits: { expr: Expr; scope: Scope }[] = [];
      const temporal = (e: Expr, sc: Scope) => isTemporal(e, sc, this.compiler);
      const visit = (e: Expr, sc: Scope): void => {
        if (e.kind === 'And') return e.args.forEach((a) => visit(a, sc));
        // A definition standing for (part of) the spec, here or in an instance (`Spec == I!FairSpec`),
        // maybe with parameters (`Spec == SpecOf(N)`): its body, in its module's scope.
        const called = temporal(e, sc) ? definitionCalled(e, sc, this.compiler) : undefined;
        if (called) return visit(called.body, called.scope);
        if (
          e.kind === 'OpApp' &&
          e.name === '[]' &&
          e.args[0].kind === 'StepExpr' &&
          e.args[0].box
        ) {
          if (parts.next)
            throw new ModelError(
              'The specification has more than one [][Next]_v conjunct',
              e.range,
            );
          parts.next = { expr: e.args[0].action, scope: sc, name: actionName(e.args[0].action) };
          return;
        }
        if (temporal(e, sc)) {
          parts.temporal.push({ expr: e, scope: sc });
          return;
        }
        inits.push({ expr: e, scope: sc });
      };
      const spec = root.lookup(cfg.specification.name);
      if (!spec || spec.k !== 'def')
        throw new ConfigError(
          `The specification ${cfg.specification.name} is not defined`,
          cfg.specification.range,
        );
      visit(spec.def.body, spec.def.scope);
      if (inits.length === 1) parts.init = inits[0];
      else if (inits.length > 1)
        parts.init = { expr: inits[0].expr, scope: inits[0].scope, more: inits.slice(1) };
    } else {
      // A name the .cfg gives that the spec does not define is the config's error, as TLC's.
      for (const [what, named] of [
        ['initial predicate', cfg.init],
        ['next-state action', cfg.next],
      ] as const) {
        if (named && !root.lookup(named.name))
          throw new ConfigError(
            `The ${what} ${named.name} specified in the configuration file is not defined in the specification`,
            named.range,
          );
      }
      if (cfg.init)
        parts.init = {
          expr: { kind: 'Ident', name: cfg.init.name, range: cfg.init.range },
          scope: root,
        };
      if (cfg.next)
        parts.next = {
          expr: { kind: 'Ident', name: cfg.next.name, range: cfg.next.range },
          scope: root,
          name: cfg.next.name,
        };
    }
  }
}

function actionName(e: Expr): string {
  if (e.kind === 'Ident' || e.kind === 'OpApp') return e.name;
  if (e.kind === 'Qualified') return e.name;
  return 'Next';
}

/**
 * The body of the user definition that `e` calls, with its parameters bound to the arguments in a
 * scope of its own: `Spec`, `I!FairSpec`, `SpecOf(3)`. Undefined when `e` calls no definition.
 */
function definitionCalled(
  e: Expr,
  sc: Scope,
  compiler: Compiler,
): { body: Expr; scope: Scope } | undefined {
  let def: DefInfo | undefined;
  let args: Expr[] = [];
  if (e.kind === 'Ident' || e.kind === 'OpApp') {
    const b = sc.resolve(e, e.name);
    if (b && b.k === 'def') def = b.def;
    if (e.kind === 'OpApp') args = e.args;
  } else if (e.kind === 'Qualified') {
    if (e.path.some((p) => p.args.length > 0)) {
      throw new ModelError(
        `The specification reaches ${e.path.map((p) => p.name).join('!')}!${e.name} through an instance with parameters, which specstage does not check yet`,
        e.range,
      );
    }
    const r = compiler.resolveQualified(e, sc);
    if (r.target.k === 'def') def = r.target.def;
    args = e.args;
  }
  if (
    !def ||
    def.kind !== 'op' ||
    def.params.length !== args.length ||
    def.params.some((p) => p.arity > 0)
  )
    return undefined;
  if (args.length === 0) return { body: def.body, scope: def.scope };
  // The arguments stay expressions of the caller, evaluated where they stand.
  const inner = def.scope.child();
  def.params.forEach((p, i) =>
    inner.define(p.name, { k: 'subst', expr: args[i], scope: sc, name: p.name }, declarationOf(p)),
  );
  return { body: def.body, scope: inner };
}

/**
 * Does the expression contain temporal operators, also through definitions, operators with
 * parameters and instances (`I!FairSpec`)?
 */
export function isTemporal(
  e: Expr,
  sc: Scope,
  compiler?: Compiler,
  seen = new Set<DefInfo>(),
): boolean {
  const inDef = (def: DefInfo): boolean => {
    if (seen.has(def)) return false;
    seen.add(def);
    return isTemporal(def.body, def.scope, compiler, seen);
  };
  switch (e.kind) {
    case 'StepExpr':
    case 'Fairness':
    case 'TemporalQuant':
      return true;
    case 'OpApp': {
      if (e.name === '[]' || e.name === '<>' || e.name === '~>' || e.name === '-+->') return true;
      if (e.args.some((a) => isTemporal(a, sc, compiler, seen))) return true;
      const b = sc.resolve(e, e.name);
      return !!b && b.k === 'def' && b.def.kind === 'op' && inDef(b.def);
    }
    case 'And':
    case 'Or':
      return e.args.some((a) => isTemporal(a, sc, compiler, seen));
    case 'Quant':
      return isTemporal(e.body, sc, compiler, seen);
    case 'If':
      return [e.then, e.else_].some((a) => isTemporal(a, sc, compiler, seen));
    case 'Case':
      return [...e.arms.map((a) => a.body), ...(e.other ? [e.other] : [])].some((a) =>
        isTemporal(a, sc, compiler, seen),
      );
    case 'Let':
      return isTemporal(e.body, compiler ? compiler.letScope(e.defs, sc) : sc, compiler, seen);
    case 'Ident': {
      const b = sc.resolve(e, e.name);
      return !!b && b.k === 'def' && b.def.params.length === 0 && inDef(b.def);
    }
    case 'Qualified': {
      if (!compiler) return false;
      try {
        const r = compiler.resolveQualified(e, sc);
        return r.target.k === 'def' && inDef(r.target.def);
      } catch {
        return false; // reported where the name is compiled
      }
    }
    default:
      return false;
  }
}

/** Whether one of the module's own units defines or declares `name`. */
function definesItself(mod: Module, name: string): boolean {
  return mod.units.some(
    (u) =>
      ((u.kind === 'OpDef' || u.kind === 'FcnDef' || u.kind === 'Instance') &&
        (u as { name?: string }).name === name) ||
      (u.kind === 'Constants' && u.decls.some((d) => d.name === name)) ||
      (u.kind === 'Variables' && u.names.some((v) => v.name === name)),
  );
}

function isLocal(mod: Module, name: string): boolean {
  return mod.units.some(
    (u) =>
      (u.kind === 'OpDef' || u.kind === 'FcnDef' || (u.kind === 'Instance' && u.name)) &&
      u.local &&
      (u as { name?: string }).name === name,
  );
}

/**
 * The names of a module's context in the order SANY adds them (after its built-ins): what the
 * extended modules export (their constants, variables and non-LOCAL definitions, with what they
 * extend or instantiate without LOCAL), then the module's own declarations and definitions, LOCAL
 * ones included, an unnamed INSTANCE contributing the instantiated module's exported definitions.
 * TLC's order of the variables derives from it (check/model/tlc-variable-order.ts).
 */
export function sanyContextNames(mod: Module, modules: Map<string, Module>): string[] {
  const out = new Set<string>();
  const exported = (m: Module, asInstance: boolean, own: boolean, seen: Set<string>): void => {
    if (seen.has(m.name)) return;
    seen.add(m.name);
    for (const e of m.extends) {
      const em = modules.get(e.name);
      if (em) exported(em, asInstance, false, seen);
    }
    for (const u of m.units) {
      switch (u.kind) {
        case 'Variables':
          if (!asInstance) for (const n of u.names) out.add(n.name);
          break;
        case 'Constants':
          if (!asInstance) for (const d of u.decls) out.add(d.name);
          break;
        case 'Recursive':
          for (const d of u.decls) out.add(d.name);
          break;
        case 'OpDef':
        case 'FcnDef':
          if (own || !u.local) out.add(u.name);
          break;
        case 'Instance':
          if (!own && u.local) break;
          if (u.name) out.add(u.name);
          else {
            const im = modules.get(u.module);
            if (im) exported(im, true, false, new Set(seen));
          }
          break;
        case 'Assume':
          if (u.name) out.add(u.name);
          break;
      }
    }
    for (const t of getExtras(m).theorems.values()) out.add(t.name);
  };
  exported(mod, false, true, new Set());
  return [...out];
}

/** Constants and variables a module declares, including through EXTENDS. */
function declaredNames(
  mod: Module,
  modules: Map<string, Module>,
  seen = new Set<string>(),
  variablesOnly = false,
): string[] {
  if (seen.has(mod.name)) return [];
  seen.add(mod.name);
  const out: string[] = [];
  for (const e of mod.extends) {
    const em = modules.get(e.name);
    if (em) out.push(...declaredNames(em, modules, seen, variablesOnly));
  }
  for (const u of mod.units) {
    if (u.kind === 'Variables') out.push(...u.names.map((n) => n.name));
    if (u.kind === 'Constants' && !variablesOnly) out.push(...u.decls.map((d) => d.name));
  }
  return out;
}

export function cfgValue(v: CfgValue): Value {
  switch (v.kind) {
    case 'int':
      return v.value;
    case 'string':
      return v.value;
    case 'bool':
      return v.value;
    case 'modelValue':
      return ModelValue.of(v.name);
    case 'set':
      return SetValue.of(v.elems.map(cfgValue));
  }
}
