/**
 * The expression generator's errors on purpose (see gen-core.ts): values of different kinds
 * compared, a missing record field, non-booleans as conditions, strings used as sequences, infinite
 * sets enumerated, Assert, literals TLC refuses.
 */
import { BOOL, INT, STR, setOf, G, Env, sameTy, Ty, GeneratorCore } from './gen-core';

export abstract class ErrorInjector extends GeneratorCore {
  // ------------------------------------------------------------------ errors on purpose

  protected inject(ty: Ty, d: number, env: Env, family?: string[]): G | undefined {
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
