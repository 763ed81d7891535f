import { beforeAll, describe, expect, it } from 'vitest';
import { ensureParser } from '../../check/check';
import { parseModuleText } from './parser';
import { printExpr } from '../ast/ast-print';

beforeAll(ensureParser);

const conflicts = (expr: string): string[] =>
  parseModuleText(
    `---- MODULE P ----\nEXTENDS Integers, Sequences\nCONSTANTS a, b, c\nE == ${expr}\n====\n`,
    'P.tla',
  ).diagnostics.map((d) => d.message);

/**
 * SANY (TLC 2.20 -sany) refuses a prefix minus as the right operand of an infix operator of
 * precedence 13 or more ("Precedence conflict between ops \div ... and -."); we read it as
 * a \div (-b) and checked the spec TLC refuses.
 */
describe('prefix minus after a tighter infix operator (as SANY)', () => {
  it.each(['7 \\div -2', 'a * -b', 'a * -b + c', 'a ^ -2', 'a \\o -b', '<<a * -2>>'])(
    '%s is a precedence conflict',
    (e) => expect(conflicts(e).join('\n')).toContain('Precedence conflict'),
  );
  it.each(['a + -b', 'a % -b', 'a = -b', 'a .. -b', '-a * b', 'a * (-b)', 'a - -b'])(
    '%s is fine',
    (e) => expect(conflicts(e)).toEqual([]),
  );
});

/**
 * SANY refuses a prefix operator followed by its operand and an infix or postfix operator whose
 * precedence range overlaps its own (SANY's table: [], <>, ENABLED, UNCHANGED 4-15; SUBSET, UNION,
 * DOMAIN 10-13; ~ 4; - 12): `[]a = b` is "Precedence conflict between ops [] ... and =." (TLC
 * 2.20 -sany), where the parser here read `([]a) = b`. Each case below compared with SANY on this
 * module.
 */
describe('a prefix operator before a tighter or overlapping operator (as SANY)', () => {
  it.each([
    ['[]a = b', '[] and ='],
    ['<>a = b', '<> and ='],
    ['[]a \\in b', '[] and \\in'],
    ['[]a # b', '[] and #'],
    ['[]a < b', '[] and <'],
    ['[]a + b', '[] and +'],
    ['[]a .. b', '[] and ..'],
    ['[]a \\cup b', '[] and \\cup'],
    ['[]a \\X b', '[] and \\X'],
    ['[]a \\cdot b', '[] and \\cdot'],
    ['<>a * b', '<> and *'],
    ['ENABLED a = b', 'ENABLED and ='],
    ['UNCHANGED a = b', 'UNCHANGED and ='],
    ["ENABLED a' = 1", "ENABLED and '"],
    ["[]a'", "[] and '"],
    ['DOMAIN a + b', 'DOMAIN and +'],
    ['DOMAIN a \\o b', 'DOMAIN and \\o'],
    ['SUBSET a \\X b', 'SUBSET and \\X'],
    ['[](a) = b', '[] and ='],
    ['[]<>a = b', '<> and ='],
    ['[][]a = b', '[] and ='],
    ['~[]a = b', '[] and ='],
    ['a /\\ []b = a', '[] and ='],
    ['a + []b = a', '[] and ='],
    ['a = []b + a', '[] and +'],
    ['<<[]a = b>>', '[] and ='],
  ])('%s is a precedence conflict between %s', (e, ops) => {
    const found = conflicts(e);
    expect(found).toHaveLength(1);
    expect(found[0]).toBe(`Precedence conflict between ops ${ops}: add parentheses`);
  });
  it.each([
    '[]a /\\ b',
    '[]a \\/ b',
    '[]a => b',
    '[]a <=> b',
    '[]a ~> b',
    '[]a -+-> b',
    '~a = b',
    '~<>a',
    '[]~a = b',
    '[](a = b)',
    'ENABLED (a = b)',
    "ENABLED (a' = 1)",
    'SUBSET a \\cup b',
    'UNION a \\cup b',
    'DOMAIN a .. b',
    '-a ^ b',
    '-a + b',
  ])('%s is fine', (e) => expect(conflicts(e)).toEqual([]));
});

/**
 * `~(x) = 1`: tree-sitter reads `~(x)` as a closed application and applies `= 1` to it, where
 * SANY applies `~` to everything after it that binds tighter (TLC 2.20: `~(x + y) % 2 = 1` is
 * ~(((x + y) % 2) = 1), a Boolean; we said "The operator ~ expects a boolean, but got 0").
 */
describe('a prefix operator written as ~(x) before a tighter infix operator (as SANY)', () => {
  const body = (expr: string): string => {
    const r = parseModuleText(
      `---- MODULE P ----\nEXTENDS Integers\nCONSTANTS a, b, x, S\nE == ${expr}\n====\n`,
      'P.tla',
    );
    expect(r.diagnostics).toEqual([]);
    const e = r.module!.units.find((u) => u.kind === 'OpDef' && u.name === 'E');
    return e && e.kind === 'OpDef' ? printExpr(e.body) : '';
  };
  it.each([
    ['~(x) = 1', '~((x) = 1)'],
    ['~(a + b) % 2 = 1', '~(((a + b) % 2) = 1)'],
    ['~(x) + 1 = 2', '~(((x) + 1) = 2)'],
    ['~(a) \\in S', '~((a) \\in S)'],
  ])('%s is read as %s', (e, same) => expect(body(e)).toBe(body(same)));
  it.each(['~(a) /\\ b', '~(a) => b', '(~(a)) = b', '~(a).f'])('%s keeps its reading', (e) => {
    const explicit: Record<string, string> = {
      '~(a) /\\ b': '(~(a)) /\\ b',
      '~(a) => b': '(~(a)) => b',
      '(~(a)) = b': '(~(a)) = b',
      '~(a).f': '~((a).f)',
    };
    expect(body(e)).toBe(body(explicit[e]));
  });
});
