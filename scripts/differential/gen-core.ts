/**
 * The expression generator's core (see generate.ts): the types it generates for, the value pools,
 * and `GeneratorCore`, the first of its layers, each a class extending the one before:
 * gen-core.ts (dispatch by type, leaves, the productions shared by every type: IF, CASE, CHOOSE,
 * LET, application, quantifiers, recursion, folds, higher-order operators), gen-errors.ts (errors
 * on purpose), gen-sets.ts, gen-collections.ts (sequences, functions, records, tuples, bags),
 * generate.ts (`ExprGenerator`: integers, booleans, strings, and the table of productions).
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

export const BOOL: Ty = { t: 'bool' };
export const INT: Ty = { t: 'int' };
export const STR: Ty = { t: 'str' };
export const MV: Ty = { t: 'mv' };
export const setOf = (of: Ty): Ty => ({ t: 'set', of });
export const seqOf = (of: Ty): Ty => ({ t: 'seq', of });

/** An expression and a bound on its size (elements of a set, length of a sequence, domain of a function). */
export interface G {
  s: string;
  n: number;
}

export interface Var {
  text: string;
  ty: Ty;
  /** For collections: the size bound; for integers: whether the value is small (|v| <= 8). */
  n: number;
  small?: boolean;
}

export interface Env {
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
  /**
   * Written between a bound name's prefix and its number (`x`, `p`, `v`, `F`, … then 1, 2, …), so
   * that the names an expression binds cannot be those of the spec around it (spec-gen's p1, v1).
   */
  nameTag?: string;
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

export function sameTy(a: Ty, b: Ty): boolean {
  return tyText(a) === tyText(b);
}

export const SMALL_INTS = [-3, -2, -1, 0, 1, 2, 3, 4, 5, 6];
export const BIG_INTS = [
  2147483647, -2147483647, 2147483646, 1073741824, -1073741824, 46340, 46341, 65536, -65536, 100000,
  2147483000, 999999999,
];
/** String literals, with TLA+'s escapes. */
export const STRINGS = [
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
export const FIELDS = ['a', 'b', 'c', 'val', 'type'];
export const MODEL_VALUES = ['m1', 'm2', 'm3'];

export abstract class GeneratorCore {
  protected counter = 0;
  protected injected = false;
  protected isolate = false;

  constructor(
    protected readonly rng: Rng,
    protected readonly opts: GenOptions,
  ) {}

  protected abstract productions(
    ty: Ty,
    d: number,
    env: Env,
  ): [string, () => G | undefined, number][];
  protected abstract inject(ty: Ty, d: number, env: Env, family?: string[]): G | undefined;

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

  protected fresh(prefix: string): string {
    return `${prefix}${this.opts.nameTag ?? ''}${++this.counter}`;
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

  protected sub(ty: Ty, d: number, env: Env): G {
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

  protected intLiteral(): string {
    const r = this.rng;
    const v = r.weighted<() => number>([
      [() => r.pick(SMALL_INTS), 14],
      [() => r.int(-100, 100), 3],
      [() => r.pick(BIG_INTS), 2],
    ])();
    return v < 0 ? `(${v})` : String(v);
  }

  /** A small integer (|v| <= 8): ends of intervals, counts, recursion depths. */
  protected smallInt(d: number, env: Env): G {
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

  // ------------------------------------------------------------------ shared productions

  protected ifThen(ty: Ty, d: number, env: Env): G {
    const a = this.sub(ty, d, env);
    const b = this.sub(ty, d, env);
    return { s: `(IF ${this.sub(BOOL, d, env).s} THEN ${a.s} ELSE ${b.s})`, n: Math.max(a.n, b.n) };
  }

  protected caseOf(ty: Ty, d: number, env: Env): G {
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

  protected choose(ty: Ty, d: number, env: Env): G | undefined {
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

  protected letIn(ty: Ty, d: number, env: Env): G {
    const name = this.fresh('L');
    const t = this.randomTy(1);
    const def = this.sub(t, d, env);
    const body = this.sub(ty, d, { vars: [...env.vars, { text: name, ty: t, n: def.n }] });
    return { s: `(LET ${name} == ${def.s} IN ${body.s})`, n: body.n };
  }

  /** `LET Op(p) == … IN …Op(a)…`: an operator with a parameter, applied in the body. */
  protected letOp(ty: Ty, d: number, env: Env): G {
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

  protected fcnApp(ty: Ty, d: number, env: Env): G | undefined {
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

  protected seqIndex(ty: Ty, d: number, env: Env): G {
    const s = this.sub(seqOf(ty), d, env);
    const i = this.rng.chance(0.7) ? String(this.rng.int(1, 2)) : this.smallInt(d, env).s;
    return { s: `${s.s}[${i}]`, n: 4 };
  }

  protected recField(ty: Ty, d: number, env: Env): G {
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

  protected tupleIndex(ty: Ty, d: number, env: Env): G {
    const r = this.rng;
    const other = this.randomTy(0);
    const first = r.chance(0.5);
    const t: Ty = { t: 'tup', elems: first ? [ty, other] : [other, ty] };
    return { s: `${this.sub(t, d, env).s}[${first ? 1 : 2}]`, n: 4 };
  }

  protected equality(op: string, d: number, env: Env): G {
    const t = this.randomTy(2);
    return { s: `(${this.sub(t, d, env).s} ${op} ${this.sub(t, d, env).s})`, n: 1 };
  }

  /** `x \in S` over enumerated and lazy sets (Nat, Int, STRING, SUBSET, [S -> T], Seq, records). */
  protected membership(d: number, env: Env, negated: boolean): G {
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

  protected quantifier(q: string, d: number, env: Env): G | undefined {
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
  protected recursiveOp(ty: Ty, d: number, env: Env): G {
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
  protected recursiveFcn(ty: Ty, d: number, env: Env): G {
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
  protected setFold(ty: Ty, d: number, env: Env): G {
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
  protected higherOrder(ty: Ty, d: number, env: Env): G {
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

  protected lastLambda: string[] = [];

  protected lambdaVars(k: number): string {
    this.lastLambda = Array.from({ length: k }, () => this.fresh('l'));
    return this.lastLambda.join(', ');
  }

  protected lambdaPair(): [string, string] {
    this.lambdaVars(2);
    return [this.lastLambda[0], this.lastLambda[1]];
  }

  /** A body for a LAMBDA of two integer parameters (after lambdaVars(2)). */
  protected combine2(ty: Ty): string {
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
}
