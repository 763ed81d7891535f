import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkModel, ensureParser, loadModules } from '../check/check';
import { buildModel, readConfig, constantServices } from '../check/model/setup';
import type { CheckResult } from '../check/contract/types';
import type { Range } from '../tla/ast/ast';
import { printValue } from './print';
import { EvalError } from './errors';
import { perSite, setPerSite } from './per-site';

beforeAll(ensureParser);
afterEach(() => setPerSite(true));

const RANGE: Range = { module: 'E', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

interface Outcome {
  value?: string;
  error?: string;
  range?: Range;
  ours?: boolean;
}

/** Each expression evaluated as `E_i == expr` of one module: its printed value or its error and range. */
function evaluate(defs: string[], exprs: string[]): Outcome[] {
  const text = [
    '---- MODULE E ----',
    'EXTENDS Naturals, Sequences',
    ...defs,
    ...exprs.map((e, i) => `E_${i} == ${e}`),
    '====',
  ].join('\n');
  const req = { files: [{ name: 'E.tla', text }], mainModule: 'E', cfg: '' };
  const services = constantServices();
  const parts = buildModel(loadModules(req), readConfig(req), services, 'E');
  return exprs.map((_, i) => {
    try {
      const ev = parts.compiler.topLevel(
        { kind: 'Ident', name: `E_${i}`, range: RANGE },
        parts.root,
      );
      return { value: printValue(ev({ s: [], n: null, f: null })) };
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      return {
        error: e.message,
        range: (e as EvalError).range,
        ours: e instanceof EvalError,
      };
    }
  });
}

/** The outcomes with the closures copied per site and with the factories' own closures. */
function bothWays<T>(run: () => T): { copied: T; shared: T } {
  setPerSite(true);
  const copied = run();
  setPerSite(false);
  const shared = run();
  setPerSite(true);
  return { copied, shared };
}

describe('closures copied per site', () => {
  it('run a copy of the factory, which sees none of the module; without new Function, the factory', () => {
    const inModule = 7;
    const site = perSite('test', (x: number) => () => x + inModule);
    // A copy is compiled from the source alone: the module's names are not there.
    expect(() => site(1)()).toThrow(ReferenceError);
    setPerSite(false);
    expect(site(1)()).toBe(8);
    setPerSite(true);
    const saved = globalThis.Function;
    globalThis.Function = function () {
      throw new EvalError('refused (a Content-Security-Policy)');
    } as unknown as FunctionConstructor;
    try {
      expect(site(2)()).toBe(9);
    } finally {
      globalThis.Function = saved;
    }
    // Once new Function has failed, copying stays off.
    expect(setPerSite(true)).toBe(false);
    // A copy that names EvalError does not get JavaScript's (a factory must take ours from rt).
    const named = new Function('return () => () => typeof EvalError')() as () => () => string;
    expect(perSite('test', named)()()).toBe('undefined');
  });

  it('give every generated expression kind the values, errors and ranges of the shared closures', () => {
    const defs = [
      'Add(a, b) == a + b',
      'Fails(a) == a + "s"',
      'Two == 1 + 1',
      'f == [k \\in 1..3 |-> k * k]',
      'r == [a |-> 1, b |-> <<2, 3>>]',
      'op(x) == x',
    ];
    const exprs = [
      // AND, OR, IF, => (short-circuit: the failing operand is never evaluated)
      'TRUE /\\ 1 = 1 /\\ (FALSE \\/ 2 > 1)',
      'FALSE /\\ 1',
      'TRUE /\\ 1',
      'TRUE \\/ 1',
      'FALSE \\/ "x"',
      'IF 1 = 1 THEN "t" ELSE 1 \\div 0',
      'IF 3 THEN 1 ELSE 2',
      'FALSE => 1',
      'TRUE => 1',
      '1 => TRUE',
      // record field access, several shapes through one site, and its errors
      'r.a + r.b[2]',
      'LET rs == <<[a |-> 1, b |-> 2], [b |-> 3, c |-> 4], [a |-> 5, b |-> 6]>> IN [i \\in 1..3 |-> rs[i].b]',
      'r.c',
      '(1..3).a',
      '[s \\in {"a", "b"} |-> s].b',
      // quantifiers over intervals and sets, stopping at the first witness, and a non-boolean body
      '\\A x \\in 1..5 : x < 6',
      '\\E x \\in 1..5 : x = 3',
      '\\E x \\in {1, 2, 3} : x = 4',
      '\\A x \\in {} : x',
      '\\E x \\in 1..3 : x',
      '\\A x \\in {1, 2} : IF x = 2 THEN 1 ELSE TRUE',
      '\\E x \\in 1 : TRUE',
      // bound variables in this frame and the one around it
      '\\A x \\in 1..3 : LET F(y) == x + y IN F(1) > x',
      // built-ins of one and two arguments, and their errors
      'Len(<<1, 2>>) + 2 * 3 - 1',
      'Len(3)',
      '1 + "a"',
      '2147483647 + 1',
      // calls of definitions, with and without parameters, and an error inside one
      'Add(1, 2) + Two',
      'Fails(1)',
      'LET G(a) == a.x IN G([x |-> 5])',
      // function application, operators, EXCEPT
      'f[2] + op(3)',
      'f[4]',
      '3[1]',
      '[f EXCEPT ![2] = @ + 10, ![3] = 0]',
      '[r EXCEPT !.b[1] = @ * 5, !.a = "z"]',
      '[f EXCEPT ![7] = 1]',
      '[r EXCEPT !.a[1] = 1]',
      '[f EXCEPT ![1] = 1 \\div 0]',
      // sets, records and tuples built
      '{3, 1, 2, 1}',
      '[b |-> 2, a |-> {1}]',
      '<<1, "a", {2}>>',
      '{1 \\div 0}',
      '<<1, 2>>[3]',
      // set maps, CHOOSE, several bounds and tuple patterns
      '{x * 2 : x \\in 1..3}',
      '{x + y : x \\in 1..2, y \\in {10, 20}}',
      'CHOOSE x \\in 1..5 : x > 2',
      'CHOOSE x \\in 1..5 : x > 9',
      'CHOOSE x \\in 1..5 : x',
      '\\A x, y \\in 1..3 : x + y < 7',
      '\\E x \\in 1..3, y \\in {} : TRUE',
      '\\E x \\in {}, y \\in 3 : TRUE',
      '\\E <<a, b>> \\in {<<1, 2>>, <<3, 4>>} : a + b = 7',
      '\\A <<a, b>> \\in {<<1, 2>>, 3} : a < b',
      '\\E x, y \\in 1..2 : x',
    ];
    const { copied, shared } = bothWays(() => evaluate(defs, exprs));
    expect(copied).toEqual(shared);
    // The errors are ours, with ranges; spot checks of the values.
    for (const o of copied)
      if (o.error) expect(o).toMatchObject({ ours: true, range: expect.anything() });
    expect(copied.map((o) => o.value ?? 'error')).toEqual([
      'TRUE',
      'FALSE',
      'error',
      'TRUE',
      'error',
      '"t"',
      'error',
      'TRUE',
      'error',
      'error',
      '4',
      '<<2, 3, 6>>',
      'error',
      'error',
      '"b"',
      'TRUE',
      'TRUE',
      'FALSE',
      'TRUE',
      'error',
      'error',
      'error',
      'TRUE',
      '7',
      'error',
      'error',
      'error',
      '5',
      'error',
      '5',
      '7',
      'error',
      'error',
      '<<1, 14, 0>>',
      '[a |-> "z", b |-> <<10, 3>>]',
      '<<1, 4, 9>>',
      'error',
      'error',
      '{1, 2, 3}',
      '[a |-> {1}, b |-> 2]',
      '<<1, "a", {2}>>',
      'error',
      'error',
      '{2, 4, 6}',
      '{11, 12, 21, 22}',
      '3',
      'error',
      'error',
      'TRUE',
      'FALSE',
      'error',
      'TRUE',
      'error',
      'error',
    ]);
    expect(copied[13].error).toMatch(/has no field a/);
    expect(copied[19].error).toMatch(/should be a boolean/);
  });

  it('give every generated action kind the same search, verdict, trace and error', async () => {
    const specs: { text: string; cfg: string }[] = [
      {
        // guards, assignments, UNCHANGED, \E, disjunctions, a call by name with primes, a
        // conjunct evaluated once every variable has its value, an invariant violated
        text: `---- MODULE A ----
EXTENDS Naturals
VARIABLES x, y, z
Set(v, w) == v' = w
Init == x = 0 /\\ y = 0 /\\ z \\in {0, 1}
Inc(n) == /\\ x < 4 /\\ x' = x + n /\\ UNCHANGED <<y, z>>
Swap == /\\ y' = x /\\ Set(x, y') /\\ z' = z /\\ (x' > 0 \\/ y' > 0)
Flip == \\E v \\in {0, 1} : /\\ z' = v /\\ UNCHANGED x /\\ y' = y /\\ \\A w \\in {x} : w < 9
Next == \\/ \\E n \\in 1..2 : Inc(n)
        \\/ Swap
        \\/ Flip
        \\/ LET Dec(n) == /\\ y > n /\\ y' = y - n /\\ UNCHANGED <<x, z>> IN Dec(1)
Inv == x + y < 7
====`,
        cfg: 'INIT Init\nNEXT Next\nINVARIANT Inv',
      },
      {
        // an action conjunct that is not a boolean
        text: `---- MODULE B ----
EXTENDS Naturals
VARIABLE x
Next == /\\ x < 2 /\\ x' = x + 1 /\\ IF x = 1 THEN 5 ELSE TRUE
====`,
        cfg: 'INIT Init\nNEXT Next'.replace('INIT Init', 'INIT I') + '\n',
      },
      {
        // an error inside an assignment's expression, reached after some states
        text: `---- MODULE C ----
EXTENDS Naturals
VARIABLES x, r
Init == x = 0 /\\ r = [a |-> 1]
Next == /\\ x' = x + 1 /\\ r' = IF x = 2 THEN [r EXCEPT !.a = r.b] ELSE r
====`,
        cfg: 'INIT Init\nNEXT Next',
      },
      {
        // a deadlock, with a primed variable read before it has a value elsewhere
        text: `---- MODULE D ----
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\\ y = 0
Next == /\\ x < 3 /\\ x' = x + 1 /\\ y' = x'
====`,
        cfg: 'INIT Init\nNEXT Next',
      },
      {
        text: `---- MODULE F ----
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\\ y = 0
Next == /\\ y' = x' + 1 /\\ x' = 1
====`,
        cfg: 'INIT Init\nNEXT Next',
      },
    ];
    // Module B's Init: x = 0 (kept out of the text above to leave its error alone).
    specs[1].text = specs[1].text.replace('VARIABLE x\n', 'VARIABLE x\nI == x = 0\n');
    const run = async (s: { text: string; cfg: string }): Promise<unknown> => {
      const name = /MODULE (\w+)/.exec(s.text)![1];
      const r: CheckResult = await checkModel({
        files: [{ name: `${name}.tla`, text: s.text }],
        mainModule: name,
        cfg: s.cfg,
        cfgName: `${name}.cfg`,
        options: { workers: 1 },
      });
      return {
        result: r.result,
        distinct: r.distinctStates,
        generated: r.generatedStates,
        depth: r.depth,
        violated: r.violated,
        error: r.error?.message,
        trace: r.trace ?? r.error?.trace,
      };
    };
    for (const s of specs) {
      setPerSite(true);
      const copied = await run(s);
      setPerSite(false);
      const shared = await run(s);
      setPerSite(true);
      expect(copied).toEqual(shared);
    }
    setPerSite(true);
    const results = await Promise.all(specs.map(run));
    expect(results.map((r) => (r as { result: string }).result)).toEqual([
      'safety failure',
      'error',
      'error',
      'deadlock failure',
      'error',
    ]);
  });
});
