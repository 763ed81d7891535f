/**
 * The TLA+ abstract syntax tree: what the front end (tree-sitter CST → AST) produces and what the
 * evaluator compiles. It is semantic, not syntactic: parentheses, comments, labels (`P1:: e`),
 * proofs and bullet layout are gone, and every operator symbol is spelt one canonical ASCII way.
 *
 * Names are not resolved here: an `Ident` or `OpApp` names a variable, constant, bound variable,
 * operator or built-in by its spelling; the compiler binds names to slots (DESIGN.md, "compile,
 * don't walk"), and the front end's own checker reports undefined names and wrong arities.
 *
 * Every node carries a `range` so that an evaluation error, a diagnostic or an action label can point
 * at the source. Lines and columns are 1-based; columns count UTF-16 code units (what Monaco and
 * JavaScript strings use), and `end` is exclusive.
 */

export interface Position {
  line: number;
  column: number;
}

export interface Range {
  /** Module name (not file path) the node comes from. */
  module: string;
  start: Position;
  end: Position;
}

/** A range as TLC prints it: `line 3, col 5 to line 3, col 12 of module M` (inclusive columns). */
export function tlcLocation(r: Range): string {
  return `line ${r.start.line}, col ${r.start.column} to line ${r.end.line}, col ${r.end.column - 1} of module ${r.module}`;
}

/**
 * Canonical spellings of the built-in operator symbols. The front end maps every alternative
 * spelling to these: `\land` and `∧` → `/\`, `\lor` → `\/`, `\lnot`, `\neg` and `¬` → `~`,
 * `/=` and `≠` → `#`, `=<` and `\leq` → `<=`, `\geq` → `>=`, `\intersect` → `\cap`,
 * `\union` → `\cup`, `\o` → `\o` (`\circ` also → `\o`), `\equiv` → `<=>`, `\subseteq` as is,
 * `\notin` as is, `\times` → `\X`, unary minus → `-.`, and so on.
 *
 * User-defined operators with symbolic names (e.g. `a ++ b == …`, `a \oplus b == …`) are
 * `OpDef`s whose `name` is the canonical symbol; applications of them are `OpApp`s with that name,
 * exactly like applications of the built-ins. The compiler looks a symbol up in the module scope
 * first, then among the built-ins.
 */
export type BuiltinSymbol = string;

interface NodeBase {
  range: Range;
}

/** A bound variable pattern: `x` or a tuple `<<x, y>>`. */
export type Pattern =
  | { kind: 'Var'; name: string; range: Range }
  | { kind: 'TuplePattern'; names: string[]; range: Range };

/**
 * One bound: `x \in S`, `<<x, y>> \in S`, or an unbounded `x` (set undefined, only in `\E x : P`,
 * `\A x : P`, `CHOOSE x : P`). `x, y \in S` is two bounds sharing the same `set` expression.
 */
export interface Bound {
  pattern: Pattern;
  set?: Expr;
}

/** `f[a]` path step or `.field` path step inside EXCEPT. `!.a` is a field; `![x, y]` an index. */
export type ExceptPathStep =
  | { kind: 'Index'; args: Expr[] } // `![a]` → args [a]; `![a, b]` → args [a, b] (a tuple index)
  | { kind: 'Field'; name: string };

export interface ExceptUpdate {
  path: ExceptPathStep[];
  value: Expr; // may contain `At` (`@`), meaning the old value at `path`
}

/** A qualified reference step: `I(x)!` in `I(x)!Op(a)`. */
export interface InstanceStep {
  name: string;
  args: Expr[];
}

