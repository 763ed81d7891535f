/**
 * Compile-time scopes: what each name means where it is used. The compiler resolves every name to
 * a binding once, so the closures it produces never look names up at run time.
 *
 * A name local to a definition (a bound variable, a parameter, `@`, a LET definition) is found
 * through its declaration, which the names phase (tla/names.ts) resolved once per module: a binder
 * binds its declarations here as it is compiled, and `resolve` reads the occurrence's. A name of
 * the module is found by its spelling: the model builder (model.ts) links those, as the .cfg and
 * INSTANCE substitutions say.
 *
 * Run-time frames: every operator call (and every LAMBDA) gets a `Frame` holding its parameters
 * and the slots of the binders in its body (quantifiers, CHOOSE, set and function constructors).
 * A frame's `up` is the frame the operator was defined in (a static link), so a LET-defined
 * operator sees the bound variables around its definition.
 */
import type { Expr, Param, Bound, Range, Unit } from '../tla/ast/ast';
import type { Value } from '../core/values';
import type { InitSplit } from './init-split';
import type { Builtin } from './builtins/types';
import { type LocalDeclaration, refOf } from '../tla/ast/names';

export interface Frame {
  v: Value[];
  up: Frame | null;
}

export interface Ctx {
  /** The current state (in Init enumeration: partially assigned). */
  s: Value[];
  /** The next state being built (action enumeration), or null in state-level evaluation. */
  n: Value[] | null;
  f: Frame | null;
  /** The action label being built during successor enumeration (see compile-action.ts). */
  lab?: ActionLabel;
  /** Whether to build labels at all: the search needs them only for the graph and for traces. */
  wantLabels?: boolean;
  /**
   * Set by the simulator, which picks an action before a successor: the branches taken so far at
   * Next's splitting positions (a disjunct's index; an element's index of a `\E` over a constant
   * set, but for Quint's `nondet`), which together name TLC's action (see compile-action.ts).
   */
  actionPath?: number[];
  /** Inside a `\E` TLC does not split (its set depends on the state): actionPath stays as it is. */
  actionFrozen?: boolean;
  /**
   * While ENABLED A is evaluated in an instantiated module: that module's variables (replaced by
   * expressions of the instantiator) and the slot of `n` standing for each one's next value.
   * Their primed occurrences are fresh values there, not the mapping primed (see ActionCompiler.enabled).
   */
  cut?: Map<Binding, number>;
  /**
   * Values of top-level definitions without parameters, by compiled body, for the states they were
   * computed in. Set only by callers whose `s` and `n` are complete states that are not changed in
   * place (property checks); ENABLED and \cdot, which build next states, turn it off inside.
   */
  memo?: Map<object, MemoEntry>;
  /** Set by ENABLED's continuation once a next state is found: enumerators stop (return) at once. */
  halt?: boolean;
  /**
   * Middle states of `A \cdot B` computed since the search last took the count
   * (ModelRuntime.takeComposed): TLC counts them among the states generated.
   */
  composed?: number;
  /** While the initial states are shared between workers: the loops of Init deal their iterations out (init-split.ts). */
  split?: InitSplit;
}

export interface MemoEntry {
  s: Value[];
  n: Value[] | null;
  v: Value;
}

/** The action that produced a successor: the operator's name, its parameters, its definition. */
export interface ActionLabel {
  name: string;
  /** The operator's arguments, then the variables `\E` bound inside it (`bound`). */
  params: { name: string; value: Value; bound?: boolean }[];
  /** What TLC shows for the step: the innermost disjunct, `\E` body or operator body split off. */
  range: Range;
  /**
   * Where TLC stops splitting (a `\E` over a set that depends on the state, a call whose
   * arguments read the state, a definition of an instantiated module): the range stays.
   */
  frozen?: boolean;
  /**
   * Below such a point, what TLC names the step (its operator and arguments) when `name` and
   * `params` have moved on to the operators called inside, which the views show.
   */
  shown?: { name: string; params: Value[] };
}

/** What TLC names a step labelled `l`: `l.shown`, else its name and own (not `\E`) parameters. */
export function shownLabel(l: ActionLabel): { name: string; params: Value[] } {
  return l.shown ?? { name: l.name, params: l.params.filter((p) => !p.bound).map((p) => p.value) };
}

