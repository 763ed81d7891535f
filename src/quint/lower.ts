/**
 * Quint's flattened IR lowered to our TLA+ AST (tla/ast.ts), so that one compiler, search,
 * liveness checker, simulator and every view serve both languages. Each Quint operator becomes
 * the TLA+ construct with the same meaning, or a `quint::` built-in (eval/builtins/quint.ts) where
 * Quint's meaning differs:
 *
 * - lists are TLA+ sequences, indexed from 0 by `nth`, `replaceAt`, `slice`, `indices`, `range`;
 *   tuples are TLA+ tuples (`._1` is `t[1]`); maps are functions; records are records;
 * - a sum type's value `A(e)` is the record `[tag |-> "A", A |-> e]`, and `match` a CASE on its
 *   tag: values of two constructors differ in their fields, so they compare as TLC compares records
 *   (the values of one field, of one type, are compared only when the tags are equal); ITF output
 *   writes Quint's `{ tag, value }`;
 * - integers are unbounded, as Quint's: every integer operator is a `quint::` one (core/big-int.ts:
 *   numbers in TLC's 32-bit range, bigints beyond); `/` and `%` are Quint's (truncating division,
 *   remainder with the dividend's sign), `^` too;
 * - `nondet x = S.oneOf(); A` is `\E x \in quint::oneOf(S) : A` (S, or where the run samples one
 *   sampled element of S when S is infinite or too large to enumerate); `all {}` / `any {}` are conjunction and
 *   disjunction; `x' = e` is `x' = e`;
 * - the init action is a predicate: its assignments `x' = e` become `x = e`, in it and in every
 *   action it calls (a copy of each, named `A::init`).
 *
 * - a set's `fold` goes through the set in our canonical order; Quint leaves the order unspecified
 *   ("the operator must be associative and commutative or else it has undefined behavior",
 *   builtin.qnt), and its simulator goes through the set in its own order, so a fold whose result
 *   depends on the order may differ from Quint's: `foldOrder` (eval/builtins/quint.ts) finds such
 *   folds where asked (the conformance does), never silently (a list's `foldl` / `foldr` have one order);
 *
 * What the lowering does not support evaluates to an error that names the construct and its range
 * (`quint::unsupported`), and is listed in `unsupported`: never a silent difference.
 */
import type {
  FlatModule,
  QuintDef,
  QuintEx,
  QuintLambda,
  QuintOpDef,
} from '@informalsystems/quint/dist/src/ir/quintIr';
import type { QuintType } from '@informalsystems/quint/dist/src/ir/quintTypes';
import type { AnalysisOutput } from '@informalsystems/quint/dist/src/quintAnalyzer';
import type { Bound, Expr, Module, Param, Range, Unit } from '../tla/ast/ast';
import { rangeOfId, type QuintState } from './frontend';

export interface Unsupported {
  construct: string;
  range: Range;
}

export interface LoweredQuint {
  module: Module;
  /**
   * The state variables in declaration order, with their Quint types and the names Quint's tools
   * give them in ITF (`quintName`): a variable of an imported module (`import E as X`, flattened
   * `X::x`) by its declared name `x`, one of an instance (`import E(N = 3).*`, a copy Quint makes)
   * by the copy's name `M::E::x`.
   */
  vars: { name: string; type: QuintType; quintName: string }[];
  /** Constants the main module leaves uninstantiated. */
  constants: string[];
  /** The name of the init predicate in `module` (the init action, lowered as a predicate). */
  init: string;
  /** The name of the step action in `module`. */
  step: string;
  unsupported: Unsupported[];
  /** The names of the spec's `nondet` definitions (ITF's `mbt::nondetPicks`). */
  nondets: string[];
  /**
   * Nondets passed as they are to an action (`nondet d = S.oneOf(); tick(d)`): the step's label
   * names the action's parameter, whose value is the pick (ITF's `mbt::nondetPicks`).
   */
  nondetArgs: { action: string; param: string; nondet: string }[];
  /** Each definition's Quint qualifier (`val`, `action`, `temporal`, …) by name. */
  qualifiers: Map<string, string>;
}