export type Expr =
  /** `123`, `\b101`, `\o17`, `\h1F` — the front end converts to a decimal string. */
  | (NodeBase & { kind: 'Num'; value: string })
  /** `1.5` (Reals); rarely used. */
  | (NodeBase & { kind: 'Decimal'; value: string })
  /** `"abc"` with escapes already processed. */
  | (NodeBase & { kind: 'Str'; value: string })
  | (NodeBase & { kind: 'Bool'; value: boolean })
  /** A name with no arguments: a variable, constant, bound variable or zero-arity operator. */
  | (NodeBase & { kind: 'Ident'; name: string })
  /**
   * Application of an operator, user-defined or built-in, to arguments: `Foo(a, b)`, `a + b`
   * (name `+`), `~a` (name `~`), `-a` (name `-.`), `a'` (name `'`), `SUBSET a`, `UNION a`,
   * `DOMAIN a`, `ENABLED a`, `UNCHANGED a`, `[]a`, `<>a`, `a ~> b`, `a \cdot b`, `a => b`,
   * `a \in S`, `a = b`, …  Binary `/\` and `\/` are `And` / `Or` nodes instead, not OpApp.
   * An argument that is an operator (higher-order) is an `Ident` naming it, an `OpRef` for a
   * symbolic built-in passed as argument, or a `Lambda`.
   */
  | (NodeBase & { kind: 'OpApp'; name: string; args: Expr[] })
  /** `I!Op`, `I(x)!J!Op(a)`: instance path then the final operator name and its arguments. */
  | (NodeBase & { kind: 'Qualified'; path: InstanceStep[]; name: string; args: Expr[] })
  /** A symbolic operator passed as an argument, e.g. `Fold(+, 0, s)` — rare. */
  | (NodeBase & { kind: 'OpRef'; name: string })
  /** `LAMBDA x, y : e` */
  | (NodeBase & { kind: 'Lambda'; params: string[]; body: Expr })
  /** Conjunction, from a `/\` bullet list or binary `/\` (flattened; the compiler keeps order). */
  | (NodeBase & { kind: 'And'; args: Expr[] })
  /** Disjunction, from a `\/` bullet list or binary `\/` (flattened). */
  | (NodeBase & { kind: 'Or'; args: Expr[] })
  | (NodeBase & { kind: 'SetEnum'; elems: Expr[] })
  /** `{x \in S : P}` (also `{<<x, y>> \in S : P}`) */
  | (NodeBase & { kind: 'SetFilter'; bound: Bound; pred: Expr })
  /** `{e : x \in S, y \in T}` */
  | (NodeBase & { kind: 'SetMap'; body: Expr; bounds: Bound[] })
  /** `S \X T \X U` (n-ary, not nested) */
  | (NodeBase & { kind: 'Product'; sets: Expr[] })
  /** `[x \in S, y \in T |-> e]` */
  | (NodeBase & { kind: 'FcnCtor'; bounds: Bound[]; body: Expr })
  /** `[S -> T]` */
  | (NodeBase & { kind: 'FcnSet'; domain: Expr; range_: Expr })
  /** `[a |-> 1, b |-> 2]` */
  | (NodeBase & { kind: 'RecordCtor'; fields: { name: string; value: Expr }[] })
  /** `[a : S, b : T]` */
  | (NodeBase & { kind: 'RecordSet'; fields: { name: string; set: Expr }[] })
  /** `f[a]` → args [a]; `f[a, b]` → args [a, b] (applied to the tuple <<a, b>>). */
  | (NodeBase & { kind: 'FcnApp'; fcn: Expr; args: Expr[] })
  /** `r.a` */
  | (NodeBase & { kind: 'Dot'; record: Expr; field: string })
  /** `<<a, b>>` */
  | (NodeBase & { kind: 'Tuple'; elems: Expr[] })
  /** `[f EXCEPT ![a] = e, !.b = e2]` */
  | (NodeBase & { kind: 'Except'; fcn: Expr; updates: ExceptUpdate[] })
  /** `@` inside an EXCEPT value */
  | (NodeBase & { kind: 'At' })
  | (NodeBase & { kind: 'If'; cond: Expr; then: Expr; else_: Expr })
  /** `CASE g1 -> e1 [] g2 -> e2 [] OTHER -> e3` */
  | (NodeBase & { kind: 'Case'; arms: { guard: Expr; body: Expr }[]; other?: Expr })
  /** `LET defs IN body`; defs are OpDef, FcnDef or RecursiveDecl units in order. */
  | (NodeBase & { kind: 'Let'; defs: Unit[]; body: Expr })
  /** `CHOOSE x \in S : P` / `CHOOSE x : P` / `CHOOSE <<x, y>> \in S : P` */
  | (NodeBase & { kind: 'Choose'; bound: Bound; body: Expr })
  /** `\A x \in S, y \in T : P`, `\E …`; also unbounded `\A x : P` (bound.set undefined). */
  | (NodeBase & { kind: 'Quant'; quantifier: 'A' | 'E'; bounds: Bound[]; body: Expr })
  /** Temporal `\AA x : F`, `\EE x : F` — parsed, not checkable. */
  | (NodeBase & { kind: 'TemporalQuant'; quantifier: 'AA' | 'EE'; names: string[]; body: Expr })
  /** `[A]_v` (box: true) and `<<A>>_v` (box: false) */
  | (NodeBase & { kind: 'StepExpr'; box: boolean; action: Expr; sub: Expr })
  /** `WF_v(A)`, `SF_v(A)` */
  | (NodeBase & { kind: 'Fairness'; strong: boolean; sub: Expr; action: Expr });

