/**
 * Random, well-typed TLA+ expressions (with a few ill-typed or failing ones on purpose), each on
 * one line, from a seed: expression i of seed s is the same whatever the number asked.
 *
 * The generator works on types (integers, booleans, strings, model values, sets, sequences,
 * functions, records, tuples, bags) and keeps a bound on the size of every collection it builds,
 * so that SUBSET, function sets, products and quantifiers stay small enough for TLC to answer in
 * milliseconds. What it covers: every operator of Naturals, Integers, Sequences, FiniteSets, TLC
 * (but the ones with side effects or chance: Print, PrintT, TLCSet, RandomElement, JavaTime) and
 * Bags; the kernel's sets, functions, records, tuples, EXCEPT (with `@`), IF, CASE, CHOOSE, \A,
 * \E, LET, RECURSIVE operators, recursive functions, LAMBDA and higher-order operators; with
 * `community`, the operators of SequencesExt, Functions, FiniteSetsExt, Folds, BagsExt, Relation,
 * Graphs, Combinatorics and Bitwise. Integers include negative and big ones (up to TLC's 32-bit
 * bounds, so that overflow happens). Errors come both naturally (Head(<<>>), a function applied
 * outside its domain, CHOOSE with no witness, overflow, division by zero) and on purpose
 * (`inject`): values of different kinds compared, a missing record field, non-booleans as
 * conditions, strings used as sequences, infinite sets enumerated, Assert.
 *
 * Expressions that would make TLC refuse the whole module (a literal too big for it) are marked
 * `isolate`: the harness runs each of them alone.
 */
import { Rng } from './rng';

export type Ty =
  | { t: 'bool' }
  | { t: 'int' }
  | { t: 'str' }
  | { t: 'mv' }
  | { t: 'set'; of: Ty }
  | { t: 'seq'; of: Ty }
  | { t: 'fn'; dom: Ty; cod: Ty }
  | { t: 'rec'; fields: [string, Ty][] }
  | { t: 'tup'; elems: Ty[] }
  | { t: 'bag'; of: Ty };

const BOOL: Ty = { t: 'bool' };
const INT: Ty = { t: 'int' };
const STR: Ty = { t: 'str' };
const MV: Ty = { t: 'mv' };
const setOf = (of: Ty): Ty => ({ t: 'set', of });
const seqOf = (of: Ty): Ty => ({ t: 'seq', of });

/** An expression and a bound on its size (elements of a set, length of a sequence, domain of a function). */
interface G {
  s: string;
  n: number;
}

interface Var {
  text: string;
  ty: Ty;
  /** For collections: the size bound; for integers: whether the value is small (|v| <= 8). */
  n: number;
  small?: boolean;
}

interface Env {
  vars: Var[];
}

export interface GeneratedExpr {
  expr: string;
  family: string;
  ty: string;
  /** TLC refuses the whole module over it: run it alone. */
  isolate?: boolean;
}

export interface GenOptions {
  community: boolean;
  /** Probability, per node, of an ill-typed or failing production on purpose. */
  injectRate: number;
  maxDepth: number;
}

export const DEFAULT_GEN: GenOptions = { community: false, injectRate: 0.012, maxDepth: 4 };

export function tyText(ty: Ty): string {
  switch (ty.t) {
    case 'set':
      return `set<${tyText(ty.of)}>`;
    case 'seq':
      return `seq<${tyText(ty.of)}>`;
    case 'bag':
      return `bag<${tyText(ty.of)}>`;
    case 'fn':
      return `fn<${tyText(ty.dom)},${tyText(ty.cod)}>`;
    case 'rec':
      return `[${ty.fields.map(([f, t]) => `${f}:${tyText(t)}`).join(',')}]`;
    case 'tup':
      return `<${ty.elems.map(tyText).join(',')}>`;
    default:
      return ty.t;
  }
}

function sameTy(a: Ty, b: Ty): boolean {
  return tyText(a) === tyText(b);
}

const SMALL_INTS = [-3, -2, -1, 0, 1, 2, 3, 4, 5, 6];
const BIG_INTS = [
  2147483647, -2147483647, 2147483646, 1073741824, -1073741824, 46340, 46341, 65536, -65536, 100000,
  2147483000, 999999999,
];
/** String literals, with TLA+'s escapes. */
const STRINGS = [
  '"a"',
  '"b"',
  '"c"',
  '"ab"',
  '""',
  '"hello"',
  '"a b"',
  '"q\\"t"',
  '"x\\\\y"',
  '"n\\nl"',
  '"tab\\t"',
  '"Zed"',
  '"b2"',
];
const FIELDS = ['a', 'b', 'c', 'val', 'type'];
const MODEL_VALUES = ['m1', 'm2', 'm3'];

export class ExprGenerator {
  private counter = 0;
  private injected = false;
  private isolate = false;

  constructor(
    private readonly rng: Rng,
    private readonly opts: GenOptions,
  ) {}

  /** One top-level expression. */
  generate(): GeneratedExpr {
    const rng = this.rng;
    this.counter = 0;
    this.injected = false;
    this.isolate = false;
    const ty = this.randomTy(2);
    const d = rng.int(1, this.opts.maxDepth);
    const family: string[] = [];
    const g = this.expr(ty, d, { vars: [] }, family);
    return {
      expr: g.s,
      family: family[0] ?? 'leaf',
      ty: tyText(ty),
      ...(this.isolate ? { isolate: true } : {}),
    };
  }

