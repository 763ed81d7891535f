/**
 * One test per kind of diagnostic, pinning its code, message and exact range (1-based, end
 * exclusive), so that the editor's squiggles and the CLI's `file:line:column` stay where they are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/tla/ast/ast';
import { analyzeTexts, loadParser, moduleText } from './support';
import { libraryModuleNames } from '../../src/tla/library';

beforeAll(loadParser);

/** Diagnostics of module M (given its body, and other modules by name) as compact strings. */
function problems(body: string, others: Record<string, string> = {}): string[] {
  const modules = { M: moduleText('M', body), ...others };
  return analyzeTexts('M', modules).diagnostics.map(show);
}

function show(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${d.code} ${d.range.module} ${start.line}:${start.column}-${end.line}:${end.column} ${d.message}`;
}

describe('syntax', () => {
  it('an operator without its right operand', () => {
    expect(problems('EXTENDS Naturals\nA == 1 +\nB == 2')).toEqual([
      'syntax M 3:8-3:9 expected an expression after `+`',
    ]);
  });

  it('an unclosed parenthesis, with the rest of the module still read', () => {
    const analysis = analyzeTexts('M', { M: moduleText('M', 'A == (1 + 2\nB == 2') });
    expect(analysis.diagnostics.map(show)).toEqual([
      'syntax M 2:6-2:7 `(` is never closed: expected `)`',
    ]);
    expect(analysis.main?.units.map((u) => (u.kind === 'OpDef' ? u.name : u.kind))).toEqual(['B']);
  });

  it('IF without ELSE', () => {
    expect(problems('VARIABLE x\nA == IF x THEN 1\nB == 2')).toEqual([
      'syntax M 3:6-3:8 `IF` without `ELSE`',
    ]);
  });

  it('a definition with = for ==', () => {
    expect(problems('A = 1')).toEqual(['syntax M 2:1-2:2 expected `==` in the definition of A']);
  });

  it('a missing expression before a closing bracket', () => {
    expect(problems('A == [x \\in {} |-> ]')).toEqual([
      'syntax M 2:19-2:19 expected an expression after `|->`',
    ]);
  });

  it('an error in a nested module, and no follow-on undefined names from the broken unit', () => {
    const body = 'A == (1\n---- MODULE N ----\nX == \n====\nY == A';
    expect(problems(body)).toEqual([
      'syntax M 2:6-2:7 `(` is never closed: expected `)`',
      'syntax N 4:3-4:5 expected an expression after `==`',
    ]);
  });

  it('an empty file', () => {
    expect(analyzeTexts('M', { M: '' }).diagnostics.map(show)).toEqual([
      'syntax M 1:1-1:1 expected a module header `---- MODULE Name ----`',
    ]);
  });

  it('a module without its closing line', () => {
    expect(analyzeTexts('M', { M: '---- MODULE M ----\nA == 1\n' }).diagnostics.map(show)).toEqual([
      'syntax M 3:1-3:1 expected `====` at the end of module M',
    ]);
  });
});

describe('names', () => {
  it('undefined-name, with a hint when a standard module defines it', () => {
    expect(problems('EXTENDS Naturals\nVARIABLE x\nInit == x = y + Len(x)')).toEqual([
      'undefined-name M 4:13-4:14 `y` is not defined',
      'undefined-name M 4:17-4:23 `Len` is not defined (it is defined in Sequences: EXTENDS missing?)',
    ]);
  });

  it('a definition is visible only after it, unless declared RECURSIVE', () => {
    expect(problems('A == B\nB == 1\nRECURSIVE C\nD == C\nC == D')).toEqual([
      'undefined-name M 2:6-2:7 `B` is not defined',
    ]);
  });

  it('arity: too many arguments, none, or an operator argument of the wrong arity', () => {
    expect(problems('F(a) == a\nG(Op(_, _)) == Op(1, 2)\nA == F(1, 2) /\\ F /\\ G(F)')).toEqual([
      'arity M 4:6-4:13 `F` takes 1 argument, but 2 are given',
      'arity M 4:17-4:18 `F` takes 1 argument, but none is given',
      'arity M 4:24-4:25 an operator taking 2 arguments is expected here, but `F` takes 1',
    ]);
  });

  it('arity: RECURSIVE declaration and definition disagree', () => {
    expect(problems('RECURSIVE F(_, _)\nF(a) == a')).toEqual([
      'arity M 3:1-3:2 `F` is declared RECURSIVE with 2 parameters but defined with 1',
    ]);
  });

  it('duplicate-definition: module level, parameters, LET', () => {
    expect(
      problems(
        'CONSTANT N\nVARIABLE x\nN == 1\nF(a, a) == a\nA == LET B == 1\n         B == 2\n     IN B',
      ),
    ).toEqual([
      'duplicate-definition M 4:1-4:2 `N` is already defined at line 2',
      'duplicate-definition M 5:6-5:7 parameter `a` appears twice',
      'duplicate-definition M 7:10-7:11 `B` is already defined at line 6',
    ]);
  });

  it('duplicate-definition: a name EXTENDS or INSTANCE brought in, defined again (as SANY)', () => {
    // SANY: "Operator Head already defined or declared" (TLC refuses the spec); an INSTANCE after
    // the module's own definition, or two imports of one name, are only warnings for SANY.
    const a = moduleText('A', 'EXTENDS Naturals\nFoo == 1\nLOCAL Bar == 2');
    expect(problems('EXTENDS Sequences\nHead == 1')).toEqual([
      'duplicate-definition M 3:1-3:5 `Head` is already defined in module Sequences (line 41), which this module imports: it cannot be defined again (multiply-defined symbol)',
    ]);
    expect(problems('EXTENDS A\nFoo == 2\nBar == 3', { A: a })).toEqual([
      'duplicate-definition M 3:1-3:4 `Foo` is already defined in module A (line 3), which this module imports: it cannot be defined again (multiply-defined symbol)',
    ]);
    expect(problems('INSTANCE A\nCONSTANT Foo', { A: a })).toEqual([
      'duplicate-definition M 3:10-3:13 `Foo` is already defined in module A (line 3), which this module imports: it cannot be defined again (multiply-defined symbol)',
    ]);
    const c = moduleText('C', 'Foo == 3');
    expect(problems('Foo == 2\nINSTANCE A', { A: a })).toEqual([]);
    expect(problems('EXTENDS A, C', { A: a, C: c })).toEqual([]);
  });

  it('bound variables, parameters, LET and @ in EXCEPT are in scope where TLC has them', () => {
    const body =
      'EXTENDS Naturals\nCONSTANT S\nF(G(_), x) == G(x)\n' +
      'A == \\A p \\in S : \\E <<q, r>> \\in S \\X S : {y \\in S : y = p} = {q + z : z \\in S}\n' +
      'B == LET f[n \\in Nat] == IF n = 0 THEN 1 ELSE f[n - 1]\n         H(k) == k\n     IN F(H, f[2])\n' +
      'C == [[i \\in S |-> i] EXCEPT ![1] = {e \\in @ : TRUE}]\nD == CHOOSE self \\in S : self = self';
    expect(problems(body)).toEqual([]);
  });

  it('misplaced-at', () => {
    expect(problems('EXTENDS Naturals\nA == @ + 1')).toEqual([
      'misplaced-at M 3:6-3:7 `@` stands for the old value only inside an EXCEPT update',
    ]);
  });
});

describe('levels', () => {
  it('prime-not-allowed: primed twice, [] of an action, primed ASSUME', () => {
    expect(problems("VARIABLE x\nA == (x')' = x\nB == [](x' = x)\nASSUME x' = 1")).toEqual([
      'prime-not-allowed M 3:7-3:9 cannot prime an expression that already contains a prime',
      'prime-not-allowed M 4:9-4:11 `[]` cannot be applied to an action (it contains a prime); write [][A]_vars',
      'prime-not-allowed M 5:8-5:10 ASSUME must be a constant formula; it contains a prime',
    ]);
  });

  it('prime-not-allowed through a definition: the range is the reference', () => {
    expect(problems("VARIABLE x\nNext == x' = x\nASSUME Next")).toEqual([
      'prime-not-allowed M 4:8-4:12 ASSUME must be a constant formula; it contains a prime',
    ]);
  });

  it('temporal-not-allowed: inside ENABLED, in an ASSUME', () => {
    expect(problems('VARIABLE x\nA == ENABLED []x\nASSUME <>TRUE')).toEqual([
      'temporal-not-allowed M 3:14-3:17 a temporal formula cannot appear in ENABLED',
      'temporal-not-allowed M 4:8-4:14 ASSUME must be a constant formula, not a temporal one',
    ]);
  });

  it('variable-not-allowed: ASSUME depending on a variable', () => {
    expect(problems('VARIABLE x\nASSUME x = 1')).toEqual([
      'variable-not-allowed M 3:8-3:9 ASSUME must be a constant formula; it depends on a variable',
    ]);
  });

  it('the usual temporal forms are fine', () => {
    const body =
      "VARIABLE x\nvars == <<x>>\nNext == x' = x\nSpec == x = 0 /\\ [][Next]_vars /\\ WF_vars(Next) /\\ <><<Next>>_x\n" +
      'Live == []<>(x = 1) /\\ (x = 0 ~> x = 1) /\\ ENABLED Next /\\ ENABLED <<Next>>_vars';
    expect(problems(body)).toEqual([]);
  });

  it('temporal-not-allowed: a temporal formula as an argument of `=`', () => {
    expect(problems('VARIABLES x\nCONSTANTS a, b\nE == a = []b')).toEqual([
      'temporal-not-allowed M 4:10-4:13 a temporal formula cannot be an argument of `=`',
    ]);
  });

  // SANY's verdict on each `E == expr` (TLC 2.20 -sany, with VARIABLES x, y and CONSTANTS a, b):
  // "Level error in applying operator =: The level of argument 2 exceeds the maximum level
  // allowed by the operator", and the like for the other operators and constructs.
  const levels = (e: string) =>
    problems(`EXTENDS Integers, Sequences\nVARIABLES x, y\nCONSTANTS a, b\nE == ${e}`);
  it.each([
    'a = []b',
    'a = <>b',
    '([]b) = a',
    "x' = []y",
    'a # []b',
    'a = ~[]b',
    '(a = []b) \\/ b',
    'UNCHANGED (a = []b)',
    'a \\in <>b',
    '(<>b) \\in a',
    'a \\notin []b',
    'a \\subseteq []b',
    'a \\cup ([]b)',
    'a \\cap ([]b)',
    'a \\ ([]b)',
    'a \\X ([]b)',
    'SUBSET ([]b)',
    'UNION ([]b)',
    'DOMAIN ([]b)',
    '{[]a}',
    '{[]a} = b',
    '<<[]a>>',
    '<<a, []b>>[1]',
    'a[[]b]',
    '([]b).c',
    '{v \\in a : []b}',
    '{[]b : v \\in a}',
    'CHOOSE v : []b',
    'CHOOSE v \\in b : []a',
    '[a -> []b]',
    '[a : []b]',
    '[a EXCEPT ![1] = []b]',
    '[a EXCEPT ![[]b] = 1]',
  ])('%s: SANY refuses it (a level error)', (e) => {
    const found = levels(e);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^temporal-not-allowed M 5:\d+-5:\d+ a temporal formula cannot be an argument of /,
    );
  });
  it.each([
    'a /\\ []b',
    '[]b \\/ a',
    'a => []b',
    'a <=> []b',
    'a ~> []b',
    '~([]b)',
    'IF []a THEN b ELSE a',
    'IF a THEN []b ELSE a',
    'CASE a -> []b [] OTHER -> a',
    '\\A v \\in b : []a',
    '\\E v \\in a : []b',
    'LET F(p) == p IN F([]a)',
    '[v \\in a |-> []b]',
    '[u |-> []b]',
  ])('%s: SANY accepts it', (e) => expect(levels(e)).toEqual([]));
});

describe('precedence conflicts, as SANY reports them', () => {
  // SANY's verdict on each expression, read from `tlc -sany` (TLC 2.20).
  const SANY: [string, boolean][] = [
    ['a % b + 1', true],
    ['(a + b) % c + 1', true],
    ['1 + a % b', true],
    ['a \\/ b /\\ c', true],
    ['a = b = c', true],
    ['a \\cup b \\cap c', true],
    ['a ^ b ^ c', true],
    ['a \\div b * c', true],
    ['a < b = c', true],
    ['a => b => c', true],
    ['a | b + c', true],
    ['a * b % c', false],
    ['a + b - c', false],
    ['a - b + c', false],
    ['a .. b + 1', false],
    ['a \\in S \\cup T', false],
    ['a :> b @@ c :> d', false],
    ['a \\X b \\X c', false],
  ];
  for (const [expr, conflict] of SANY) {
    it(`${expr}: ${conflict ? 'a conflict' : 'legal'}`, () => {
      const found = problems(`EXTENDS Integers, TLC\nCONSTANTS a, b, c, S, T\nX == ${expr}`).filter(
        (p) => p.includes('Precedence conflict'),
      );
      expect(found.length > 0).toBe(conflict);
    });
  }
});

describe('records', () => {
  // SANY: "Non-unique fields in constructor." (found by the differential harness).
  it('a field written twice in a record or a set of records', () => {
    expect(
      problems(
        'A == [a |-> 1, b |-> 2, a |-> 3]\nB == [a : {1}, a : {2}]\nC == [a |-> 1, b |-> 2]',
      ),
    ).toEqual([
      'duplicate-field M 2:25-2:26 Non-unique fields in constructor: a is given twice',
      'duplicate-field M 3:16-3:17 Non-unique fields in constructor: a is given twice',
    ]);
  });
});

describe('modules', () => {
  it('missing-module', () => {
    const known = `the library that ships with specstage has ${libraryModuleNames().sort().join(', ')}`;
    expect(problems('EXTENDS Naturals, Nowhere\nA == 1')).toEqual([
      `missing-module M 2:19-2:26 cannot find module Nowhere (no Nowhere.tla beside the spec or on the library path); ${known}`,
    ]);
    // A typo or a wrong case names the library module meant.
    expect(
      problems('EXTENDS SequenceExt, functions\nA == 1').map((p) =>
        p.split(';').slice(0, 2).join(';'),
      ),
    ).toEqual([
      'missing-module M 2:9-2:20 cannot find module SequenceExt (no SequenceExt.tla beside the spec or on the library path; did you mean SequencesExt?)',
      'missing-module M 2:22-2:31 cannot find module functions (no functions.tla beside the spec or on the library path; did you mean Functions?)',
    ]);
  });

  it('module-cycle', () => {
    expect(problems('EXTENDS N\nA == 1', { N: moduleText('N', 'EXTENDS M\nB == 2') })).toEqual([
      'module-cycle N 2:9-2:10 circular module dependency: M → N → M',
    ]);
  });

  it('module-name: a file named unlike its module', () => {
    expect(analyzeTexts('M', { M: moduleText('Other', 'A == 1') }).diagnostics.map(show)).toEqual([
      'module-name Other 1:1-1:23 file M.tla holds module Other, but TLC looks for module M in it',
    ]);
  });

  it('substitutions must name the instantiated module’s constants and variables, and fit their level', () => {
    const n = moduleText('N', 'CONSTANT c\nVARIABLE v\nB == c');
    expect(problems('VARIABLE x\nI == INSTANCE N WITH c <- x, z <- 1', { N: n })).toEqual([
      'undefined-name M 3:15-3:16 INSTANCE N: `v` has no substitution (WITH v <- …) and is not defined here',
      'variable-not-allowed M 3:27-3:28 `c` is a CONSTANT: it can only be replaced by a constant expression',
      'undefined-name M 3:35-3:36 module N has no CONSTANT or VARIABLE `z` to substitute',
    ]);
  });

  it('arguments of a parameterised instance fit the level of what their parameter replaces', () => {
    // SANY (TLC 2.20): "Level error in applying operator I!Bump: The level of argument 1 exceeds
    // the maximum level allowed by the operator." for I(x)!Bump, where Bump uses c; I(x)!Sum,
    // which does not, is accepted (TLC: no error, 4 states generated, 3 distinct). Likewise a
    // parameter replacing a VARIABLE takes no primed argument where the operator uses it. We
    // accepted I(x)!Bump and checked the model.
    const n = moduleText(
      'N',
      "EXTENDS Integers\nCONSTANT c\nVARIABLE u\nSum == u + 1\nBump == u' = u + c\nVia == Bump",
    );
    const m = (next: string) =>
      problems(
        `EXTENDS Integers\nVARIABLE x\nI(p) == INSTANCE N WITH c <- p, u <- x\nJ(p) == INSTANCE N WITH c <- 1, u <- p\n${next}`,
        { N: n },
      );
    expect(m('Next == I(x)!Bump \\/ I(1)!Via \\/ I(x)!Via')).toEqual([
      'variable-not-allowed M 6:11-6:12 Level error in applying `I!Bump`: argument 1 must be a constant expression (its parameter replaces a CONSTANT of module N that it uses)',
      'variable-not-allowed M 6:36-6:37 Level error in applying `I!Via`: argument 1 must be a constant expression (its parameter replaces a CONSTANT of module N that it uses)',
    ]);
    expect(m("Next == x' = I(x)!Sum /\\ J(x)!Sum > 0")).toEqual([]);
    expect(m("Next == x' = 1 /\\ J(x')!Sum = 2")).toEqual([
      'prime-not-allowed M 6:21-6:23 Level error in applying `J!Sum`: argument 1 must be a state expression (its parameter replaces a VARIABLE of module N that it uses)',
    ]);
  });

  it('references through instances: unknown name, wrong arity', () => {
    const n = moduleText('N', 'CONSTANT c\nB == c');
    expect(problems('I == INSTANCE N WITH c <- 1\nA == I!Nope = I(2)!B', { N: n })).toEqual([
      'undefined-name M 3:6-3:12 `Nope` is not defined in module N',
      'arity M 3:15-3:21 `I` takes 0 arguments, but 1 is given',
    ]);
  });

  it('unsupported: a subexpression that does not exist', () => {
    expect(problems('A == /\\ 1\n     /\\ 2\nB == A!3')).toEqual([
      'unsupported M 4:6-4:9 cannot select operand 3 of this expression in `A!3`',
    ]);
  });

  it('a missing imported module silences undefined names (they may come from it)', () => {
    expect(
      problems('EXTENDS Elsewhere\nA == FunAsSeq(1, 2, 3)').map((p) => p.split(';')[0]),
    ).toEqual([
      'missing-module M 2:9-2:18 cannot find module Elsewhere (no Elsewhere.tla beside the spec or on the library path)',
    ]);
  });
});
