/**
 * The AST for the tricky forms, pinned in the compact text form of ast-print.ts: bullet lists by
 * indentation, EXCEPT paths and `@`, tuple patterns, numbers in bases, Unicode, instance
 * references, operators as arguments, LAMBDA, RECURSIVE, user-defined operators, canonical
 * spellings — and the ranges (1-based, exclusive end, UTF-16 columns).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Expr, Module, Unit } from '../../src/tla/ast/ast';
import { printExpr, printUnit } from '../../src/tla/ast/ast-print';
import { parseModuleText } from '../../src/tla/parse/parser';
import { loadParser } from './support';

beforeAll(loadParser);

function parseUnits(body: string): Unit[] {
  const result = parseModuleText(`---- MODULE T ----\n${body}\n====\n`, 'T.tla');
  expect(result.diagnostics).toEqual([]);
  return result.module!.units;
}

/** The body of the first definition, printed. */
function shape(body: string): string {
  const unit = parseUnits(body)[0];
  if (unit.kind !== 'OpDef') throw new Error(`not a definition: ${printUnit(unit)}`);
  return printExpr(unit.body);
}

function firstBody(body: string): Expr {
  const unit = parseUnits(body)[0];
  if (unit.kind !== 'OpDef') throw new Error('not a definition');
  return unit.body;
}

describe('bullet lists', () => {
  it('nest by indentation, one node per list', () => {
    expect(shape('X == /\\ a\n     /\\ \\/ b\n        \\/ c\n     /\\ d')).toBe(
      '(/\\ a (\\/ b c) d)',
    );
  });

  it('a bullet further right continues the item; one further left ends the list', () => {
    expect(shape('X == /\\ a\n     /\\ b\n        /\\ c')).toBe('(/\\ a (/\\ b c))');
    expect(shape('X == /\\ a\n     /\\ b\n  /\\ c')).toBe('(/\\ (/\\ a b) c)');
  });

  it('a list inside a quantifier inside a list', () => {
    const body =
      'X == /\\ x = 1\n     /\\ \\E y \\in S :\n          /\\ y > 0\n          /\\ z\n     /\\ w';
    expect(shape(body)).toBe('(/\\ (= x 1) (\\E y \\in S : (/\\ (> y 0) z)) w)');
  });

  it('binary /\\ and \\/ chains flatten, parentheses keep their grouping', () => {
    expect(shape('X == (a /\\ b /\\ c) \\/ d')).toBe('(\\/ (/\\ a b c) d)');
    expect(shape('X == a /\\ (b /\\ c)')).toBe('(/\\ a (/\\ b c))');
  });

  it('a one-item list stays a list', () => {
    expect(shape('X == \\/ a')).toBe('(\\/ a)');
  });
});

