import { beforeAll, describe, expect, it } from 'vitest';
import { ensureParser } from '../../check/check';
import { parseModuleText } from './parser';

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