  private fresh(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  /** A type for a new expression; `depth` bounds nesting. */
  randomTy(depth: number): Ty {
    const r = this.rng;
    const base = (): Ty =>
      r.weighted<Ty>([
        [INT, 5],
        [BOOL, 2],
        [STR, 2],
        [MV, 1],
      ]);
    if (depth <= 0) return base();
    return r.weighted<() => Ty>([
      [() => INT, 18],
      [() => BOOL, 18],
      [() => STR, 5],
      [() => MV, 2],
      [() => setOf(this.randomTy(depth - 1)), 18],
      [() => seqOf(this.randomTy(depth - 1)), 10],
      [
        () => ({
          t: 'fn',
          dom: r.weighted<Ty>([
            [INT, 3],
            [STR, 2],
            [MV, 1],
            [BOOL, 1],
          ]),
          cod: this.randomTy(depth - 1),
        }),
        9,
      ],
      [
        () => {
          const names = FIELDS.filter(() => r.chance(0.5));
          if (!names.length) names.push('a');
          return {
            t: 'rec',
            fields: names.map((f) => [f, this.randomTy(depth - 1)] as [string, Ty]),
          };
        },
        7,
      ],
      [() => ({ t: 'tup', elems: [this.randomTy(depth - 1), this.randomTy(depth - 1)] }), 4],
      [
        () => ({
          t: 'bag',
          of: r.weighted<Ty>([
            [INT, 3],
            [STR, 2],
            [MV, 1],
          ]),
        }),
        3,
      ],
    ])();
  }

  // ------------------------------------------------------------------ dispatch

  /** An expression of type `ty` within `d` levels; `family` receives the production at the root. */
  expr(ty: Ty, d: number, env: Env, family?: string[]): G {
    const r = this.rng;
    if (!this.injected && d > 0 && r.chance(this.opts.injectRate)) {
      const g = this.inject(ty, d, env, family);
      if (g) return g;
    }
    if (d <= 0) {
      family?.push('leaf');
      return this.leaf(ty, env);
    }
    const prods = this.productions(ty, d, env);
    for (let tries = 0; tries < 8; tries++) {
      const [name, make] = r.weighted(prods.map((p) => [p, p[2]] as const));
      const g = make();
      if (g) {
        family?.push(name);
        return g;
      }
    }
    family?.push('leaf');
    return this.leaf(ty, env);
  }

  private sub(ty: Ty, d: number, env: Env): G {
    return this.expr(ty, d - 1, env);
  }

  /** A literal (or a bound variable) of the type. */
  leaf(ty: Ty, env: Env): G {
    const r = this.rng;
    const vars = env.vars.filter((v) => sameTy(v.ty, ty));
    if (vars.length && r.chance(0.5)) {
      const v = r.pick(vars);
      return { s: v.text, n: v.n };
    }
    switch (ty.t) {
      case 'bool':
        return { s: r.pick(['TRUE', 'FALSE']), n: 1 };
      case 'int':
        return { s: this.intLiteral(), n: 1 };
      case 'str':
        return { s: r.pick(STRINGS), n: 1 };
      case 'mv':
        return { s: r.pick(MODEL_VALUES), n: 1 };
      case 'set': {
        const k = r.int(0, 3);
        const elems = Array.from({ length: k }, () => this.leaf(ty.of, env));
        return { s: `{${elems.map((e) => e.s).join(', ')}}`, n: k };
      }
      case 'seq': {
        const k = r.int(0, 3);
        return {
          s: `<<${Array.from({ length: k }, () => this.leaf(ty.of, env).s).join(', ')}>>`,
          n: k,
        };
      }
      case 'tup':
        return {
          s: `<<${ty.elems.map((t) => this.leaf(t, env).s).join(', ')}>>`,
          n: ty.elems.length,
        };
      case 'rec':
        return {
          s: `[${ty.fields.map(([f, t]) => `${f} |-> ${this.leaf(t, env).s}`).join(', ')}]`,
          n: ty.fields.length,
        };
      case 'fn': {
        const k = r.int(1, 2);
        const pairs = Array.from(
          { length: k },
          () => `${this.leaf(ty.dom, env).s} :> ${this.leaf(ty.cod, env).s}`,
        );
        return { s: `(${pairs.join(' @@ ')})`, n: k };
      }
      case 'bag': {
        const k = r.int(0, 2);
        if (k === 0) return { s: 'EmptyBag', n: 0 };
        const pairs = Array.from(
          { length: k },
          () => `${this.leaf(ty.of, env).s} :> ${r.int(1, 3)}`,
        );
        return { s: `(${pairs.join(' @@ ')})`, n: k };
      }
    }
  }

  private intLiteral(): string {
    const r = this.rng;
    const v = r.weighted<() => number>([
      [() => r.pick(SMALL_INTS), 14],
      [() => r.int(-100, 100), 3],
      [() => r.pick(BIG_INTS), 2],
    ])();
    return v < 0 ? `(${v})` : String(v);
  }

  /** A small integer (|v| <= 8): ends of intervals, counts, recursion depths. */
  private smallInt(d: number, env: Env): G {
    const r = this.rng;
    const smallVars = env.vars.filter((v) => v.ty.t === 'int' && v.small);
    const choices: [() => string, number][] = [
      [() => String(r.int(-1, 5)), 6],
      [() => `Len(${this.sub(seqOf(this.randomTy(0)), d, env).s})`, d > 0 ? 1 : 0],
      [() => `Cardinality(${this.sub(setOf(this.randomTy(0)), d, env).s})`, d > 0 ? 1 : 0],
      [() => `(${this.sub(INT, d, env).s} % ${r.int(1, 5)})`, d > 0 ? 1 : 0],
      [() => r.pick(smallVars).text, smallVars.length ? 3 : 0],
    ];
    return { s: r.weighted(choices)(), n: 1 };
  }

  // ------------------------------------------------------------------ productions

  private productions(ty: Ty, d: number, env: Env): [string, () => G | undefined, number][] {
    const c = this.opts.community;
    const generic: [string, () => G | undefined, number][] = [
      ['leaf', () => this.leaf(ty, env), 2],
      ['If', () => this.ifThen(ty, d, env), 3],
      ['Case', () => this.caseOf(ty, d, env), 1.5],
      ['Choose', () => this.choose(ty, d, env), 2],
      ['Let', () => this.letIn(ty, d, env), 2],
      ['LetOp', () => this.letOp(ty, d, env), 1.5],
      ['FcnApp', () => this.fcnApp(ty, d, env), 3],
      ['SeqIndex', () => this.seqIndex(ty, d, env), 1.5],
      ['RecField', () => this.recField(ty, d, env), 2],
      ['TupleIndex', () => this.tupleIndex(ty, d, env), 1],
      ['Head', () => ({ s: `Head(${this.sub(seqOf(ty), d, env).s})`, n: 1 }), 1],
      ['Recursive', () => this.recursiveOp(ty, d, env), 1.2],
      ['RecursiveFcn', () => this.recursiveFcn(ty, d, env), 0.8],
      ['SetFold', () => this.setFold(ty, d, env), 0.8],
      ['HigherOrder', () => this.higherOrder(ty, d, env), 0.8],
      [
        'TLCEval',
        () => {
          const g = this.sub(ty, d, env);
          return { s: `TLCEval(${g.s})`, n: g.n };
        },
        0.2,
      ],
      [
        'LastOf',
        () => (c ? { s: `Last(${this.sub(seqOf(ty), d, env).s})`, n: 1 } : undefined),
        0.4,
      ],
    ];
    const own = ((): [string, () => G | undefined, number][] => {
      switch (ty.t) {
        case 'int':
          return this.intProds(d, env);
        case 'bool':
          return this.boolProds(d, env);
        case 'str':
          return this.strProds(d, env);
        case 'mv':
          return [];
        case 'set':
          return this.setProds(ty, d, env);
        case 'seq':
          return this.seqProds(ty, d, env);
        case 'fn':
          return this.fnProds(ty, d, env);
        case 'rec':
          return this.recProds(ty, d, env);
        case 'tup':
          return [
            [
              'Tuple',
              () => ({
                s: `<<${ty.elems.map((t) => this.sub(t, d, env).s).join(', ')}>>`,
                n: ty.elems.length,
              }),
              4,
            ],
            ['TupleExcept', () => this.tupleExcept(ty, d, env), 1],
          ];
        case 'bag':
          return this.bagProds(ty, d, env);
      }
    })();
    return [...own, ...generic];
  }

  private intProds(d: number, env: Env): [string, () => G | undefined, number][] {
    const r = this.rng;
    const bin = (op: string) => (): G => ({
      s: `(${this.sub(INT, d, env).s} ${op} ${this.sub(INT, d, env).s})`,
      n: 1,
    });
    const c = this.opts.community;
    return [
      ['Plus', bin('+'), 4],
      ['Minus', bin('-'), 3],
      ['Times', bin('*'), 3],
      ['Div', bin('\\div'), 2],
      ['Mod', bin('%'), 2],
      [
        'Pow',
        () => ({
          s: `(${this.sub(INT, d, env).s} ^ ${r.weighted([
            [String(r.int(0, 4)), 8],
            [this.sub(INT, d, env).s, 1],
          ])})`,
          n: 1,
        }),
        1.5,
      ],
      ['Neg', () => ({ s: `(-${this.sub(INT, d, env).s})`, n: 1 }), 1],
      [
        'Cardinality',
        () => ({ s: `Cardinality(${this.sub(setOf(this.randomTy(1)), d, env).s})`, n: 1 }),
        2,
      ],
      ['Len', () => ({ s: `Len(${this.sub(seqOf(this.randomTy(1)), d, env).s})`, n: 1 }), 2],
      [
        'BagCardinality',
        () => ({
          s: `BagCardinality(${this.sub({ t: 'bag', of: this.randomTy(0) }, d, env).s})`,
          n: 1,
        }),
        0.5,
      ],
      [
        'CopiesIn',
        () => {
          const of = this.randomTy(0);
          return {
            s: `CopiesIn(${this.sub(of, d, env).s}, ${this.sub({ t: 'bag', of }, d, env).s})`,
            n: 1,
          };
        },
        0.5,
      ],
      ...(c
        ? ([
            ['Max', () => ({ s: `Max(${this.sub(setOf(INT), d, env).s})`, n: 1 }), 0.6],
            ['Min', () => ({ s: `Min(${this.sub(setOf(INT), d, env).s})`, n: 1 }), 0.6],
            ['SumSet', () => ({ s: `SumSet(${this.sub(setOf(INT), d, env).s})`, n: 1 }), 0.5],
            [
              'ProductSet',
              () => ({ s: `ProductSet(${this.sub(setOf(INT), d, env).s})`, n: 1 }),
              0.3,
            ],
            [
              'SumFunction',
              () => ({
                s: `SumFunction(${this.sub({ t: 'fn', dom: r.pick([INT, STR]), cod: INT }, d, env).s})`,
                n: 1,
              }),
              0.4,
            ],
            [
              'FoldSet',
              () => ({
                s: `FoldSet(LAMBDA ${this.lambdaVars(2)} : ${this.combine2(INT)}, ${this.sub(INT, d, env).s}, ${this.sub(setOf(INT), d, env).s})`,
                n: 1,
              }),
              0.5,
            ],
            [
              'FoldSeq',
              () => ({
                s: `FoldSeq(LAMBDA ${this.lambdaVars(2)} : ${this.combine2(INT)}, ${this.sub(INT, d, env).s}, ${this.sub(seqOf(INT), d, env).s})`,
                n: 1,
              }),
              0.4,
            ],
            [
              'FoldLeft',
              () => ({
                s: `FoldLeft(LAMBDA ${this.lambdaVars(2)} : ${this.combine2(INT)}, ${this.sub(INT, d, env).s}, ${this.sub(seqOf(INT), d, env).s})`,
                n: 1,
              }),
              0.3,
            ],
            [
              'FoldRight',
              () => ({
                s: `FoldRight(LAMBDA ${this.lambdaVars(2)} : ${this.combine2(INT)}, ${this.sub(seqOf(INT), d, env).s}, ${this.sub(INT, d, env).s})`,
                n: 1,
              }),
              0.3,
            ],
            [
              'FoldFunction',
              () => ({
                s: `FoldFunction(LAMBDA ${this.lambdaVars(2)} : ${this.combine2(INT)}, ${this.sub(INT, d, env).s}, ${this.sub({ t: 'fn', dom: INT, cod: INT }, d, env).s})`,
                n: 1,
              }),
              0.3,
            ],
            [
              'MapThenSumSet',
              () => ({
                s: `MapThenSumSet(LAMBDA ${this.lambdaVars(1)} : ${this.lastLambda[0]} * 2, ${this.sub(setOf(INT), d, env).s})`,
                n: 1,
              }),
              0.3,
            ],
            [
              'Quantify',
              () => ({
                s: `Quantify(${this.sub(setOf(INT), d, env).s}, LAMBDA ${this.lambdaVars(1)} : ${this.lastLambda[0]} > 0)`,
                n: 1,
              }),
              0.3,
            ],
            [
              'SumBag',
              () => ({ s: `SumBag(${this.sub({ t: 'bag', of: INT }, d, env).s})`, n: 1 }),
              0.3,
            ],
            [
              'Choose_nk',
              () => ({ s: `choose(${this.smallInt(d, env).s}, ${this.smallInt(d, env).s})`, n: 1 }),
              0.3,
            ],
            [
              'SelectInSeq',
              () => {
                const t = this.randomTy(0);
                const x = this.fresh('x');
                return {
                  s: `${r.pick(['SelectInSeq', 'SelectLastInSeq'])}(${this.sub(seqOf(t), d, env).s}, LAMBDA ${x} : ${this.sub(BOOL, d, { vars: [...env.vars, { text: x, ty: t, n: 1 }] }).s})`,
                  n: 1,
                };
              },
              0.3,
            ],
            [
              'IndexFirstSubSeq',
              () => ({
                s: `IndexFirstSubSeq(${this.sub(seqOf(INT), d, env).s}, ${this.sub(seqOf(INT), d, env).s})`,
                n: 1,
              }),
              0.3,
            ],
            [
              'SeqMod',
              () => ({ s: `SeqMod(${this.sub(INT, d, env).s}, ${this.sub(INT, d, env).s})`, n: 1 }),
              0.2,
            ],
            [
              'BitAnd',
              () => ({ s: `(${this.smallNonNeg(d, env)} & ${this.smallNonNeg(d, env)})`, n: 1 }),
              0.2,
            ],
            [
              'BitOr',
              () => ({ s: `(${this.smallNonNeg(d, env)} | ${this.smallNonNeg(d, env)})`, n: 1 }),
              0.2,
            ],
            [
              'BitXor',
              () => ({ s: `(${this.smallNonNeg(d, env)} ^^ ${this.smallNonNeg(d, env)})`, n: 1 }),
              0.2,
            ],
            [
              'ShiftR',
              () => ({ s: `shiftR(${this.smallNonNeg(d, env)}, ${r.int(0, 3)})`, n: 1 }),
              0.2,
            ],
            [
              'InDegree',
              () => ({ s: `InDegree(${this.graph(d, env)}, ${r.int(1, 3)})`, n: 1 }),
              0.2,
            ],
          ] as [string, () => G | undefined, number][])
        : []),
    ];
  }

  private smallNonNeg(d: number, env: Env): string {
    return d > 1 && this.rng.chance(0.3)
      ? `(${this.sub(INT, d, env).s} % 16)`
      : String(this.rng.int(0, 40));
  }

  /** A directed graph record `[node |-> S, edge |-> E]` over 1..3 (Graphs). */
  private graph(d: number, env: Env): string {
    const r = this.rng;
    const nodes = r.pick(['(1..3)', '{1, 2}', '{1, 2, 3}', `(1..${r.int(0, 3)})`]);
    const e = this.fresh('e');
    const edges = r.chance(0.3)
      ? `{${e} \\in (${nodes} \\X ${nodes}) : ${this.sub(BOOL, Math.min(d, 1), { vars: [...env.vars, { text: `${e}[1]`, ty: INT, n: 1, small: true }, { text: `${e}[2]`, ty: INT, n: 1, small: true }] }).s}}`
      : `{${Array.from({ length: r.int(0, 4) }, () => `<<${r.int(1, 3)}, ${r.int(1, 3)}>>`).join(', ')}}`;
    return `[node |-> ${nodes}, edge |-> ${edges}]`;
  }

  private boolProds(d: number, env: Env): [string, () => G | undefined, number][] {
    const r = this.rng;
    const c = this.opts.community;
    const cmp = (op: string) => (): G => ({
      s: `(${this.sub(INT, d, env).s} ${op} ${this.sub(INT, d, env).s})`,
      n: 1,
    });
    const logic = (op: string) => (): G => ({
      s: `(${this.sub(BOOL, d, env).s} ${op} ${this.sub(BOOL, d, env).s})`,
      n: 1,
    });
    return [
      ['Eq', () => this.equality('=', d, env), 5],
      ['Neq', () => this.equality('#', d, env), 2],
      ['Lt', cmp('<'), 2],
      ['Le', cmp('<='), 1.5],
      ['Gt', cmp('>'), 1],
      ['Ge', cmp('>='), 1],
      ['And', logic('/\\'), 3],
      ['Or', logic('\\/'), 3],
      ['Implies', logic('=>'), 1],
      ['Equiv', logic('<=>'), 1],
      ['Not', () => ({ s: `(~${this.sub(BOOL, d, env).s})`, n: 1 }), 1.5],
      ['In', () => this.membership(d, env, false), 5],
      ['NotIn', () => this.membership(d, env, true), 1.5],
      [
        'Subseteq',
        () => {
          const t = this.randomTy(1);
          return {
            s: `(${this.sub(setOf(t), d, env).s} \\subseteq ${this.sub(setOf(t), d, env).s})`,
            n: 1,
          };
        },
        2,
      ],
      ['Forall', () => this.quantifier('\\A', d, env), 3],
      ['Exists', () => this.quantifier('\\E', d, env), 3],
      [
        'IsFiniteSet',
        () => ({
          s: `IsFiniteSet(${r.chance(0.2) ? r.pick(['Nat', 'Int', 'STRING', 'Seq({1})']) : this.sub(setOf(this.randomTy(1)), d, env).s})`,
          n: 1,
        }),
        0.5,
      ],
      [
        'BagIn',
        () => {
          const of = this.randomTy(0);
          return {
            s: `BagIn(${this.sub(of, d, env).s}, ${this.sub({ t: 'bag', of }, d, env).s})`,
            n: 1,
          };
        },
        0.5,
      ],
      [
        'IsABag',
        () => ({
          s: `IsABag(${this.sub(r.chance(0.5) ? { t: 'bag', of: INT } : { t: 'fn', dom: STR, cod: INT }, d, env).s})`,
          n: 1,
        }),
        0.4,
      ],
      [
        'SubBagEq',
        () => {
          const of = this.randomTy(0);
          return {
            s: `(${this.sub({ t: 'bag', of }, d, env).s} \\sqsubseteq ${this.sub({ t: 'bag', of }, d, env).s})`,
            n: 1,
          };
        },
        0.4,
      ],
      ...(c
        ? ([
            [
              'IsInjective',
              () => ({
                s: `IsInjective(${this.sub({ t: 'fn', dom: INT, cod: this.randomTy(0) }, d, env).s})`,
                n: 1,
              }),
              0.4,
            ],
            [
              'Contains',
              () => {
                const t = this.randomTy(0);
                return {
                  s: `Contains(${this.sub(seqOf(t), d, env).s}, ${this.sub(t, d, env).s})`,
                  n: 1,
                };
              },
              0.3,
            ],
            [
              'IsPrefix',
              () => ({
                s: `${r.pick(['IsPrefix', 'IsStrictPrefix', 'IsSuffix', 'IsStrictSuffix'])}(${this.sub(seqOf(INT), d, env).s}, ${this.sub(seqOf(INT), d, env).s})`,
                n: 1,
              }),
              0.4,
            ],
            [
              'IsSorted',
              () => ({
                s: `IsSorted(${this.sub(seqOf(INT), d, env).s}, LAMBDA ${this.lambdaVars(2)} : ${this.lastLambda[0]} <= ${this.lastLambda[1]})`,
                n: 1,
              }),
              0.2,
            ],
            [
              'IsRestriction',
              () => ({
                s: `IsRestriction(${this.sub({ t: 'fn', dom: INT, cod: INT }, d, env).s}, ${this.sub({ t: 'fn', dom: INT, cod: INT }, d, env).s})`,
                n: 1,
              }),
              0.2,
            ],
            [
              'ExistsBijection',
              () => ({
                s: `${r.pick(['ExistsInjection', 'ExistsSurjection', 'ExistsBijection'])}(${this.smallSet(INT, d, env)}, ${this.smallSet(STR, d, env)})`,
                n: 1,
              }),
              0.2,
            ],
            [
              'Relation',
              () => {
                const set = r.pick(['{1, 2}', '1..3', '{1}', '{}']);
                const [a, b] = this.lambdaPair();
                const rel = `[${a} \\in ${set}, ${b} \\in ${set} |-> ${r.pick([`${a} <= ${b}`, `${a} < ${b}`, `${a} = ${b}`, 'TRUE', 'FALSE', `(${a} + ${b}) % 2 = 0`])}]`;
                return {
                  s: `${r.pick(['IsReflexive', 'IsIrreflexive', 'IsSymmetric', 'IsAntiSymmetric', 'IsAsymmetric', 'IsTransitive', 'IsStrictlyPartiallyOrdered', 'IsPartiallyOrdered', 'IsStrictlyTotallyOrdered', 'IsTotallyOrdered', 'IsConnected'])}(${rel}, ${set})`,
                  n: 1,
                };
              },
              0.3,
            ],
            [
              'GraphProp',
              () => ({
                s: `${r.pick(['IsDirectedGraph', 'IsStronglyConnected', 'HasCycle', 'IsDag'])}(${this.graph(d, env)})`,
                n: 1,
              }),
              0.3,
            ],
            [
              'AreConnectedIn',
              () => ({
                s: `AreConnectedIn(${r.int(1, 3)}, ${r.int(1, 3)}, ${this.graph(d, env)})`,
                n: 1,
              }),
              0.2,
            ],
          ] as [string, () => G | undefined, number][])
        : []),
    ];
  }

  private smallSet(of: Ty, d: number, env: Env): string {
    const g = this.sub(setOf(of), Math.min(d, 2), env);
    return g.n <= 3 ? g.s : `{${this.leaf(of, env).s}}`;
  }

  private strProds(d: number, env: Env): [string, () => G | undefined, number][] {
    return [
      [
        'Concat',
        () => ({ s: `(${this.sub(STR, d, env).s} \\o ${this.sub(STR, d, env).s})`, n: 1 }),
        3,
      ],
      ['ToString', () => ({ s: `ToString(${this.sub(this.randomTy(2), d, env).s})`, n: 1 }), 3],
    ];
  }

  private setProds(
    ty: Extract<Ty, { t: 'set' }>,
    d: number,
    env: Env,
  ): [string, () => G | undefined, number][] {
    const r = this.rng;
    const of = ty.of;
    const c = this.opts.community;
    const bin = (op: string, combine: (a: number, b: number) => number) => (): G => {
      const a = this.sub(ty, d, env);
      const b = this.sub(ty, d, env);
      return { s: `(${a.s} ${op} ${b.s})`, n: combine(a.n, b.n) };
    };
    const prods: [string, () => G | undefined, number][] = [
      [
        'SetEnum',
        () => {
          const k = r.int(0, 4);
          const elems = Array.from({ length: k }, () => this.sub(of, d, env).s);
          return { s: `{${elems.join(', ')}}`, n: k };
        },
        4,
      ],
      ['Cup', bin('\\cup', (a, b) => a + b), 3],
      ['Cap', bin('\\cap', (a, b) => Math.min(a, b)), 2],
      ['SetMinus', bin('\\', (a) => a), 2],
      [
        'SetFilter',
        () => {
          const x = this.fresh('x');
          const s = this.sub(ty, d, env);
          const p = this.sub(BOOL, d, {
            vars: [
              ...env.vars,
              {
                text: x,
                ty: of,
                n: 1,
                small: of.t === 'int' && /^\{[-0-9, ()]*\}$|\.\./.test(s.s),
              },
            ],
          });
          return { s: `{${x} \\in ${s.s} : ${p.s}}`, n: s.n };
        },
        3,
      ],
      [
        'SetMap',
        () => {
          const from = this.randomTy(1);
          const x = this.fresh('x');
          const s = this.sub(setOf(from), d, env);
          if (s.n > 12) return undefined;
          const e = this.sub(of, d, { vars: [...env.vars, { text: x, ty: from, n: 1 }] });
          return { s: `{${e.s} : ${x} \\in ${s.s}}`, n: s.n };
        },
        3,
      ],
      [
        'SetMap2',
        () => {
          const x = this.fresh('x');
          const y = this.fresh('y');
          const a = this.sub(setOf(INT), d, env);
          const b = this.sub(setOf(STR), d, env);
          if (a.n * b.n > 16) return undefined;
          const e = this.sub(of, d, {
            vars: [...env.vars, { text: x, ty: INT, n: 1 }, { text: y, ty: STR, n: 1 }],
          });
          return { s: `{${e.s} : ${x} \\in ${a.s}, ${y} \\in ${b.s}}`, n: a.n * b.n };
        },
        0.7,
      ],
      [
        'Union',
        () => {
          const ss = this.sub(setOf(ty), d, env);
          return { s: `(UNION ${ss.s})`, n: ss.n * 4 };
        },
        1.5,
      ],
      ['Choose', () => this.choose(ty, d, env), 1],
    ];
    if (of.t === 'int') {
      prods.push([
        'Interval',
        () => ({ s: `(${this.smallInt(d, env).s}..${this.smallInt(d, env).s})`, n: 9 }),
        4,
      ]);
      prods.push([
        'DomainSeq',
        () => {
          const s = this.sub(seqOf(this.randomTy(0)), d, env);
          return { s: `(DOMAIN ${s.s})`, n: s.n };
        },
        1,
      ]);
    }
    if (of.t === 'bool') prods.push(['BOOLEAN', () => ({ s: 'BOOLEAN', n: 2 }), 2]);
    if (of.t === 'set') {
      prods.push([
        'Subset',
        () => {
          const s = this.sub(of, d, env);
          if (s.n > 4) return undefined;
          return { s: `(SUBSET ${s.s})`, n: 2 ** s.n };
        },
        3,
      ]);
      if (c) {
        prods.push([
          'kSubset',
          () => {
            const s = this.sub(of, d, env);
            if (s.n > 5) return undefined;
            return { s: `kSubset(${this.smallInt(d, env).s}, ${s.s})`, n: 2 ** s.n };
          },
          0.5,
        ]);
      }
    }
    if (
      of.t !== 'fn' &&
      of.t !== 'rec' &&
      of.t !== 'tup' &&
      of.t !== 'seq' &&
      of.t !== 'set' &&
      of.t !== 'bag'
    ) {
      prods.push([
        'DomainFcn',
        () => {
          const f = this.sub({ t: 'fn', dom: of, cod: this.randomTy(0) }, d, env);
          return { s: `(DOMAIN ${f.s})`, n: f.n };
        },
        1.5,
      ]);
      prods.push([
        'BagToSet',
        () => {
          const b = this.sub({ t: 'bag', of }, d, env);
          return { s: `BagToSet(${b.s})`, n: b.n };
        },
        0.5,
      ]);
    }
    if (of.t === 'str')
      prods.push([
        'DomainRec',
        () => ({
          s: `(DOMAIN ${
            this.sub(
              {
                t: 'rec',
                fields: [
                  ['a', INT],
                  ['b', STR],
                ],
              },
              d,
              env,
            ).s
          })`,
          n: 2,
        }),
        0.7,
      ]);
    if (of.t === 'tup' && of.elems.length === 2) {
      prods.push([
        'Product',
        () => {
          const a = this.sub(setOf(of.elems[0]), d, env);
          const b = this.sub(setOf(of.elems[1]), d, env);
          if (a.n * b.n > 36) return undefined;
          return { s: `(${a.s} \\X ${b.s})`, n: a.n * b.n };
        },
        3,
      ]);
    }
    if (of.t === 'fn' || of.t === 'seq') {
      prods.push([
        'FcnSet',
        () => {
          const dom = of.t === 'fn' ? of.dom : INT;
          const cod = of.t === 'fn' ? of.cod : of.of;
          const a =
            of.t === 'seq' ? { s: `1..${r.int(0, 2)}`, n: 2 } : this.sub(setOf(dom), d, env);
          const b = this.sub(setOf(cod), d, env);
          if (a.n > 3 || b.n > 4) return undefined;
          return { s: `[${a.s} -> ${b.s}]`, n: b.n ** a.n };
        },
        3,
      ]);
    }
    if (of.t === 'fn' && sameTy(of.dom, of.cod)) {
      prods.push([
        'Permutations',
        () => {
          const s = this.sub(setOf(of.dom), d, env);
          if (s.n > 4) return undefined;
          return { s: `Permutations(${s.s})`, n: 24 };
        },
        1,
      ]);
    }
    if (of.t === 'rec') {
      prods.push([
        'RecordSet',
        () => {
          const parts = of.fields.map(([f, t]) => [f, this.sub(setOf(t), d, env)] as const);
          const n = parts.reduce((a, [, g]) => a * g.n, 1);
          if (n > 36) return undefined;
          return { s: `[${parts.map(([f, g]) => `${f} : ${g.s}`).join(', ')}]`, n };
        },
        3,
      ]);
    }
    if (c) {
      prods.push([
        'SymDiff',
        () => {
          const a = this.sub(ty, d, env);
          const b = this.sub(ty, d, env);
          return { s: `SymDiff(${a.s}, ${b.s})`, n: a.n + b.n };
        },
        0.4,
      ]);
      prods.push([
        'Range',
        () => {
          const f = this.sub({ t: 'fn', dom: this.randomTy(0), cod: of }, d, env);
          return { s: `Range(${f.s})`, n: f.n };
        },
        0.6,
      ]);
      prods.push([
        'ToSet',
        () => {
          const s = this.sub(seqOf(of), d, env);
          return { s: `ToSet(${s.s})`, n: s.n };
        },
        0.4,
      ]);
      prods.push([
        'FlattenSet',
        () => {
          const s = this.sub(setOf(ty), d, env);
          return { s: `FlattenSet(${s.s})`, n: s.n * 4 };
        },
        0.3,
      ]);
      if (of.t === 'seq') {
        prods.push([
          'Prefixes',
          () => ({
            s: `${r.pick(['Prefixes', 'Suffixes', 'SubSeqs'])}(${this.sub(ty.of, d, env).s})`,
            n: 10,
          }),
          0.4,
        ]);
        prods.push([
          'SetToSeqs',
          () => {
            const s = this.sub(setOf(of.of), d, env);
            if (s.n > 3) return undefined;
            return { s: `SetToSeqs(${s.s})`, n: 6 };
          },
          0.3,
        ]);
        prods.push([
          'BoundedSeq',
          () => {
            const s = this.sub(setOf(of.of), d, env);
            if (s.n > 3) return undefined;
            return { s: `BoundedSeq(${s.s}, ${r.int(0, 2)})`, n: 13 };
          },
          0.3,
        ]);
      }
      if (of.t === 'int') {
        prods.push([
          'GraphNodes',
          () => ({
            s: `${r.pick(['Successors', 'Predecessors', 'Ancestors', 'Descendants'])}(${this.graph(d, env)}, ${r.int(1, 3)})`,
            n: 3,
          }),
          0.3,
        ]);
        prods.push([
          'Roots',
          () => ({ s: `${r.pick(['Roots', 'Leaves'])}(${this.graph(d, env)})`, n: 3 }),
          0.2,
        ]);
      }
      if (of.t === 'tup')
        prods.push([
          'TransitiveClosure',
          () => ({
            s: `${r.pick(['TransitiveClosure', 'ReflexiveTransitiveClosure'])}(${this.relationSet()}, 1..3)`,
            n: 9,
          }),
          0.2,
        ]);
    }
    return prods;
  }

  private relationSet(): string {
    const r = this.rng;
    return `{${Array.from({ length: r.int(0, 4) }, () => `<<${r.int(1, 3)}, ${r.int(1, 3)}>>`).join(', ')}}`;
  }

  private seqProds(
    ty: Extract<Ty, { t: 'seq' }>,
    d: number,
    env: Env,
  ): [string, () => G | undefined, number][] {
    const r = this.rng;
    const of = ty.of;
    const c = this.opts.community;
    const prods: [string, () => G | undefined, number][] = [
      [
        'Tuple',
        () => {
          const k = r.int(0, 4);
          return {
            s: `<<${Array.from({ length: k }, () => this.sub(of, d, env).s).join(', ')}>>`,
            n: k,
          };
        },
        4,
      ],
      [
        'Append',
        () => {
          const s = this.sub(ty, d, env);
          return { s: `Append(${s.s}, ${this.sub(of, d, env).s})`, n: s.n + 1 };
        },
        3,
      ],
      [
        'SeqConcat',
        () => {
          const a = this.sub(ty, d, env);
          const b = this.sub(ty, d, env);
          return { s: `(${a.s} \\o ${b.s})`, n: a.n + b.n };
        },
        2,
      ],
      [
        'Tail',
        () => {
          const s = this.sub(ty, d, env);
          return { s: `Tail(${s.s})`, n: s.n };
        },
        2,
      ],
      [
        'SubSeq',
        () => {
          const s = this.sub(ty, d, env);
          return {
            s: `SubSeq(${s.s}, ${this.smallInt(d, env).s}, ${this.smallInt(d, env).s})`,
            n: s.n,
          };
        },
        2,
      ],
      [
        'SelectSeq',
        () => {
          const s = this.sub(ty, d, env);
          const x = this.fresh('x');
          return {
            s: `SelectSeq(${s.s}, LAMBDA ${x} : ${this.sub(BOOL, d, { vars: [...env.vars, { text: x, ty: of, n: 1 }] }).s})`,
            n: s.n,
          };
        },
        1.5,
      ],
      [
        'SeqCtor',
        () => {
          const i = this.fresh('i');
          const n = this.smallInt(d, env);
          return {
            s: `[${i} \\in 1..${n.s} |-> ${this.sub(of, d, { vars: [...env.vars, { text: i, ty: INT, n: 1, small: true }] }).s}]`,
            n: 6,
          };
        },
        2,
      ],
      [
        'SeqExcept',
        () => {
          const s = this.sub(ty, d, env);
          const at =
            r.chance(0.4) && of.t === 'int'
              ? `@ + ${this.sub(INT, d, env).s}`
              : this.sub(of, d, env).s;
          return { s: `[${s.s} EXCEPT ![${this.smallInt(d, env).s}] = ${at}]`, n: s.n };
        },
        1.5,
      ],
    ];
    if (of.t === 'int') {
      prods.push([
        'SortSeq',
        () => {
          const s = this.sub(ty, d, env);
          const [a, b] = this.lambdaPair();
          return {
            s: `SortSeq(${s.s}, LAMBDA ${a}, ${b} : ${r.pick([`${a} < ${b}`, `${a} > ${b}`, `${a} <= ${b}`])})`,
            n: s.n,
          };
        },
        1,
      ]);
    }
    if (c) {
      const seqArg = () => this.sub(ty, d, env);
      prods.push(
        ['Reverse', () => ({ s: `Reverse(${seqArg().s})`, n: 4 }), 0.5],
        ['Remove', () => ({ s: `Remove(${seqArg().s}, ${this.sub(of, d, env).s})`, n: 4 }), 0.3],
        [
          'ReplaceAll',
          () => ({
            s: `ReplaceAll(${seqArg().s}, ${this.sub(of, d, env).s}, ${this.sub(of, d, env).s})`,
            n: 4,
          }),
          0.3,
        ],
        [
          'InsertAt',
          () => ({
            s: `InsertAt(${seqArg().s}, ${this.smallInt(d, env).s}, ${this.sub(of, d, env).s})`,
            n: 5,
          }),
          0.3,
        ],
        [
          'ReplaceAt',
          () => ({
            s: `ReplaceAt(${seqArg().s}, ${this.smallInt(d, env).s}, ${this.sub(of, d, env).s})`,
            n: 4,
          }),
          0.3,
        ],
        [
          'RemoveAt',
          () => ({ s: `RemoveAt(${seqArg().s}, ${this.smallInt(d, env).s})`, n: 4 }),
          0.3,
        ],
        [
          'RemoveFirst',
          () => ({ s: `RemoveFirst(${seqArg().s}, ${this.sub(of, d, env).s})`, n: 4 }),
          0.2,
        ],
        ['Cons', () => ({ s: `Cons(${this.sub(of, d, env).s}, ${seqArg().s})`, n: 5 }), 0.3],
        ['Snoc', () => ({ s: `Snoc(${seqArg().s}, ${this.sub(of, d, env).s})`, n: 5 }), 0.2],
        ['Front', () => ({ s: `Front(${seqArg().s})`, n: 4 }), 0.3],
        [
          'SetToSeq',
          () => {
            const s = this.sub(setOf(of), d, env);
            return { s: `SetToSeq(${s.s})`, n: s.n };
          },
          0.4,
        ],
        ['FlattenSeq', () => ({ s: `FlattenSeq(${this.sub(seqOf(ty), d, env).s})`, n: 8 }), 0.3],
        ['Interleave', () => ({ s: `Interleave(${seqArg().s}, ${seqArg().s})`, n: 8 }), 0.2],
        [
          'LongestCommonPrefix',
          () => ({ s: `LongestCommonPrefix(${this.sub(setOf(ty), d, env).s})`, n: 4 }),
          0.2,
        ],
        [
          'ReplaceFirstSubSeq',
          () => ({
            s: `${r.pick(['ReplaceFirstSubSeq', 'ReplaceAllSubSeqs'])}(${seqArg().s}, ${seqArg().s}, ${seqArg().s})`,
            n: 8,
          }),
          0.2,
        ],
      );
      if (of.t === 'int') {
        prods.push([
          'SetToSortSeq',
          () => {
            const [a, b] = this.lambdaPair();
            return {
              s: `SetToSortSeq(${this.sub(setOf(INT), d, env).s}, LAMBDA ${a}, ${b} : ${a} < ${b})`,
              n: 6,
            };
          },
          0.3,
        ]);
      }
    }
    return prods;
  }

  private fnProds(
    ty: Extract<Ty, { t: 'fn' }>,
    d: number,
    env: Env,
  ): [string, () => G | undefined, number][] {
    const r = this.rng;
    const c = this.opts.community;
    const prods: [string, () => G | undefined, number][] = [
      [
        'FcnCtor',
        () => {
          const x = this.fresh('x');
          const s = this.sub(setOf(ty.dom), d, env);
          return {
            s: `[${x} \\in ${s.s} |-> ${this.sub(ty.cod, d, { vars: [...env.vars, { text: x, ty: ty.dom, n: 1 }] }).s}]`,
            n: s.n,
          };
        },
        4,
      ],
      [
        'ColonGt',
        () => ({ s: `(${this.sub(ty.dom, d, env).s} :> ${this.sub(ty.cod, d, env).s})`, n: 1 }),
        2,
      ],
      [
        'AtAt',
        () => {
          const a = this.sub(ty, d, env);
          const b = this.sub(ty, d, env);
          return { s: `(${a.s} @@ ${b.s})`, n: a.n + b.n };
        },
        2,
      ],
      [
        'FcnExcept',
        () => {
          const f = this.sub(ty, d, env);
          const at =
            r.chance(0.3) && ty.cod.t === 'int'
              ? `@ * ${this.sub(INT, d, env).s}`
              : this.sub(ty.cod, d, env).s;
          const two = r.chance(0.2)
            ? `, ![${this.sub(ty.dom, d, env).s}] = ${this.sub(ty.cod, d, env).s}`
            : '';
          return { s: `[${f.s} EXCEPT ![${this.sub(ty.dom, d, env).s}] = ${at}${two}]`, n: f.n };
        },
        2,
      ],
      [
        'ChooseFcnSet',
        () => {
          const a = this.sub(setOf(ty.dom), d, env);
          const b = this.sub(setOf(ty.cod), d, env);
          if (a.n > 3 || b.n > 3) return undefined;
          const f = this.fresh('f');
          const p = this.sub(BOOL, d, { vars: [...env.vars, { text: f, ty, n: a.n }] });
          return { s: `(CHOOSE ${f} \\in [${a.s} -> ${b.s}] : ${p.s})`, n: a.n };
        },
        1,
      ],
    ];
    if (c) {
      prods.push([
        'Restrict',
        () => {
          const f = this.sub(ty, d, env);
          return { s: `Restrict(${f.s}, ${this.sub(setOf(ty.dom), d, env).s})`, n: f.n };
        },
        0.4,
      ]);
      prods.push([
        'Pointwise',
        () => {
          if (ty.cod.t !== 'int') return undefined;
          return {
            s: `Pointwise(${this.sub(ty, d, env).s}, ${this.sub(ty, d, env).s}, LAMBDA ${this.lambdaVars(2)} : ${this.combine2(INT)})`,
            n: 4,
          };
        },
        0.2,
      ]);
      if (sameTy(ty.dom, ty.cod)) {
        prods.push([
          'AntiFunction',
          () => ({ s: `AntiFunction(${this.sub(ty, d, env).s})`, n: 4 }),
          0.2,
        ]);
      }
    }
    return prods;
  }

  private recProds(
    ty: Extract<Ty, { t: 'rec' }>,
    d: number,
    env: Env,
  ): [string, () => G | undefined, number][] {
    const r = this.rng;
    return [
      [
        'Record',
        () => {
          const fields = ty.fields.slice();
          // Fields in any order: the value must not depend on it.
          for (let i = fields.length - 1; i > 0; i--) {
            const j = r.int(0, i);
            [fields[i], fields[j]] = [fields[j], fields[i]];
          }
          return {
            s: `[${fields.map(([f, t]) => `${f} |-> ${this.sub(t, d, env).s}`).join(', ')}]`,
            n: fields.length,
          };
        },
        4,
      ],
      [
        'RecExcept',
        () => {
          const [f, t] = r.pick(ty.fields);
          const at =
            r.chance(0.3) && t.t === 'int'
              ? `@ - ${this.sub(INT, d, env).s}`
              : this.sub(t, d, env).s;
          return { s: `[${this.sub(ty, d, env).s} EXCEPT !.${f} = ${at}]`, n: ty.fields.length };
        },
        2,
      ],
      [
        'ChooseRecSet',
        () => {
          const parts = ty.fields.map(([f, t]) => [f, this.sub(setOf(t), d, env)] as const);
          if (parts.reduce((a, [, g]) => a * g.n, 1) > 24) return undefined;
          const x = this.fresh('r');
          const p = this.sub(BOOL, d, {
            vars: [...env.vars, { text: x, ty, n: ty.fields.length }],
          });
          return {
            s: `(CHOOSE ${x} \\in [${parts.map(([f, g]) => `${f} : ${g.s}`).join(', ')}] : ${p.s})`,
            n: ty.fields.length,
          };
        },
        1,
      ],
    ];
  }

  private tupleExcept(ty: Extract<Ty, { t: 'tup' }>, d: number, env: Env): G {
    const i = this.rng.int(1, ty.elems.length);
    return {
      s: `[${this.sub(ty, d, env).s} EXCEPT ![${i}] = ${this.sub(ty.elems[i - 1], d, env).s}]`,
      n: ty.elems.length,
    };
  }

  private bagProds(
    ty: Extract<Ty, { t: 'bag' }>,
    d: number,
    env: Env,
  ): [string, () => G | undefined, number][] {
    const r = this.rng;
    const c = this.opts.community;
    const prods: [string, () => G | undefined, number][] = [
      [
        'SetToBag',
        () => {
          const s = this.sub(setOf(ty.of), d, env);
          return { s: `SetToBag(${s.s})`, n: s.n };
        },
        3,
      ],
      [
        'BagPlus',
        () => {
          const a = this.sub(ty, d, env);
          const b = this.sub(ty, d, env);
          return { s: `(${a.s} (+) ${b.s})`, n: a.n + b.n };
        },
        2,
      ],
      [
        'BagMinus',
        () => {
          const a = this.sub(ty, d, env);
          return { s: `(${a.s} (-) ${this.sub(ty, d, env).s})`, n: a.n };
        },
        2,
      ],
      [
        'BagUnion',
        () => ({ s: `BagUnion({${this.sub(ty, d, env).s}, ${this.sub(ty, d, env).s}})`, n: 6 }),
        1,
      ],
      [
        'BagOfAll',
        () => {
          const x = this.fresh('x');
          const b = this.sub(ty, d, env);
          return {
            s: `BagOfAll(LAMBDA ${x} : ${this.sub(ty.of, d, { vars: [...env.vars, { text: x, ty: ty.of, n: 1 }] }).s}, ${b.s})`,
            n: b.n,
          };
        },
        1,
      ],
    ];
    if (c) {
      prods.push([
        'BagAdd',
        () => ({
          s: `${r.pick(['BagAdd', 'BagRemove', 'BagRemoveAll'])}(${this.sub(ty, d, env).s}, ${this.sub(ty.of, d, env).s})`,
          n: 4,
        }),
        0.6,
      ]);
      prods.push(['ToBag', () => ({ s: `ToBag(${this.sub(seqOf(ty.of), d, env).s})`, n: 4 }), 0.3]);
    }
    return prods;
  }

  // ------------------------------------------------------------------ shared productions

  private ifThen(ty: Ty, d: number, env: Env): G {
    const a = this.sub(ty, d, env);
    const b = this.sub(ty, d, env);
    return { s: `(IF ${this.sub(BOOL, d, env).s} THEN ${a.s} ELSE ${b.s})`, n: Math.max(a.n, b.n) };
  }

  private caseOf(ty: Ty, d: number, env: Env): G {
    const r = this.rng;
    const k = r.int(1, 3);
    let n = 0;
    const arms = Array.from({ length: k }, () => {
      const v = this.sub(ty, d, env);
      n = Math.max(n, v.n);
      return `${this.sub(BOOL, d, env).s} -> ${v.s}`;
    });
    if (r.chance(0.6)) {
      const v = this.sub(ty, d, env);
      n = Math.max(n, v.n);
      arms.push(`OTHER -> ${v.s}`);
    }
    return { s: `(CASE ${arms.join(' [] ')})`, n };
  }

  private choose(ty: Ty, d: number, env: Env): G | undefined {
    const x = this.fresh('x');
    const s = this.sub(setOf(ty), d, env);
    const vars = [...env.vars, { text: x, ty, n: 4 }];
    // A predicate on the chosen element, mostly: `x = e`, `x # e`, or any boolean.
    const p = this.rng.weighted<() => string>([
      [() => 'TRUE', 3],
      [() => `${x} ${this.rng.pick(['=', '#'])} ${this.sub(ty, Math.min(d, 2), env).s}`, 2],
      [() => this.sub(BOOL, d, { vars }).s, 3],
    ])();
    return { s: `(CHOOSE ${x} \\in ${s.s} : ${p})`, n: 4 };
  }

  private letIn(ty: Ty, d: number, env: Env): G {
    const name = this.fresh('L');
    const t = this.randomTy(1);
    const def = this.sub(t, d, env);
    const body = this.sub(ty, d, { vars: [...env.vars, { text: name, ty: t, n: def.n }] });
    return { s: `(LET ${name} == ${def.s} IN ${body.s})`, n: body.n };
  }

  /** `LET Op(p) == … IN …Op(a)…`: an operator with a parameter, applied in the body. */
  private letOp(ty: Ty, d: number, env: Env): G {
    const name = this.fresh('Op');
    const p = this.fresh('p');
    const pt = this.randomTy(1);
    const def = this.sub(ty, d, { vars: [...env.vars, { text: p, ty: pt, n: 3 }] });
    const a1 = this.sub(pt, d, env);
    if (this.rng.chance(0.5))
      return { s: `(LET ${name}(${p}) == ${def.s} IN ${name}(${a1.s}))`, n: def.n };
    // Applied twice, combined at the type.
    const a2 = this.sub(pt, d, env);
    return {
      s: `(LET ${name}(${p}) == ${def.s} IN (IF ${this.sub(BOOL, d, env).s} THEN ${name}(${a1.s}) ELSE ${name}(${a2.s})))`,
      n: def.n,
    };
  }

  private fcnApp(ty: Ty, d: number, env: Env): G | undefined {
    const r = this.rng;
    if (r.chance(0.25)) {
      // A function of two arguments: `[x \in S, y \in T |-> e][a, b]`.
      const x = this.fresh('x');
      const y = this.fresh('y');
      const a = this.sub(setOf(INT), d, env);
      const b = this.sub(setOf(STR), d, env);
      const e = this.sub(ty, d, {
        vars: [...env.vars, { text: x, ty: INT, n: 1 }, { text: y, ty: STR, n: 1 }],
      });
      return {
        s: `([${x} \\in ${a.s}, ${y} \\in ${b.s} |-> ${e.s}][${this.sub(INT, d, env).s}, ${this.sub(STR, d, env).s}])`,
        n: e.n,
      };
    }
    const dom = r.weighted<Ty>([
      [INT, 3],
      [STR, 2],
      [MV, 1],
      [BOOL, 1],
    ]);
    const f = this.sub({ t: 'fn', dom, cod: ty }, d, env);
    if (r.chance(0.5)) {
      // Applied inside its domain (most of the time): `LET g == f IN g[CHOOSE x \in DOMAIN g : p]`.
      const g = this.fresh('g');
      const x = this.fresh('x');
      const p = r.chance(0.5)
        ? 'TRUE'
        : this.sub(BOOL, Math.min(d, 2), { vars: [...env.vars, { text: x, ty: dom, n: 1 }] }).s;
      return { s: `(LET ${g} == ${f.s} IN ${g}[CHOOSE ${x} \\in DOMAIN ${g} : ${p}])`, n: 4 };
    }
    return { s: `${f.s}[${this.sub(dom, d, env).s}]`, n: 4 };
  }

  private seqIndex(ty: Ty, d: number, env: Env): G {
    const s = this.sub(seqOf(ty), d, env);
    const i = this.rng.chance(0.7) ? String(this.rng.int(1, 2)) : this.smallInt(d, env).s;
    return { s: `${s.s}[${i}]`, n: 4 };
  }

  private recField(ty: Ty, d: number, env: Env): G {
    const r = this.rng;
    const names = FIELDS.filter(() => r.chance(0.4));
    const f = r.pick(FIELDS);
    if (!names.includes(f)) names.push(f);
    const rec: Ty = {
      t: 'rec',
      fields: names.map((n) => [n, n === f ? ty : this.randomTy(0)] as [string, Ty]),
    };
    return { s: `${this.sub(rec, d, env).s}.${f}`, n: 4 };
  }

  private tupleIndex(ty: Ty, d: number, env: Env): G {
    const r = this.rng;
    const other = this.randomTy(0);
    const first = r.chance(0.5);
    const t: Ty = { t: 'tup', elems: first ? [ty, other] : [other, ty] };
    return { s: `${this.sub(t, d, env).s}[${first ? 1 : 2}]`, n: 4 };
  }

  private equality(op: string, d: number, env: Env): G {
    const t = this.randomTy(2);
    return { s: `(${this.sub(t, d, env).s} ${op} ${this.sub(t, d, env).s})`, n: 1 };
  }

  /** `x \in S` over enumerated and lazy sets (Nat, Int, STRING, SUBSET, [S -> T], Seq, records). */
  private membership(d: number, env: Env, negated: boolean): G {
    const r = this.rng;
    const op = negated ? '\\notin' : '\\in';
    const kind = r.weighted<string>([
      ['enum', 6],
      ['nat', 1],
      ['int', 0.7],
      ['string', 0.5],
      ['subset', 1],
      ['fcnset', 1],
      ['seq', 1],
      ['recset', 0.7],
      ['bool', 0.3],
    ]);
    switch (kind) {
      case 'nat':
        return { s: `(${this.sub(INT, d, env).s} ${op} Nat)`, n: 1 };
      case 'int':
        return { s: `(${this.sub(INT, d, env).s} ${op} Int)`, n: 1 };
      case 'string':
        return { s: `(${this.sub(STR, d, env).s} ${op} STRING)`, n: 1 };
      case 'bool':
        return { s: `(${this.sub(BOOL, d, env).s} ${op} BOOLEAN)`, n: 1 };
      case 'subset': {
        const t = this.randomTy(0);
        return {
          s: `(${this.sub(setOf(t), d, env).s} ${op} (SUBSET ${this.sub(setOf(t), d, env).s}))`,
          n: 1,
        };
      }
      case 'fcnset': {
        const f: Ty = { t: 'fn', dom: INT, cod: this.randomTy(0) };
        return {
          s: `(${this.sub(f, d, env).s} ${op} [${this.sub(setOf(INT), d, env).s} -> ${r.chance(0.3) ? 'Nat' : this.sub(setOf(f.cod), d, env).s}])`,
          n: 1,
        };
      }
      case 'seq': {
        const t = this.randomTy(0);
        return {
          s: `(${this.sub(seqOf(t), d, env).s} ${op} Seq(${this.sub(setOf(t), d, env).s}))`,
          n: 1,
        };
      }
      case 'recset': {
        const ty: Ty = {
          t: 'rec',
          fields: [
            ['a', INT],
            ['b', STR],
          ],
        };
        return {
          s: `(${this.sub(ty, d, env).s} ${op} [a : ${r.chance(0.3) ? 'Nat' : this.sub(setOf(INT), d, env).s}, b : ${this.sub(setOf(STR), d, env).s}])`,
          n: 1,
        };
      }
      default: {
        const t = this.randomTy(2);
        return { s: `(${this.sub(t, d, env).s} ${op} ${this.sub(setOf(t), d, env).s})`, n: 1 };
      }
    }
  }

  private quantifier(q: string, d: number, env: Env): G | undefined {
    const r = this.rng;
    const t1 = this.randomTy(1);
    const x = this.fresh('x');
    const s1 = this.sub(setOf(t1), d, env);
    if (s1.n > 16) return undefined;
    const vars: Var[] = [...env.vars, { text: x, ty: t1, n: 3 }];
    let bounds = `${x} \\in ${s1.s}`;
    if (r.chance(0.3)) {
      const y = this.fresh('y');
      const t2 = this.randomTy(0);
      const s2 = this.sub(setOf(t2), d, env);
      if (s2.n > 8) return undefined;
      bounds += `, ${y} \\in ${s2.s}`;
      vars.push({ text: y, ty: t2, n: 1 });
    } else if (r.chance(0.15)) {
      // A tuple pattern over a product.
      const a = this.fresh('a');
      const b = this.fresh('b');
      const s2 = this.sub(setOf(INT), d, env);
      const s3 = this.sub(setOf(STR), d, env);
      bounds = `<<${a}, ${b}>> \\in (${s2.s} \\X ${s3.s})`;
      vars.splice(vars.length - 1, 1, { text: a, ty: INT, n: 1 }, { text: b, ty: STR, n: 1 });
    }
    return { s: `(${q} ${bounds} : ${this.sub(BOOL, d, { vars }).s})`, n: 1 };
  }

  /** `LET RECURSIVE R(_) R(k) == IF k <= 0 THEN base ELSE step IN R(n)`, step using R(k - 1). */
  private recursiveOp(ty: Ty, d: number, env: Env): G {
    const name = this.fresh('R');
    const k = this.fresh('k');
    const base = this.sub(ty, d, env);
    const step = this.sub(ty, d, {
      vars: [
        ...env.vars,
        { text: k, ty: INT, n: 1, small: true },
        { text: `${name}(${k} - 1)`, ty, n: base.n + 3 },
      ],
    });
    const n = this.rng.int(-1, 5);
    return {
      s: `(LET RECURSIVE ${name}(_) ${name}(${k}) == IF ${k} <= 0 THEN ${base.s} ELSE ${step.s} IN ${name}(${n}))`,
      n: base.n + 6,
    };
  }

  /** `LET F[k \in 0..n] == IF k = 0 THEN base ELSE step(F[k - 1]) IN F[m]`. */
  private recursiveFcn(ty: Ty, d: number, env: Env): G {
    const name = this.fresh('F');
    const k = this.fresh('k');
    const base = this.sub(ty, d, env);
    const step = this.sub(ty, d, {
      vars: [
        ...env.vars,
        { text: k, ty: INT, n: 1, small: true },
        { text: `${name}[${k} - 1]`, ty, n: base.n + 3 },
      ],
    });
    const n = this.rng.int(0, 4);
    return {
      s: `(LET ${name}[${k} \\in 0..${n}] == IF ${k} = 0 THEN ${base.s} ELSE ${step.s} IN ${name}[${this.rng.int(0, n + 1)}])`,
      n: base.n + 6,
    };
  }

  /** A fold over a set by CHOOSE, as specs write sums: the order CHOOSE picks in shows. */
  private setFold(ty: Ty, d: number, env: Env): G {
    const name = this.fresh('Fold');
    const s = this.fresh('s');
    const x = this.fresh('x');
    const y = this.fresh('y');
    const et = this.randomTy(0);
    const base = this.sub(ty, d, env);
    const acc = { text: `${name}(${s} \\ {${x}})`, ty, n: base.n + 4 };
    const step = this.sub(ty, d, { vars: [...env.vars, { text: x, ty: et, n: 1 }, acc] });
    const set = this.sub(setOf(et), d, env);
    if (set.n > 8) return base;
    return {
      s: `(LET RECURSIVE ${name}(_) ${name}(${s}) == IF ${s} = {} THEN ${base.s} ELSE LET ${x} == CHOOSE ${y} \\in ${s} : TRUE IN ${step.s} IN ${name}(${set.s}))`,
      n: base.n + 8,
    };
  }

  /** A LET operator taking an operator argument, given a LAMBDA. */
  private higherOrder(ty: Ty, d: number, env: Env): G {
    const name = this.fresh('Ap');
    const op = this.fresh('G');
    const v = this.fresh('v');
    const z = this.fresh('z');
    const at = this.randomTy(1);
    const lam = this.sub(ty, d, { vars: [...env.vars, { text: z, ty: at, n: 3 }] });
    const arg = this.sub(at, d, env);
    const twice = this.rng.chance(0.3) && sameTy(at, ty);
    const body = twice ? `${op}(${op}(${v}))` : `${op}(${v})`;
    return {
      s: `(LET ${name}(${op}(_), ${v}) == ${body} IN ${name}(LAMBDA ${z} : ${lam.s}, ${arg.s}))`,
      n: lam.n * 2,
    };
  }

  private lastLambda: string[] = [];

  private lambdaVars(k: number): string {
    this.lastLambda = Array.from({ length: k }, () => this.fresh('l'));
    return this.lastLambda.join(', ');
  }

  private lambdaPair(): [string, string] {
    this.lambdaVars(2);
    return [this.lastLambda[0], this.lastLambda[1]];
  }

  /** A body for a LAMBDA of two integer parameters (after lambdaVars(2)). */
  private combine2(ty: Ty): string {
    const [a, b] = this.lastLambda;
    void ty;
    return this.rng.pick([
      `${a} + ${b}`,
      `${a} - ${b}`,
      `${a} * 2 + ${b}`,
      `IF ${a} > ${b} THEN ${a} ELSE ${b}`,
      `(${a} + ${b}) % 7`,
    ]);
  }

  // ------------------------------------------------------------------ errors on purpose

  private inject(ty: Ty, d: number, env: Env, family?: string[]): G | undefined {
    const r = this.rng;
    this.injected = true;
    const any = (): G => this.sub(this.randomTy(1), d, env);
    const other = (t: Ty): Ty => {
      for (let i = 0; i < 10; i++) {
        const u = this.randomTy(1);
        if (!sameTy(u, t)) return u;
      }
      return t.t === 'int' ? STR : INT;
    };
    const pick = r.weighted<() => [string, G] | undefined>([
      [
        () =>
          ty.t === 'bool'
            ? [
                'error:EqKinds',
                (() => {
                  const t = this.randomTy(1);
                  return {
                    s: `(${this.sub(t, d, env).s} ${r.pick(['=', '#'])} ${this.sub(other(t), d, env).s})`,
                    n: 1,
                  };
                })(),
              ]
            : undefined,
        5,
      ],
      [
        () =>
          ty.t === 'bool'
            ? [
                'error:InKinds',
                (() => {
                  const t = this.randomTy(1);
                  return {
                    s: `(${this.sub(t, d, env).s} \\in ${this.sub(setOf(other(t)), d, env).s})`,
                    n: 1,
                  };
                })(),
              ]
            : undefined,
        3,
      ],
      [
        () =>
          ty.t === 'set'
            ? [
                'error:MixedSet',
                { s: `{${this.sub(ty.of, d, env).s}, ${this.sub(other(ty.of), d, env).s}}`, n: 2 },
              ]
            : undefined,
        3,
      ],
      [
        () => [
          'error:MissingField',
          { s: `[a |-> ${any().s}, b |-> ${any().s}].${r.pick(['c', 'val', 'A'])}`, n: 1 },
        ],
        1.5,
      ],
      [
        () => [
          'error:NotBoolCond',
          {
            s: `(IF ${this.sub(other(BOOL), d, env).s} THEN ${this.sub(ty, d, env).s} ELSE ${this.sub(ty, d, env).s})`,
            n: 1,
          },
        ],
        1.5,
      ],
      [
        () =>
          ty.t === 'bool'
            ? [
                'error:NotBoolLogic',
                {
                  s: `(${this.sub(other(BOOL), d, env).s} ${r.pick(['/\\', '\\/', '=>'])} ${this.sub(BOOL, d, env).s})`,
                  n: 1,
                },
              ]
            : undefined,
        1.5,
      ],
      [
        () =>
          ty.t === 'bool'
            ? [
                'error:NotBoolLogicRight',
                {
                  s: `(${r.pick(['FALSE /\\', 'TRUE \\/', 'FALSE =>', 'TRUE /\\', 'FALSE \\/'])} ${this.sub(other(BOOL), d, env).s})`,
                  n: 1,
                },
              ]
            : undefined,
        1.5,
      ],
      [
        () =>
          ty.t === 'int'
            ? [
                'error:ArithKinds',
                {
                  s: `(${this.sub(other(INT), d, env).s} ${r.pick(['+', '-', '*', '\\div', '%'])} ${this.sub(INT, d, env).s})`,
                  n: 1,
                },
              ]
            : undefined,
        2,
      ],
      [
        () =>
          ty.t === 'bool'
            ? [
                'error:CompareKinds',
                {
                  s: `(${this.sub(other(INT), d, env).s} ${r.pick(['<', '<=', '>', '>='])} ${this.sub(INT, d, env).s})`,
                  n: 1,
                },
              ]
            : undefined,
        1,
      ],
      [
        () =>
          ty.t === 'int'
            ? [
                'error:StringSeq',
                { s: `${r.pick(['Len', 'Head'])}(${this.sub(STR, d, env).s})`, n: 1 },
              ]
            : undefined,
        1,
      ],
      [
        () =>
          ty.t === 'str'
            ? ['error:StringTail', { s: `Tail(${this.sub(STR, d, env).s})`, n: 1 }]
            : undefined,
        1,
      ],
      [
        () =>
          ty.t === 'str'
            ? [
                'error:SubSeqString',
                {
                  s: `SubSeq(${this.sub(STR, d, env).s}, ${this.smallInt(d, env).s}, ${this.smallInt(d, env).s})`,
                  n: 1,
                },
              ]
            : undefined,
        1,
      ],
      [
        () =>
          ty.t === 'seq'
            ? [
                'error:AppendString',
                { s: `Append(${this.sub(STR, d, env).s}, ${this.sub(ty.of, d, env).s})`, n: 1 },
              ]
            : undefined,
        0.5,
      ],
      [
        () =>
          ty.t === 'seq'
            ? [
                'error:ConcatMixed',
                { s: `(${this.sub(STR, d, env).s} \\o ${this.sub(ty, d, env).s})`, n: 1 },
              ]
            : undefined,
        0.5,
      ],
      [
        () =>
          ty.t === 'int'
            ? [
                'error:CardinalityInfinite',
                {
                  s: `Cardinality(${r.pick(['Nat', 'Int', 'STRING', 'Seq({1})', 'SUBSET Nat', '[Nat -> {1}]'])})`,
                  n: 1,
                },
              ]
            : undefined,
        0.7,
      ],
      [
        () =>
          ty.t === 'bool'
            ? [
                'error:QuantInfinite',
                {
                  s: `(${r.pick(['\\A', '\\E'])} ${this.fresh('x')} \\in ${r.pick(['Nat', 'Int', 'STRING', 'Seq({1})'])} : ${r.pick(['TRUE', 'FALSE'])})`,
                  n: 1,
                },
              ]
            : undefined,
        0.7,
      ],
      [
        () =>
          ty.t === 'int'
            ? [
                'error:ChooseInfinite',
                {
                  s: `(CHOOSE ${'x'}${++this.counter} \\in Nat : ${'x'}${this.counter} > ${r.int(0, 3)})`,
                  n: 1,
                },
              ]
            : undefined,
        0.5,
      ],
      [
        () =>
          ty.t === 'bool'
            ? [
                'error:Unbounded',
                {
                  s: `(${r.pick(['\\A', '\\E'])} ${'x'}${++this.counter} : ${'x'}${this.counter} = ${r.int(0, 3)})`,
                  n: 1,
                },
              ]
            : undefined,
        0.5,
      ],
      [
        () =>
          ty.t === 'int'
            ? [
                'error:UnboundedChoose',
                {
                  s: `(CHOOSE ${'x'}${++this.counter} : ${'x'}${this.counter} = ${r.int(0, 3)})`,
                  n: 1,
                },
              ]
            : undefined,
        0.5,
      ],
      [
        () => [
          'error:Assert',
          {
            s: `(IF Assert(${this.sub(BOOL, d, env).s}, ${r.pick(['"boom"', '"failed"', '<<1, "x">>'])}) THEN ${this.sub(ty, d, env).s} ELSE ${this.sub(ty, d, env).s})`,
            n: 1,
          },
        ],
        1,
      ],
      [
        () =>
          ty.t === 'set'
            ? [
                'error:DomainNonFcn',
                { s: `(DOMAIN ${this.sub(r.pick([INT, STR, setOf(INT)]), d, env).s})`, n: 1 },
              ]
            : undefined,
        0.7,
      ],
      [
        () =>
          ty.t === 'set'
            ? [
                'error:SetOpKinds',
                {
                  s: `(${this.sub(other(ty), d, env).s} ${r.pick(['\\cup', '\\cap', '\\'])} ${this.sub(ty, d, env).s})`,
                  n: 1,
                },
              ]
            : undefined,
        1,
      ],
      [
        () =>
          ty.t === 'int'
            ? [
                'error:PowNeg',
                {
                  s: `(${r.pick(['2', '0', '(-2)', '1'])} ^ ${r.pick(['(-1)', '0', '(-2)'])})`,
                  n: 1,
                },
              ]
            : undefined,
        0.5,
      ],
      [
        () =>
          ty.t === 'int'
            ? [
                'error:ModNeg',
                { s: `(${this.sub(INT, d, env).s} % ${r.pick(['0', '(-2)', '(-1)'])})`, n: 1 },
              ]
            : undefined,
        0.5,
      ],
      [
        () => [
          'error:ApplyNonFcn',
          { s: `${this.sub(r.pick([INT, STR, setOf(INT)]), d, env).s}[1]`, n: 1 },
        ],
        0.7,
      ],
      [
        () => [
          'error:TupleOutOfRange',
          { s: `<<${this.sub(ty, d, env).s}>>[${r.pick(['0', '2', '(-1)'])}]`, n: 1 },
        ],
        0.7,
      ],
      [
        () => [
          'error:FcnTwoArgs',
          { s: `[${this.fresh('x')} \\in {1, 2} |-> ${this.sub(ty, d, env).s}][1, 2]`, n: 1 },
        ],
        0.4,
      ],
      [
        () => [
          'error:ExceptAtMissing',
          { s: `[[${this.fresh('x')} \\in {1} |-> 0] EXCEPT ![2] = @ + 1][1]`, n: 1 },
        ],
        ty.t === 'int' ? 0.5 : 0,
      ],
      [
        () => [
          'error:CaseNoArm',
          {
            s: `(CASE ${this.sub(BOOL, d, env).s} -> ${this.sub(ty, d, env).s} [] FALSE -> ${this.sub(ty, d, env).s})`,
            n: 1,
          },
        ],
        0.7,
      ],
      [
        () => [
          'error:ChooseNone',
          {
            s: `(CHOOSE ${'x'}${++this.counter} \\in ${this.sub(setOf(ty), d, env).s} : FALSE)`,
            n: 1,
          },
        ],
        0.5,
      ],
      [
        () => [
          'error:SubsetNonSet',
          { s: `(${this.sub(INT, d, env).s} \\in (SUBSET ${this.sub(INT, d, env).s}))`, n: 1 },
        ],
        ty.t === 'bool' ? 0.3 : 0,
      ],
      [
        () =>
          ty.t === 'int'
            ? [
                'parse:BigLiteral',
                {
                  s: r.pick([
                    '2147483648',
                    '(-2147483648)',
                    '4294967296',
                    '(2147483647 + 2147483648)',
                  ]),
                  n: 1,
                },
              ]
            : undefined,
        0.15,
      ],
      [
        () => [
          'error:RecordDupField',
          { s: `[a |-> ${this.sub(ty, d, env).s}, a |-> ${this.sub(ty, d, env).s}].a`, n: 1 },
        ],
        0.1,
      ],
    ]);
    const made = pick();
    if (!made) return undefined;
    const [name, g] = made;
    if (name.startsWith('parse:') || name === 'error:RecordDupField') this.isolate = true;
    family?.push(name);
    return g;
  }
}

/** The i-th expression of a run with this seed. */
export function generateExpr(
  seed: number,
  i: number,
  opts: GenOptions = DEFAULT_GEN,
): GeneratedExpr {
  return new ExprGenerator(Rng.of(seed, i), opts).generate();
}