describe('expressions', () => {
  it('EXCEPT with nested paths, tuple indices and @', () => {
    expect(shape('X == [f EXCEPT ![1].a[2, 3] = @ + 1, !.b = [@ EXCEPT !.c = @]]')).toBe(
      '[f EXCEPT ![1].a[2, 3] = (+ @ 1), !.b = [@ EXCEPT !.c = @]]',
    );
  });

  it('tuple patterns in quantifiers, set filters and CHOOSE; shared bound sets', () => {
    expect(
      shape(
        'X == \\A <<a, b>> \\in S, c, d \\in T : {<<x, y>> \\in S : CHOOSE <<p, q>> \\in S : TRUE}',
      ),
    ).toBe(
      '(\\A <<a, b>> \\in S, c \\in T, d \\in T : {<<x, y>> \\in S : (CHOOSE <<p, q>> \\in S : TRUE)})',
    );
    const q = firstBody('X == \\E c, d \\in T : c = d');
    expect(q.kind === 'Quant' && q.bounds[0].set === q.bounds[1].set).toBe(true);
    expect(shape('X == \\E x : CHOOSE y : x = y')).toBe('(\\E x : (CHOOSE y : (= x y)))');
  });

  it('numbers in bases become decimal strings; decimals stay as written', () => {
    expect(shape('X == \\b101 + \\o17 + \\h1F + \\HFF + 007 + 1.50')).toBe(
      '(+ (+ (+ (+ (+ 5 15) 31) 255) 7) 1.50)',
    );
    expect(firstBody('X == \\h123456789ABCDEF0123')).toMatchObject({
      kind: 'Num',
      value: '5373003642731685151011',
    });
  });

  it('strings with escapes', () => {
    expect(firstBody('X == "a\\"b\\\\c\\nd\\te"')).toMatchObject({
      kind: 'Str',
      value: 'a"b\\c\nd\te',
    });
  });

  it('Unicode symbols', () => {
    expect(shape('X ≜ ∀ x ∈ S : (x ≤ 1 ∧ x ≠ 2) ∨ ¬ y ⇒ ⟨1, 2⟩ ∈ ℕ')).toBe(
      '(\\A x \\in S : (=> (\\/ (/\\ (<= x 1) (# x 2)) (~ y)) (\\in <<1, 2>> Nat)))',
    );
  });

  it('canonical spellings of alternative symbols', () => {
    expect(shape('X == (a \\land b) \\lor (~c /\\ \\lnot d /\\ \\neg e)')).toBe(
      '(\\/ (/\\ a b) (/\\ (~ c) (~ d) (~ e)))',
    );
    expect(shape('X == (((a =< b) = (a \\leq b)) = (a /= b)) = (a \\geq b)')).toBe(
      '(= (= (= (<= a b) (<= a b)) (# a b)) (>= a b))',
    );
    expect(shape('X == -x + ((a \\intersect b) \\union c) \\circ d \\equiv e \\times f')).toBe(
      '(<=> (+ (-. x) (\\o (\\cup (\\cap a b) c) d)) (\\X e f))',
    );
  });

  it('n-ary \\X, but a parenthesised product stays a pair', () => {
    expect(shape('X == A \\X B \\X C = (A \\X B) \\X C')).toBe('(= (\\X A B C) (\\X (\\X A B) C))');
  });

  it('sets, functions, records, tuples', () => {
    expect(
      shape('X == {x \\in S : P} \\cup {e : x \\in S, y \\in T} \\cup SUBSET S \\cup UNION S'),
    ).toBe('(\\cup (\\cup (\\cup {x \\in S : P} {e : x \\in S, y \\in T}) (SUBSET S)) (UNION S))');
    expect(shape('X == [a |-> 1, b |-> r.a] = [a : S, b : [S -> T]]')).toBe(
      '(= [a |-> 1, b |-> r.a] [a : S, b : [S -> T]])',
    );
    expect(shape('X == [x \\in S, y \\in T |-> f[x, y]] = f[<<1>>]')).toBe(
      '(= [x \\in S, y \\in T |-> f[x, y]] f[<<1>>])',
    );
    expect(shape('X == DOMAIN f \\subseteq S \\ T')).toBe('(\\subseteq (DOMAIN f) (\\ S T))');
  });

  it('IF, CASE with OTHER, labels and parentheses dropped', () => {
    expect(shape('X == IF a THEN b ELSE CASE c -> 1 [] d -> 2 [] OTHER -> 3')).toBe(
      '(IF a THEN b ELSE (CASE c -> 1 [] d -> 2 [] OTHER -> 3))',
    );
    expect(shape('X == lbl :: ((x + 1))')).toBe('(+ x 1)');
  });

  it('actions and temporal operators', () => {
    expect(
      shape("X == [A]_v /\\ <<A>>_<<x, y>> /\\ WF_v(A) /\\ SF_<<x>>(B) /\\ \\EE q : \\AA r : q'"),
    ).toBe("(/\\ [A]_v <<A>>_<<x, y>> WF_v(A) SF_<<x>>(B) (\\EE q : (\\AA r : (' q))))");
    expect(
      shape('X == ENABLED A /\\ UNCHANGED <<x>> /\\ []P /\\ <>Q /\\ (P ~> Q) /\\ A \\cdot B'),
    ).toBe('(/\\ (ENABLED A) (UNCHANGED <<x>>) ([] P) (<> Q) (~> P Q) (\\cdot A B))');
  });
});