// No kind for `P1:: e` (the front end drops labels) nor for a parenthesised expression (its inner one).

/** An operator parameter: `x` (arity 0) or `F(_, _)` (arity 2). Infix parameter `_ + _`: arity 2, name `+`. */
export interface Param {
  name: string;
  arity: number;
  range: Range;
}

/** Substitution in `INSTANCE M WITH x <- e`. */
export interface Substitution {
  name: string;
  expr: Expr;
}

export type Unit =
  | (NodeBase & { kind: 'Variables'; names: { name: string; range: Range }[] })
  /** `CONSTANT N, F(_, _)` */
  | (NodeBase & { kind: 'Constants'; decls: Param[] })
  /** `Op(a, b) == e`, also `a ++ b == e` (name `++`). `local` for LOCAL. */
  | (NodeBase & {
      kind: 'OpDef';
      name: string;
      nameRange: Range;
      params: Param[];
      body: Expr;
      local: boolean;
    })
  /** `f[x \in S, y \in T] == e` — a recursive function definition. */
  | (NodeBase & {
      kind: 'FcnDef';
      name: string;
      nameRange: Range;
      bounds: Bound[];
      body: Expr;
      local: boolean;
    })
  /** `RECURSIVE F(_), G` */
  | (NodeBase & { kind: 'Recursive'; decls: Param[] })
  /**
   * `INSTANCE M WITH a <- e` (name undefined) or `I(p) == INSTANCE M WITH …` (name `I`, params).
   * Implicit substitution (a constant or variable of M not in `subs` is replaced by the same
   * name in scope) is the compiler's job.
   */
  | (NodeBase & {
      kind: 'Instance';
      name?: string;
      nameRange?: Range;
      params: Param[];
      module: string;
      moduleRange: Range;
      subs: Substitution[];
      local: boolean;
    })
  | (NodeBase & { kind: 'Assume'; name?: string; expr: Expr })
  /** A nested `---- MODULE Inner ----` inside another module. */
  | (NodeBase & { kind: 'Submodule'; module: Module });

export type UnitKind = Unit['kind'];

export interface Module {
  name: string;
  range: Range;
  /** `EXTENDS A, B` — names with their ranges, in order. */
  extends: { name: string; range: Range }[];
  /** Units in source order (theorems, proofs and separators omitted). */
  units: Unit[];
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a source file, with an exact range (see `Range`). */
export interface Diagnostic {
  severity: Severity;
  message: string;
  range: Range;
  /** Stable machine-readable kind, e.g. 'syntax', 'undefined-name', 'arity', 'duplicate-definition', 'prime-not-allowed', 'temporal-not-allowed', 'missing-module'. */
  code: string;
}
