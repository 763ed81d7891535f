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
import {
  BOOL,
  INT,
  STR,
  setOf,
  seqOf,
  G,
  Env,
  Ty,
  GeneratedExpr,
  GenOptions,
  DEFAULT_GEN,
  tyText,
} from './gen-core';
import { CollectionProductions } from './gen-collections';

export type { GeneratedExpr, GenOptions, Ty };
export { DEFAULT_GEN, tyText };

export class ExprGenerator extends CollectionProductions {
  // ------------------------------------------------------------------ productions

  protected productions(ty: Ty, d: number, env: Env): [string, () => G | undefined, number][] {
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

  protected intProds(d: number, env: Env): [string, () => G | undefined, number][] {
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

  protected smallNonNeg(d: number, env: Env): string {
    return d > 1 && this.rng.chance(0.3)
      ? `(${this.sub(INT, d, env).s} % 16)`
      : String(this.rng.int(0, 40));
  }

  /** A directed graph record `[node |-> S, edge |-> E]` over 1..3 (Graphs). */
  protected graph(d: number, env: Env): string {
    const r = this.rng;
    const nodes = r.pick(['(1..3)', '{1, 2}', '{1, 2, 3}', `(1..${r.int(0, 3)})`]);
    const e = this.fresh('e');
    const edges = r.chance(0.3)
      ? `{${e} \\in (${nodes} \\X ${nodes}) : ${this.sub(BOOL, Math.min(d, 1), { vars: [...env.vars, { text: `${e}[1]`, ty: INT, n: 1, small: true }, { text: `${e}[2]`, ty: INT, n: 1, small: true }] }).s}}`
      : `{${Array.from({ length: r.int(0, 4) }, () => `<<${r.int(1, 3)}, ${r.int(1, 3)}>>`).join(', ')}}`;
    return `[node |-> ${nodes}, edge |-> ${edges}]`;
  }

  protected boolProds(d: number, env: Env): [string, () => G | undefined, number][] {
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

  protected smallSet(of: Ty, d: number, env: Env): string {
    const g = this.sub(setOf(of), Math.min(d, 2), env);
    return g.n <= 3 ? g.s : `{${this.leaf(of, env).s}}`;
  }

  protected strProds(d: number, env: Env): [string, () => G | undefined, number][] {
    return [
      [
        'Concat',
        () => ({ s: `(${this.sub(STR, d, env).s} \\o ${this.sub(STR, d, env).s})`, n: 1 }),
        3,
      ],
      ['ToString', () => ({ s: `ToString(${this.sub(this.randomTy(2), d, env).s})`, n: 1 }), 3],
    ];
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
