/**
 * Small random specs: one to three variables of bounded types, an initial predicate, a next-state
 * relation of a few actions (some with `\E` parameters over model values), invariants that may or
 * may not hold, and now and then a CONSTRAINT, no deadlock check, a SYMMETRY, or a liveness
 * PROPERTY under weak fairness. Guards and invariants are random expressions over the variables
 * (generate.ts); updates keep every variable inside a finite set (`% K`, subsets of a universe,
 * bounded sequences), so the state space is finite and small.
 *
 * Spec i of seed s is the same whatever the number asked.
 */
import { ExprGenerator, type Ty } from './generate';
import { Rng } from './rng';

export interface GeneratedSpec {
  name: string;
  tla: string;
  cfg: string;
  /** What the spec exercises (`counter`, `fn`, `seq`, …, plus `symmetry`, `liveness`, …). */
  family: string;
}

interface StateVar {
  name: string;
  kind: 'int' | 'bool' | 'set' | 'fn' | 'seq' | 'rec' | 'str';
  ty: Ty;
}

const KINDS: StateVar['kind'][] = ['int', 'bool', 'set', 'fn', 'seq', 'rec', 'str'];

export function generateSpec(seed: number, index: number): GeneratedSpec {
  const r = Rng.of(seed ^ 0x5bd1e995, index);
  const gen = new ExprGenerator(r, {
    community: false,
    injectRate: 0,
    maxDepth: 2,
    nameTag: 'b',
  });
  const name = `G${seed}_${index}`;
  const nVars = r.int(1, 3);
  const K = r.int(2, 4);
  const procs = r.pick([['p1', 'p2'], ['p1', 'p2', 'p3'], ['p1']]);
  const vars: StateVar[] = [];
  const kinds = new Set<string>();
  for (let i = 0; i < nVars; i++) {
    const kind = r.weighted(
      KINDS.map((k) => [k, k === 'int' ? 3 : k === 'fn' ? 2.5 : 1.5] as const),
    );
    kinds.add(kind);
    const ty: Ty =
      kind === 'int'
        ? { t: 'int' }
        : kind === 'bool'
          ? { t: 'bool' }
          : kind === 'str'
            ? { t: 'str' }
            : kind === 'set'
              ? { t: 'set', of: { t: 'mv' } }
              : kind === 'fn'
                ? { t: 'fn', dom: { t: 'mv' }, cod: { t: 'int' } }
                : kind === 'seq'
                  ? { t: 'seq', of: { t: 'int' } }
                  : {
                      t: 'rec',
                      fields: [
                        ['a', { t: 'int' }],
                        ['b', { t: 'bool' }],
                      ],
                    };
    vars.push({ name: `v${i + 1}`, kind, ty });
  }
  const env = {
    vars: vars.map((v) => ({ text: v.name, ty: v.ty, n: 3, small: v.kind === 'int' })),
  };
  const randomBool = (extra: { text: string; ty: Ty }[] = [], d = 2): string =>
    gen.expr({ t: 'bool' }, r.int(1, d), {
      vars: [...env.vars, ...extra.map((e) => ({ ...e, n: 1, small: true }))],
    }).s;
  /** A predicate on one variable, as guards and invariants are written. */
  const atom = (v: StateVar, p: string | undefined): string => {
    const x = v.name;
    const c = r.int(0, K - 1);
    const q = p ?? r.pick(procs);
    switch (v.kind) {
      case 'int':
        return r.pick([`${x} < ${c}`, `${x} # ${c}`, `${x} % 2 = 0`, `${x} >= ${c}`]);
      case 'bool':
        return r.pick([x, `~${x}`]);
      case 'str':
        return r.pick([`${x} = "idle"`, `${x} # "done"`]);
      case 'set':
        return r.pick([
          `Cardinality(${x}) < ${c + 1}`,
          `${q} \\in ${x}`,
          `${q} \\notin ${x}`,
          `${x} = {}`,
        ]);
      case 'fn':
        return r.pick([
          `${x}[${q}] < ${c}`,
          `\\A y \\in Procs : ${x}[y] <= ${c}`,
          `\\E y \\in Procs : ${x}[y] = ${c}`,
          `${x}[${q}] = 0`,
        ]);
      case 'seq':
        return r.pick([
          `Len(${x}) < ${r.int(1, 3)}`,
          `${x} = <<>>`,
          `${x} # <<>> /\\ Head(${x}) > 0`,
          `\\A i \\in DOMAIN ${x} : ${x}[i] < ${c + 1}`,
        ]);
      case 'rec':
        return r.pick([`${x}.a < ${c}`, `${x}.b`, `~${x}.b \\/ ${x}.a > 0`]);
    }
  };
  const boolExpr = (extra: { text: string; ty: Ty }[] = [], d = 2): string => {
    const p = extra.find((e) => e.ty.t === 'mv')?.text;
    return r.weighted<() => string>([
      [() => atom(r.pick(vars), p), 5],
      [
        () =>
          `((${atom(r.pick(vars), p)}) ${r.pick(['/\\', '\\/', '=>'])} (${atom(r.pick(vars), p)}))`,
        3,
      ],
      [() => randomBool(extra, d), 2],
    ])();
  };
  const STRS = ['"idle"', '"busy"', '"done"'];

  const initOf = (v: StateVar): string => {
    switch (v.kind) {
      case 'int':
        return r.chance(0.3)
          ? `${v.name} \\in 0..${r.int(0, K - 1)}`
          : `${v.name} = ${r.int(0, K - 1)}`;
      case 'bool':
        return r.chance(0.3)
          ? `${v.name} \\in BOOLEAN`
          : `${v.name} = ${r.pick(['TRUE', 'FALSE'])}`;
      case 'str':
        return `${v.name} = ${r.pick(STRS)}`;
      case 'set':
        return r.chance(0.3) ? `${v.name} \\in SUBSET Procs` : `${v.name} = {}`;
      case 'fn':
        return r.chance(0.3)
          ? `${v.name} \\in [Procs -> 0..1]`
          : `${v.name} = [q \\in Procs |-> 0]`;
      case 'seq':
        return `${v.name} = <<>>`;
      case 'rec':
        return `${v.name} = [a |-> 0, b |-> FALSE]`;
    }
  };

  /** A new value of the variable that stays in its finite set; `p` is the action's parameter, if any. */
  const update = (v: StateVar, p: string | undefined): string => {
    const x = v.name;
    const q = p ?? r.pick(procs);
    switch (v.kind) {
      case 'int':
        return r.pick([
          `(${x} + 1) % ${K}`,
          `(${x} + ${r.int(1, 3)}) % ${K}`,
          `IF ${x} > 0 THEN ${x} - 1 ELSE ${K - 1}`,
          `(${x} * 2) % ${K}`,
          `IF ${boolExpr()} THEN ${x} ELSE (${x} + 1) % ${K}`,
        ]);
      case 'bool':
        return r.pick([`~${x}`, boolExpr(), 'TRUE', 'FALSE']);
      case 'str':
        return r.pick([
          ...STRS,
          `IF ${x} = "idle" THEN "busy" ELSE "done"`,
          `CASE ${x} = "idle" -> "busy" [] ${x} = "busy" -> "done" [] OTHER -> "idle"`,
        ]);
      case 'set':
        return r.pick([
          `${x} \\cup {${q}}`,
          `${x} \\ {${q}}`,
          `IF ${q} \\in ${x} THEN ${x} \\ {${q}} ELSE ${x} \\cup {${q}}`,
          `{y \\in Procs : y # ${q} /\\ y \\in ${x}}`,
        ]);
      case 'fn':
        return r.pick([
          `[${x} EXCEPT ![${q}] = (@ + 1) % ${K}]`,
          `[${x} EXCEPT ![${q}] = 0]`,
          `[y \\in Procs |-> IF y = ${q} THEN (${x}[y] + 1) % ${K} ELSE ${x}[y]]`,
          `[${x} EXCEPT ![${q}] = IF ${boolExpr()} THEN 1 ELSE 0]`,
        ]);
      case 'seq':
        return r.pick([
          `IF Len(${x}) < 2 THEN Append(${x}, ${r.int(0, K - 1)}) ELSE Tail(${x})`,
          `IF ${x} = <<>> THEN <<${r.int(0, 2)}>> ELSE Tail(${x})`,
          `SubSeq(${x} \\o <<${r.int(0, 2)}>>, 1, ${r.int(0, 2)})`,
          `SelectSeq(${x}, LAMBDA e : e > 0)`,
        ]);
      case 'rec':
        return r.pick([
          `[${x} EXCEPT !.a = (@ + 1) % ${K}]`,
          `[${x} EXCEPT !.b = ~@]`,
          `[a |-> (${x}.a + 1) % ${K}, b |-> ${x}.a > 0]`,
          `[${x} EXCEPT !.a = 0, !.b = TRUE]`,
        ]);
    }
  };

  /** Top-level definitions the actions call (no action parameter in them). */
  const helpers: string[] = [];
  /**
   * `v`'s next value as an action gives it. Most often `v' = e`; now and then through the forms
   * whose successors TLC enumerates (a choice, IF and CASE with primes inside, a disjunction of
   * guarded branches, `\E` over values, LET, `P => A` pairs, a function whose body assigns): each
   * path gives `v'` exactly one value.
   */
  const assign = (v: StateVar, p: string | undefined): string => {
    const x = v.name;
    const u = (): string => `(${update(v, p)})`;
    const g = (): string => boolExpr(p ? [{ text: p, ty: { t: 'mv' } }] : [], 1);
    if (!r.chance(0.35)) return `${x}' = ${u()}`;
    return r.weighted<() => string>([
      [() => `${x}' \\in {${u()}, ${u()}}`, 2],
      [() => `IF ${g()} THEN ${x}' = ${u()} ELSE ${x}' = ${u()}`, 2],
      [() => `CASE ${g()} -> ${x}' = ${u()} [] OTHER -> ${x}' = ${u()}`, 1],
      [
        () => {
          const c = g();
          return `(\\/ (${c}) /\\ ${x}' = ${u()}\n        \\/ ~(${c}) /\\ ${x}' = ${u()})`;
        },
        2,
      ],
      [() => `\\E nv \\in {${u()}, ${u()}} : ${x}' = nv`, 1],
      [() => `LET nv == ${u()} IN ${x}' = nv`, 1],
      [
        () => {
          const c = g();
          return `((${c}) => ${x}' = ${u()}) /\\ (~(${c}) => ${x}' = ${u()})`;
        },
        2,
      ],
      [
        () => {
          const f = `Step${helpers.length + 1}`;
          const w = (): string => `(${update(v, undefined)})`;
          helpers.push(`${f}[i \\in 0..1] == IF i = 0 THEN ${x}' = ${w()} ELSE ${x}' = ${w()}`);
          return `\\E i \\in 0..1 : ${f}[i]`;
        },
        1,
      ],
    ])();
  };
  /** A guard; now and then through a construct TLC evaluates in an action as it does in a state. */
  const guard = (param: string | undefined): string => {
    const extra = param ? [{ text: param, ty: { t: 'mv' } as Ty }] : [];
    const b = (): string => boolExpr(extra);
    if (!r.chance(0.3)) return b();
    return r.weighted<() => string>([
      [() => `(${b()}) => (${b()})`, 2],
      [() => `\\A j \\in 0..1 : (j = 0 \\/ ${b()})`, 1],
      [() => `LET f[i \\in 0..1] == IF i = 0 THEN ${b()} ELSE ${b()} IN f[${r.int(0, 1)}]`, 1],
      [
        () => {
          const op = `Holds${helpers.length + 1}`;
          helpers.push(`${op}(P, Q) == P /\\ (Q \\/ ~Q)`);
          return `${op}(${b()}, ${b()})`;
        },
        1,
      ],
    ])();
  };

  const nActions = r.int(1, 4);
  const actions: string[] = [];
  const next: string[] = [];
  for (let a = 1; a <= nActions; a++) {
    const param = r.chance(0.5) ? 'p' : undefined;
    const conj: string[] = [];
    if (r.chance(0.6)) conj.push(guard(param));
    if (param && r.chance(0.4))
      conj.push(r.pick([`${param} # ${r.pick(procs)}`, `${param} \\in Procs`]));
    const changed: string[] = [];
    const unchanged: string[] = [];
    for (const v of vars) {
      if (r.chance(0.65)) {
        conj.push(assign(v, param));
        changed.push(v.name);
      } else unchanged.push(v.name);
    }
    if (!changed.length) {
      conj.push(assign(vars[0], param));
      unchanged.splice(unchanged.indexOf(vars[0].name), 1);
    }
    if (unchanged.length) conj.push(`UNCHANGED <<${unchanged.join(', ')}>>`);
    const body = conj.map((c) => `/\\ ${c}`).join('\n    ');
    actions.push(param ? `A${a}(${param}) ==\n    ${body}` : `A${a} ==\n    ${body}`);
    next.push(param ? `\\E p \\in Procs : A${a}(p)` : `A${a}`);
  }

  const invariants: string[] = [];
  const invNames: string[] = [];
  const nInv = r.int(0, 2);
  for (let i = 1; i <= nInv; i++) {
    invariants.push(`Inv${i} == ${boolExpr([], 2)}`);
    invNames.push(`Inv${i}`);
  }
  const typeOK = `TypeOK ==\n    ${vars
    .map((v) => {
      switch (v.kind) {
        case 'int':
          return `/\\ ${v.name} \\in 0..${K - 1}`;
        case 'bool':
          return `/\\ ${v.name} \\in BOOLEAN`;
        case 'str':
          return `/\\ ${v.name} \\in {${STRS.join(', ')}}`;
        case 'set':
          return `/\\ ${v.name} \\subseteq Procs`;
        case 'fn':
          return `/\\ ${v.name} \\in [Procs -> 0..${K - 1}]`;
        case 'seq':
          return `/\\ ${v.name} \\in Seq(0..${K - 1}) /\\ Len(${v.name}) <= 3`;
        case 'rec':
          return `/\\ ${v.name} \\in [a : 0..${K - 1}, b : BOOLEAN]`;
      }
    })
    .join('\n    ')}`;
  const family: string[] = [...kinds].sort();
  const extra: string[] = [];
  const cfg: string[] = [
    `CONSTANT Procs = {${procs.join(', ')}}`,
    ...[...procs, 'm1', 'm2', 'm3'].map((p) => `CONSTANT ${p} = ${p}`),
  ];
  const liveness = r.chance(0.12);
  if (liveness) {
    family.push('liveness');
    cfg.push('SPECIFICATION Spec');
    extra.push(`Spec == Init /\\ [][Next]_vars /\\ WF_vars(Next)`);
    extra.push(
      `Live == ${r.pick([`<>(${boolExpr([], 1)})`, `[]<>(${boolExpr([], 1)})`, `<>[](${boolExpr([], 1)})`, `(${boolExpr([], 1)}) ~> (${boolExpr([], 1)})`])}`,
    );
    cfg.push('PROPERTY Live');
  } else {
    cfg.push('INIT Init', 'NEXT Next');
  }
  cfg.push(`INVARIANT TypeOK${invNames.map((n) => ` ${n}`).join('')}`);
  if (r.chance(0.15)) {
    family.push('constraint');
    extra.push(`Bound == ${boolExpr([], 1)}`);
    cfg.push('CONSTRAINT Bound');
  }
  if (r.chance(0.08)) {
    family.push('action-constraint');
    extra.push(`StepBound == (${vars[0].name}' # ${vars[0].name}) \\/ (${boolExpr([], 1)})`);
    cfg.push('ACTION_CONSTRAINT StepBound');
  }
  if (procs.length > 1 && r.chance(0.1)) {
    family.push('symmetry');
    extra.push('Sym == Permutations(Procs)');
    cfg.push('SYMMETRY Sym');
  }
  if (r.chance(0.35)) {
    family.push('no-deadlock');
    cfg.push('CHECK_DEADLOCK FALSE');
  }
  const tla = [
    `---- MODULE ${name} ----`,
    'EXTENDS Naturals, Integers, Sequences, FiniteSets, Bags, TLC',
    `CONSTANTS Procs, ${procs.join(', ')}, m1, m2, m3`,
    `VARIABLES ${vars.map((v) => v.name).join(', ')}`,
    `vars == <<${vars.map((v) => v.name).join(', ')}>>`,
    `Init ==\n    ${vars.map((v) => `/\\ ${initOf(v)}`).join('\n    ')}`,
    ...helpers,
    ...actions,
    `Next ==\n    ${next.map((n) => `\\/ ${n}`).join('\n    ')}`,
    typeOK,
    ...invariants,
    ...extra,
    '====',
    '',
  ].join('\n');
  return { name, tla, cfg: cfg.join('\n') + '\n', family: family.join('+') };
}