type Mode = 'init' | 'step';

/**
 * The definitions a run names (init, step, invariants, temporal properties), each by the name the
 * user gave and the `q::` definition added to the main module before flattening to keep it (a
 * definition imported from another module has a qualified name once flattened).
 */
export interface QuintNames {
  init: string;
  step: string;
  named: { name: string; q: string }[];
}

const BUILTIN_SETS: Record<string, string> = { Bool: 'BOOLEAN', Int: 'Int', Nat: 'Nat' };

/** Quint binary and unary operators with a TLA+ operator of the same meaning. */
const DIRECT: Record<string, string> = {
  // Quint's integers are unbounded (core/big-int.ts): its own operators, not TLC's 32-bit ones.
  iadd: 'quint::iadd',
  isub: 'quint::isub',
  imul: 'quint::imul',
  ilt: 'quint::ilt',
  ilte: 'quint::ilte',
  igt: 'quint::igt',
  igte: 'quint::igte',
  iuminus: 'quint::iuminus',
  eq: '=',
  neq: '#',
  not: '~',
  implies: '=>',
  iff: '<=>',
  union: '\\cup',
  intersect: '\\cap',
  exclude: '\\',
  subseteq: '\\subseteq',
  powerset: 'SUBSET',
  flatten: 'UNION',
  size: 'Cardinality',
  isFinite: 'IsFiniteSet',
  to: 'quint::to',
  keys: 'DOMAIN',
  fieldNames: 'DOMAIN',
  append: 'Append',
  concat: '\\o',
  head: 'Head',
  tail: 'Tail',
  length: 'Len',
  enabled: 'ENABLED',
  always: '[]',
  eventually: '<>',
  leadsTo: '~>',
  next: "'",
  idiv: 'quint::idiv',
  imod: 'quint::imod',
  ipow: 'quint::ipow',
  nth: 'quint::nth',
  replaceAt: 'quint::replaceAt',
  indices: 'quint::indices',
  slice: 'quint::slice',
  range: 'quint::range',
  get: 'quint::get',
  set: 'quint::set',
  put: 'quint::put',
  setToMap: 'quint::setToMap',
  allListsUpTo: 'quint::allListsUpTo',
  assert: 'quint::assert',
  getOnlyElement: 'quint::getOnlyElement',
};

/** Built-ins whose last argument is an operator: passed as a LAMBDA. */
const WITH_OPERATOR: Record<string, string> = {
  foldl: 'quint::foldl',
  foldr: 'quint::foldr',
  setBy: 'quint::setBy',
  select: 'SelectSeq',
};

/** Constructs of Quint's tests and of Apalache that a state machine does not use. */
const NOT_SUPPORTED = new Set([
  'then',
  'reps',
  'expect',
  'fail',
  'q::test',
  'q::testOnce',
  'apalache::generate',
  'chooseSome',
  'allLists',
]);

