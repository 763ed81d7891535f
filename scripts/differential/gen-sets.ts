/**
 * The expression generator's set productions (see gen-core.ts): enumerations, ranges, filters,
 * maps, SUBSET, UNION, products, function and record sets, the set operators of the standard and
 * community modules.
 */
import { BOOL, INT, STR, setOf, seqOf, G, Env, sameTy, Ty } from './gen-core';
import { ErrorInjector } from './gen-errors';

export abstract class SetProductions extends ErrorInjector {
  protected abstract graph(d: number, env: Env): string;

  protected setProds(
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

  protected relationSet(): string {
    const r = this.rng;
    return `{${Array.from({ length: r.int(0, 4) }, () => `<<${r.int(1, 3)}, ${r.int(1, 3)}>>`).join(', ')}}`;
  }
}