describe('operators', () => {
  it('references through instances, with arguments and symbols', () => {
    expect(shape('X == I(1)!Op(2) + A!B!C + I!+(1, 2) + J!Nat')).toBe(
      '(+ (+ (+ I(1)!Op(2) A!B!C) I!+(1, 2)) J!Nat)',
    );
    const q = firstBody('X == I(x)!J!Op(a)');
    expect(q).toMatchObject({
      kind: 'Qualified',
      name: 'Op',
      path: [{ name: 'I' }, { name: 'J', args: [] }],
    });
  });

  it('operators as arguments: symbols, LAMBDA, names', () => {
    expect(shape('X == F(+, -, LAMBDA x, y : x, G, -.)')).toBe(
      '(F op:+ op:- (LAMBDA x, y : x) G op:-.)',
    );
  });

  it('user-defined infix, prefix and postfix operators, and higher-order parameters', () => {
    const units = parseUnits(
      'a ++ b == a ^+ ++ -b\n-. a == a\na ^# == a\nF(G(_, _), _ \\oplus _, x) == G(x, x)',
    );
    expect(units.map(printUnit)).toEqual([
      '++(a, b) == (++ (^+ a) (-. b))',
      '-.(a) == a',
      '^#(a) == a',
      'F(G/2, \\oplus/2, x) == (G x x)',
    ]);
  });

  it('RECURSIVE, function definitions and LET', () => {
    const units = parseUnits(
      'RECURSIVE Sum(_), T\nSum(s) == IF s = {} THEN 0 ELSE Sum(s)\nf[n \\in Nat, m \\in S] == f[n, m]\n' +
        'X == LET RECURSIVE F(_)\n         F(n) == F(n)\n         g[i \\in Nat] == g[i]\n     IN F(2)',
    );
    expect(units.map(printUnit)).toEqual([
      'RECURSIVE Sum/1, T/0',
      'Sum(s) == (IF (= s {}) THEN 0 ELSE (Sum s))',
      'f[n \\in Nat, m \\in S] == f[n, m]',
      'X == (LET RECURSIVE F/1; F(n) == (F n); g[i \\in Nat] == g[i] IN (F 2))',
    ]);
  });

  it('declarations, LOCAL, INSTANCE with operator substitutions, ASSUME, nested modules', () => {
    const units = parseUnits(
      'CONSTANTS N, F(_, _)\nVARIABLE x\nLOCAL L == 1\nI(p) == INSTANCE M WITH A <- p, + <- -, B <- LAMBDA y : y\n' +
        'LOCAL INSTANCE Naturals\nASSUME Pos == N > 0\n---- MODULE Inner ----\nY == 1\n====',
    );
    expect(units.map(printUnit)).toEqual([
      'CONSTANTS N, F/2',
      'VARIABLES x',
      'LOCAL L == 1',
      'I(p) == INSTANCE M WITH A <- p, + <- op:-, B <- (LAMBDA y : y)',
      'LOCAL INSTANCE Naturals',
      'ASSUME Pos == (> N 0)',
      'MODULE Inner { Y == 1 }',
    ]);
  });
});

describe('ranges', () => {
  it('are 1-based with exclusive ends; a bullet list ends at its last token', () => {
    const body = firstBody('X == /\\ a\n     /\\ bb\n\nY == 1');
    expect(body.range).toEqual({
      module: 'T',
      start: { line: 2, column: 6 },
      end: { line: 3, column: 11 },
    });
  });

  it('count UTF-16 code units', () => {
    const body = firstBody('X == "😀é" = yy');
    expect(body.kind === 'OpApp' && body.args[1].range).toEqual({
      module: 'T',
      start: { line: 2, column: 14 },
      end: { line: 2, column: 16 },
    });
  });

  it('name the module the node comes from', () => {
    const result = parseModuleText(
      '---- MODULE Outer ----\n---- MODULE In ----\nZ == 1\n====\n====\n',
      'Outer.tla',
    );
    const inner = result.module!.units[0] as Extract<Unit, { kind: 'Submodule' }>;
    const module: Module = inner.module;
    expect(module.units[0].range.module).toBe('In');
  });
});