export function lowerQuint(
  state: QuintState,
  flat: { module: FlatModule; analysis: AnalysisOutput },
  run: QuintNames,
  /** More definitions to lower as actions (run.ts: the pieces of `run` tests the engine evaluates). */
  extra: { name: string; params: string[]; expr: QuintEx }[] = [],
): LoweredQuint {
  const file = [...state.files.keys()][0] ?? 'spec.qnt';
  const defs = new Map<string, QuintOpDef>();
  for (const d of flat.module.declarations) if (d.kind === 'def') defs.set(d.name, d);
  const unsupported: Unsupported[] = [];
  const R = (id: bigint | undefined): Range => rangeOfId(state, id, file);
  let fresh = 0;
  const freshName = (base: string): string => `${base}__${++fresh}`;

  const isAction = (name: string): boolean => {
    const d = defs.get(name);
    return !!d && d.qualifier === 'action';
  };
  // The init action is lowered as a predicate under its own name; the actions it calls get a
  // predicate copy each (`A::init`), made on demand; should the step use the init action itself,
  // that use gets a step copy (`init::action`).
  const initCopies = new Set<string>();
  const stepCopyOfInit = { wanted: false };
  const defName = (name: string, mode: Mode): string => {
    if (!isAction(name)) return name;
    if (mode === 'init') {
      if (name === run.init) return name;
      initCopies.add(name);
      return `${name}::init`;
    }
    if (name === run.init) {
      stepCopyOfInit.wanted = true;
      return `${name}::action`;
    }
    return name;
  };

  const unsupportedExpr = (construct: string, id: bigint | undefined): Expr => {
    const range = R(id);
    unsupported.push({ construct, range });
    return {
      kind: 'OpApp',
      name: 'quint::unsupported',
      args: [
        {
          kind: 'Str',
          value: `not supported yet: ${construct} at ${range.module}:${range.start.line}:${range.start.column}`,
          range,
        },
      ],
      range,
    };
  };

  const typeOf = (id: bigint): QuintType | undefined => flat.analysis.types.get(id)?.type;
  const arityOf = (p: { id: bigint; typeAnnotation?: QuintType }): number => {
    const t = p.typeAnnotation ?? typeOf(p.id);
    return t?.kind === 'oper' ? t.args.length : 0;
  };

  /** A one-parameter operator argument as a bound name and a body. */
  const unary = (arg: QuintEx, mode: Mode): { name: string; body: Expr; range: Range } => {
    const range = R(arg.id);
    if (arg.kind === 'lambda' && arg.params.length === 1)
      return { name: arg.params[0].name, body: ex(arg.expr, mode), range };
    if (arg.kind !== 'name')
      return { name: '_', body: unsupportedExpr('this operator argument', arg.id), range };
    const name = freshName('x');
    return {
      name,
      body: {
        kind: 'OpApp',
        name: defName(arg.name, mode),
        args: [{ kind: 'Ident', name, range }],
        range,
      },
      range,
    };
  };

  const opArg = (arg: QuintEx, mode: Mode): Expr => {
    if (arg.kind === 'lambda')
      return {
        kind: 'Lambda',
        params: arg.params.map((p) => p.name),
        body: ex(arg.expr, mode),
        range: R(arg.id),
      };
    return ex(arg, mode);
  };

  const bound = (name: string, set: Expr, range: Range): Bound => ({
    pattern: { kind: 'Var', name, range },
    set,
  });

  function app(e: Extract<QuintEx, { kind: 'app' }>, mode: Mode): Expr {
    const range = R(e.id);
    const a = e.args;
    const args = (): Expr[] => a.map((x) => ex(x, mode));
    const op = e.opcode;
    if (op in DIRECT) {
      return { kind: 'OpApp', name: DIRECT[op], args: args(), range };
    }
    if (op === 'fold' && a.length === 3) {
      // A set's fold, with where it is: its order is Quint's to choose (quint::fold, foldOrder).
      const where = `${range.module}:${range.start.line}:${range.start.column}`;
      return {
        kind: 'OpApp',
        name: 'quint::fold',
        args: [
          ex(a[0], mode),
          ex(a[1], mode),
          opArg(a[2], mode),
          { kind: 'Str', value: where, range },
        ],
        range,
      };
    }
    if (op in WITH_OPERATOR) {
      const xs = a.map((x, i) => (i === a.length - 1 ? opArg(x, mode) : ex(x, mode)));
      return { kind: 'OpApp', name: WITH_OPERATOR[op], args: xs, range };
    }
    if (NOT_SUPPORTED.has(op)) return unsupportedExpr(`the operator ${op}`, e.id);
    switch (op) {
      case 'and':
      case 'actionAll':
        return a.length === 0
          ? { kind: 'Bool', value: true, range }
          : a.length === 1
            ? ex(a[0], mode)
            : { kind: 'And', args: args(), range };
      case 'or':
      case 'actionAny':
        return a.length === 0
          ? { kind: 'Bool', value: false, range }
          : a.length === 1
            ? ex(a[0], mode)
            : { kind: 'Or', args: args(), range };
      case 'ite':
        return {
          kind: 'If',
          cond: ex(a[0], mode),
          then: ex(a[1], mode),
          else_: ex(a[2], mode),
          range,
        };
      case 'assign': {
        const v = ex(a[0], mode);
        const lhs: Expr =
          mode === 'init' ? v : { kind: 'OpApp', name: "'", args: [v], range: v.range };
        return { kind: 'OpApp', name: '=', args: [lhs, ex(a[1], mode)], range };
      }
      case 'in':
        return { kind: 'OpApp', name: '\\in', args: args(), range };
      case 'contains':
        return { kind: 'OpApp', name: '\\in', args: [ex(a[1], mode), ex(a[0], mode)], range };
      case 'Set':
        return { kind: 'SetEnum', elems: args(), range };
      case 'List':
      case 'Tup':
        return { kind: 'Tuple', elems: args(), range };
      case 'Rec': {
        const fields: { name: string; value: Expr }[] = [];
        for (let i = 0; i < a.length; i += 2) {
          const label = a[i];
          if (label.kind !== 'str')
            return unsupportedExpr('a record with a computed field name', e.id);
          fields.push({ name: label.value, value: ex(a[i + 1], mode) });
        }
        return { kind: 'RecordCtor', fields, range };
      }
      case 'Map':
        return {
          kind: 'OpApp',
          name: 'quint::setToMap',
          args: [{ kind: 'SetEnum', elems: args(), range }],
          range,
        };
      case 'field': {
        const f = a[1];
        if (f.kind !== 'str') return unsupportedExpr('a computed field name', e.id);
        return { kind: 'Dot', record: ex(a[0], mode), field: f.value, range };
      }
      case 'with': {
        const f = a[1];
        if (f.kind !== 'str') return unsupportedExpr('a computed field name', e.id);
        return {
          kind: 'Except',
          fcn: ex(a[0], mode),
          updates: [{ path: [{ kind: 'Field', name: f.value }], value: ex(a[2], mode) }],
          range,
        };
      }
      case 'item':
        return { kind: 'FcnApp', fcn: ex(a[0], mode), args: [ex(a[1], mode)], range };
      case 'tuples':
        return { kind: 'Product', sets: args(), range };
      case 'setOfMaps':
        return { kind: 'FcnSet', domain: ex(a[0], mode), range_: ex(a[1], mode), range };
      case 'filter': {
        const u = unary(a[1], mode);
        return {
          kind: 'SetFilter',
          bound: bound(u.name, ex(a[0], mode), u.range),
          pred: u.body,
          range,
        };
      }
      case 'map': {
        const u = unary(a[1], mode);
        return {
          kind: 'SetMap',
          body: u.body,
          bounds: [bound(u.name, ex(a[0], mode), u.range)],
          range,
        };
      }
      case 'mapBy': {
        const u = unary(a[1], mode);
        return {
          kind: 'FcnCtor',
          bounds: [bound(u.name, ex(a[0], mode), u.range)],
          body: u.body,
          range,
        };
      }
      case 'exists':
      case 'forall': {
        const u = unary(a[1], mode);
        return {
          kind: 'Quant',
          quantifier: op === 'exists' ? 'E' : 'A',
          bounds: [bound(u.name, ex(a[0], mode), u.range)],
          body: u.body,
          range,
        };
      }
      case 'variant': {
        const label = a[0];
        if (label.kind !== 'str') return unsupportedExpr('a computed variant label', e.id);
        if (label.value === 'tag') return unsupportedExpr('a variant named tag', e.id);
        return {
          kind: 'RecordCtor',
          fields: [
            { name: 'tag', value: { kind: 'Str', value: label.value, range } },
            { name: label.value, value: ex(a[1], mode) },
          ],
          range,
        };
      }
      case 'matchVariant':
        return match(e, mode);
      case 'weakFair':
      case 'strongFair':
        return {
          kind: 'Fairness',
          strong: op === 'strongFair',
          sub: ex(a[1], mode),
          action: ex(a[0], mode),
          range,
        };
      case 'orKeep':
      case 'mustChange':
        return {
          kind: 'StepExpr',
          box: op === 'orKeep',
          action: ex(a[0], mode),
          sub: ex(a[1], mode),
          range,
        };
      case 'q::debug':
        return ex(a[1], mode);
      case 'oneOf':
        return unsupportedExpr('oneOf outside a nondet definition', e.id);
    }
    // A user operator, or an operator parameter (Quint resolved the name).
    const callee = defs.get(op);
    if (callee?.qualifier === 'action' && callee.expr.kind === 'lambda') {
      const params = callee.expr.params;
      a.forEach((x, i) => {
        if (x.kind === 'name' && nondets.has(x.name) && params[i])
          nondetArgs.push({ action: defName(op, mode), param: params[i].name, nondet: x.name });
      });
    }
    return { kind: 'OpApp', name: defName(op, mode), args: a.map((x) => opArg(x, mode)), range };
  }

  function match(e: Extract<QuintEx, { kind: 'app' }>, mode: Mode): Expr {
    const range = R(e.id);
    const v = freshName('v');
    const vRef: Expr = { kind: 'Ident', name: v, range };
    const arms: { guard: Expr; body: Expr }[] = [];
    let other: Expr | undefined;
    for (let i = 1; i < e.args.length; i += 2) {
      const label = e.args[i];
      const elim = e.args[i + 1];
      if (label.kind !== 'str' || elim.kind !== 'lambda')
        return unsupportedExpr('this form of match', e.id);
      const body = eliminate(elim, { kind: 'Dot', record: vRef, field: label.value, range }, mode);
      if (label.value === '_') other = body;
      else
        arms.push({
          guard: {
            kind: 'OpApp',
            name: '=',
            args: [
              { kind: 'Dot', record: vRef, field: 'tag', range },
              { kind: 'Str', value: label.value, range },
            ],
            range,
          },
          body,
        });
    }
    return {
      kind: 'Let',
      defs: [opDef(v, [], ex(e.args[0], mode), range, range)],
      body: { kind: 'Case', arms, other, range },
      range,
    };
  }

  /** A match arm's body with its parameter bound to the variant's value. */
  function eliminate(elim: QuintLambda, value: Expr, mode: Mode): Expr {
    const p = elim.params[0];
    const body = ex(elim.expr, mode);
    if (!p || p.name === '_') return body;
    return {
      kind: 'Let',
      defs: [opDef(p.name, [], value, R(p.id), R(p.id))],
      body,
      range: body.range,
    };
  }

  function opDef(name: string, params: Param[], body: Expr, range: Range, nameRange: Range): Unit {
    return { kind: 'OpDef', name, nameRange, params, body, local: false, range };
  }

  function ex(e: QuintEx, mode: Mode): Expr {
    const range = R(e.id);
    switch (e.kind) {
      case 'bool':
        return { kind: 'Bool', value: e.value, range };
      case 'int':
        // A literal beyond TLC's 32-bit range is a Quint big integer (core/big-int.ts).
        if (e.value > 2147483647n || e.value < -2147483648n)
          return {
            kind: 'OpApp',
            name: 'quint::bigint',
            args: [{ kind: 'Str', value: e.value.toString(), range }],
            range,
          };
        return { kind: 'Num', value: e.value.toString(), range };
      case 'str':
        return { kind: 'Str', value: e.value, range };
      case 'name':
        if (defs.has(e.name)) return { kind: 'Ident', name: defName(e.name, mode), range };
        if (e.name in BUILTIN_SETS && !vars.has(e.name) && !consts.has(e.name))
          return { kind: 'Ident', name: BUILTIN_SETS[e.name], range };
        // Quint resolved every name: one that is no definition is a variable, constant, parameter
        // or bound name, unique after flattening.
        return { kind: 'Ident', name: e.name, range };
      case 'app':
        return app(e, mode);
      case 'lambda':
        return {
          kind: 'Lambda',
          params: e.params.map((p) => p.name),
          body: ex(e.expr, mode),
          range,
        };
      case 'let': {
        const d = e.opdef;
        if (d.qualifier === 'nondet') {
          nondets.add(d.name);
          const pick = d.expr;
          if (pick.kind !== 'app' || pick.opcode !== 'oneOf' || pick.args.length !== 1)
            return unsupportedExpr('a nondet definition other than S.oneOf()', d.id);
          const from = pick.args[0];
          // quint::oneOf: the set, or a sample of it where the run samples (simulate, tests) and
          // it is infinite (Int.oneOf()) or too large to enumerate (0.to(2^256 - 1)); where the
          // run enumerates (check), an error naming the construct when it cannot.
          const r = R(d.id);
          const what = from.kind === 'name' ? `${from.name}.oneOf()` : 'oneOf()';
          const set: Expr = {
            kind: 'OpApp',
            name: 'quint::oneOf',
            args: [
              ex(from, mode),
              {
                kind: 'Str',
                value: `${what} at ${r.module}:${r.start.line}:${r.start.column}`,
                range: r,
              },
              // The name Quint's ITF records its pick under (`mbt::nondetPicks`).
              { kind: 'Str', value: unqualifiedName(d.name), range: r },
            ],
            range: r,
          };
          return {
            kind: 'Quant',
            quantifier: 'E',
            bounds: [bound(d.name, set, R(d.id))],
            body: ex(e.expr, mode),
            range,
          };
        }
        return { kind: 'Let', defs: [lowerDef(d, d.name, mode)], body: ex(e.expr, mode), range };
      }
    }
  }

  function lowerDef(d: QuintOpDef, name: string, mode: Mode): Unit {
    const range = R(d.id);
    if (d.expr.kind === 'lambda') {
      const params: Param[] = d.expr.params.map((p) => {
        return { name: p.name, arity: arityOf(p), range: R(p.id) };
      });
      return opDef(name, params, ex(d.expr.expr, mode), range, range);
    }
    return opDef(name, [], ex(d.expr, mode), range, range);
  }

  const nondets = new Set<string>();
  const nondetArgs: LoweredQuint['nondetArgs'] = [];
  const vars = new Map<string, QuintType>();
  const consts = new Set<string>();
  // A constant is needed only where it is evaluated (Quint's "Uninitialized const" comes then): one
  // that no definition names is left out, not refused. (Flattening `import M(C = e) as I` with
  // `export I.*` keeps M's `const C` beside the definitions, none of which reads it.)
  const used = new Set<string>();
  for (const d of flat.module.declarations) for (const n of namesIn(d)) used.add(n);
  for (const x of extra) {
    const names: string[] = [];
    namesInExpr(x.expr, names);
    for (const n of names) used.add(n);
  }
  // The declarations as written (before flattening) by id: flattening an import qualifies a
  // variable's name and keeps its id; an instance's variables are copies with fresh ids.
  const declaredVars = new Map<bigint, string>();
  for (const m of state.modules)
    for (const d of m.declarations) if (d.kind === 'var') declaredVars.set(d.id, d.name);
  const varIds = new Map<string, bigint>();
  for (const d of flat.module.declarations) {
    if (d.kind === 'var') varIds.set(d.name, d.id);
    if (d.kind === 'var') vars.set(d.name, d.typeAnnotation);
    if (d.kind === 'const' && used.has(d.name)) consts.add(d.name);
  }

  const units: Unit[] = [];
  const modRange = R(flat.module.id);
  if (consts.size)
    units.push({
      kind: 'Constants',
      decls: [...consts].map((name) => ({ name, arity: 0, range: modRange })),
      range: modRange,
    });
  const varDecls = flat.module.declarations.filter((d) => d.kind === 'var');
  if (varDecls.length)
    units.push({
      kind: 'Variables',
      names: varDecls.map((d) => ({ name: d.name, range: R(d.id) })),
      range: modRange,
    });
  for (const d of ordered(flat.module.declarations)) {
    if (d.kind === 'assume')
      units.push({ kind: 'Assume', name: d.name, expr: ex(d.assumption, 'step'), range: R(d.id) });
    // Runs are tests, not the state machine; q::init and q::step only kept what init and step use.
    if (d.kind !== 'def' || d.qualifier === 'run' || d.name.startsWith('q::')) continue;
    units.push(lowerDef(d, d.name, d.name === run.init ? 'init' : 'step'));
  }
  // The names the run gave, as definitions of the lowered module (unless the main module has them).
  for (const { name, q } of run.named) {
    const d = defs.get(q);
    if (defs.has(name) || !d) continue;
    units.push(lowerDef(d, name, name === run.init ? 'init' : 'step'));
  }
  for (const x of extra) {
    const r = R(x.expr.id);
    const params = x.params.map((name) => ({ name, arity: 0, range: r }));
    units.push(opDef(x.name, params, ex(x.expr, 'step'), r, r));
  }
  // Copies made on demand; a copy may ask for more.
  const done = new Set<string>();
  for (let again = true; again;) {
    again = false;
    for (const name of [...initCopies]) {
      if (done.has(name)) continue;
      done.add(name);
      again = true;
      units.push(lowerDef(defs.get(name)!, `${name}::init`, 'init'));
    }
  }
  if (stepCopyOfInit.wanted)
    units.push(lowerDef(defs.get(run.init)!, `${run.init}::action`, 'step'));

  return {
    module: { name: flat.module.name, range: modRange, extends: [], units },
    vars: [...vars].map(([name, type]) => ({
      name,
      type,
      quintName: declaredVars.get(varIds.get(name)!) ?? name,
    })),
    constants: [...consts],
    init: run.init,
    step: run.step,
    unsupported,
    nondets: [...nondets],
    nondetArgs,
    qualifiers: new Map([...defs].map(([n, d]) => [n, d.qualifier])),
  };
}