/** A user definition: operator or recursive function, in some module (instance). */
export interface DefInfo {
  name: string;
  kind: 'op' | 'fcn';
  params: Param[];
  /** For `f[x \in S] == e`. */
  bounds?: Bound[];
  body: Expr;
  range: Range;
  /** The scope the body is compiled in (its module instance, or the LET it is in). */
  scope: Scope;
  /** Memoised compiled forms, keyed by mode. */
  compiled: Map<string, unknown>;
  /**
   * The INSTANCE statement the definition was instantiated by (a definition of an instantiated
   * module): TLC names a step of it by that statement, and splits it no further.
   */
  via?: Range;
  /** For zero-parameter defs: undefined = not analysed, else whether the value is constant. */
  constant?: boolean;
  constantValue?: { v: Value };
  /** Set while the constant analysis is in progress (recursion guard). */
  analysing?: boolean;
  /**
   * A LET definition without parameters whose value is kept, once computed, for the rest of the
   * LET's evaluation (as TLC's LazyValue): the slots of the enclosing frame holding it, unprimed
   * and primed. Cleared when the LET is entered again.
   */
  letSlots?: { v: number; vp: number };
}

export type Binding =
  | { k: 'var'; index: number; name: string }
  /** A constant bound by the .cfg (value) or by `<-` (an operator replacing it). */
  | { k: 'const'; name: string; value: Value }
  | { k: 'def'; def: DefInfo }
  /** A bound variable or a parameter: slot `index` of the frame at `depth`. */
  | { k: 'local'; depth: number; index: number; name: string; arity: number }
  /** A constant or variable of an instantiated module, replaced by an expression of the instantiator. */
  | {
      k: 'subst';
      expr: Expr;
      scope: Scope;
      name: string;
      isVar?: boolean;
      /** An operator's argument TLC evaluates before the search: in an action, a value. */
      byValue?: boolean;
    }
  /** A library module's operator implemented natively (builtins/library.ts) instead of by its TLA+ definition. */
  | {
      k: 'builtin';
      name: string;
      builtin: Builtin;
      /** Its TLA+ definition, and whether TLC too runs Java for it (evaluating every argument). */
      def?: DefInfo;
      javaInTlc?: boolean;
    }
  /** A named INSTANCE: `I!Op`, `I(x)!Op` */
  | {
      k: 'instance';
      name: string;
      params: Param[];
      unit: Extract<Unit, { kind: 'Instance' }>;
      scope: Scope;
      modScope?: Scope;
    };

/** Slot allocation for one frame; shared by all scopes in the same operator body. */
export interface FrameLayout {
  depth: number;
  size: number;
}

export class Scope {
  private names = new Map<string, Binding>();
  private decls: Map<LocalDeclaration, Binding> | undefined;
  constructor(
    readonly parent: Scope | null,
    readonly layout: FrameLayout,
    /** A fallback consulted after this scope's own names and before the parent (built-ins). */
    readonly fallback: ((name: string) => Binding | undefined) | null = null,
  ) {}

  get depth(): number {
    return this.layout.depth;
  }

  /** Binds `name` here, and `decl`, the declaration it is (names.ts), when there is one. */
  define(name: string, b: Binding, decl?: LocalDeclaration): void {
    this.names.set(name, b);
    if (decl) (this.decls ??= new Map()).set(decl, b);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  own(): IterableIterator<[string, Binding]> {
    return this.names.entries();
  }

  lookup(name: string): Binding | undefined {
    const b = this.names.get(name);
    if (b) return b;
    if (this.fallback) {
      const fb = this.fallback(name);
      if (fb) return fb;
    }
    return this.parent?.lookup(name);
  }

  /** The binding of a local declaration in this scope or the ones around it. */
  lookupDecl(d: LocalDeclaration): Binding | undefined {
    return this.decls?.get(d) ?? this.parent?.lookupDecl(d);
  }

  /**
   * The binding of the name occurrence `e`, spelt `name`: through its declaration when the names
   * phase found it local to a definition, else by its spelling (a name of the module, or an
   * expression no front end made). Undefined for a local whose binder is not compiled yet: one
   * bound inside an expression being analysed (an analysis does not bind, and never takes it for
   * another name spelt the same).
   */
  resolve(e: Expr, name: string): Binding | undefined {
    const d = refOf(e);
    if (d === undefined || d.kind === 'module') return this.lookup(name);
    return this.lookupDecl(d);
  }

  /** A child scope in the same frame (for binders and LET). */
  child(): Scope {
    return new Scope(this, this.layout);
  }

  /** A child scope for a new frame (operator body, LAMBDA). */
  newFrame(): Scope {
    return new Scope(this, { depth: this.layout.depth + 1, size: 0 });
  }

  /** Allocate a slot in the current frame for a bound variable. */
  bindLocal(name: string, arity = 0, decl?: LocalDeclaration): Extract<Binding, { k: 'local' }> {
    const b = {
      k: 'local' as const,
      depth: this.layout.depth,
      index: this.layout.size++,
      name,
      arity,
    };
    this.names.set(name, b);
    if (decl) (this.decls ??= new Map()).set(decl, b);
    return b;
  }
}

/** The frame `hops` levels up from `f`. */
export function frameUp(f: Frame | null, hops: number): Frame | null {
  let fr = f;
  for (let i = 0; i < hops; i++) fr = fr!.up;
  return fr;
}
