/**
 * The expression generator's productions of sequences, functions, records, tuples and bags (see
 * gen-core.ts).
 */
import { BOOL, INT, setOf, seqOf, G, Env, sameTy, Ty } from './gen-core';
import { SetProductions } from './gen-sets';

export abstract class CollectionProductions extends SetProductions {
  protected seqProds(
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

  protected fnProds(
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

  protected recProds(
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

  protected tupleExcept(ty: Extract<Ty, { t: 'tup' }>, d: number, env: Env): G {
    const i = this.rng.int(1, ty.elems.length);
    return {
      s: `[${this.sub(ty, d, env).s} EXCEPT ![${i}] = ${this.sub(ty.elems[i - 1], d, env).s}]`,
      n: ty.elems.length,
    };
  }

  protected bagProds(
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
}