/** Definitions after those they use (flattening keeps Quint's order, which allows any order). */
function ordered(decls: QuintDef[]): QuintDef[] {
  const byName = new Map<string, QuintDef>();
  for (const d of decls) if ('name' in d) byName.set(d.name, d);
  const out: QuintDef[] = [];
  const seen = new Set<QuintDef>();
  const visit = (d: QuintDef): void => {
    if (seen.has(d)) return;
    seen.add(d);
    for (const n of namesIn(d)) {
      const dep = byName.get(n);
      if (dep) visit(dep);
    }
    out.push(d);
  };
  for (const d of decls) visit(d);
  return out;
}

function namesIn(d: QuintDef): string[] {
  const out: string[] = [];
  if (d.kind === 'def') namesInExpr(d.expr, out);
  if (d.kind === 'assume') namesInExpr(d.assumption, out);
  return out;
}

function namesInExpr(e: QuintEx, out: string[]): void {
  if (e.kind === 'name') out.push(e.name);
  else if (e.kind === 'app') {
    out.push(e.opcode);
    for (const a of e.args) namesInExpr(a, out);
  } else if (e.kind === 'lambda') namesInExpr(e.expr, out);
  else if (e.kind === 'let') {
    namesInExpr(e.opdef.expr, out);
    namesInExpr(e.expr, out);
  }
}

/** A name without its module qualifier (`M::x` is `x`), as Quint's ITF names a nondet. */
function unqualifiedName(name: string): string {
  const i = name.lastIndexOf('::');
  return i < 0 ? name : name.slice(i + 2);
}
