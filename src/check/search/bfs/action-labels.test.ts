/**
 * How TLC names and places a step where its splitting of Next stops (TLC 2.20, `-workers 1`,
 * "State 2: <…>" of each counterexample below, letter for letter):
 * - a definition of an instantiated module (`A!Step`, `I(2)!Step`, or one an unnamed INSTANCE
 *   imports) is one action, named with the instance's arguments then its own, placed at the
 *   INSTANCE statement, not split further (`I!Both(3)` for `Both == Step \/ Step2(3)`);
 * - a call whose arguments read the state (`Op3(x + 1)`) is one action, the operator alone, at
 *   the call; TLC splits only calls with constant arguments;
 * - below an `\E` over a set that reads the state, the step keeps the name it had (`Next`).
 * We named such steps after the innermost operator we went through, at its body in module N.
 */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../check';
import { printTlcTrace } from '../../../formats/tlc-trace';

const N = `---- MODULE N ----
EXTENDS Integers
CONSTANT c
VARIABLE u
Step == u' = ((u + c) % 4) + 1
Step2(k) == u' = ((k + c) % 4) + 1
Both == Step \\/ Step2(3)
Ex == \\E j \\in {1} : u' = j + c
====
`;
const L = `---- MODULE L ----
EXTENDS Integers
VARIABLE x
Op(a) == x' = ((a + 2) % 4) + 1
Both == Op(1) \\/ Op(2)
====
`;
const M = (next: string) => `---- MODULE M ----
EXTENDS Integers
VARIABLE x
A == INSTANCE N WITH c <- 1, u <- x
I(p) == INSTANCE N WITH c <- p, u <- x
INSTANCE L
Op3(a) == x' = ((a + 2) % 4) + 1
Op4(a) == Op3(a) \\/ Op3(a+1)
Op5 == \\E k \\in {x} : Op3(k)
Wrap == A!Step
Init == x = 0
Next == ${next}
Inv == x = 0
====
`;

// [Next, TLC's label of the first step]
const cases: [string, string][] = [
  ['A!Step', '<A!Step line 4, col 1 to line 4, col 35 of module M>'],
  ['A!Step2(2)', '<A!Step2(2) line 4, col 1 to line 4, col 35 of module M>'],
  ['A!Step2(x + 1)', '<A!Step2 line 12, col 9 to line 12, col 22 of module M>'],
  ['I(2)!Step', '<I!Step(2) line 5, col 1 to line 5, col 38 of module M>'],
  ['\\E k \\in 0..1 : I(k)!Step2(k)', '<I!Step2(0,0) line 5, col 1 to line 5, col 38 of module M>'],
  ['I(3)!Both', '<I!Both(3) line 5, col 1 to line 5, col 38 of module M>'],
  ['A!Ex', '<A!Ex line 4, col 1 to line 4, col 35 of module M>'],
  ['Wrap', '<A!Step line 4, col 1 to line 4, col 35 of module M>'],
  ['\\E k \\in {1} : A!Step2(k)', '<A!Step2(1) line 4, col 1 to line 4, col 35 of module M>'],
  ['\\E k \\in {x} : A!Step2(k)', '<Next line 12, col 9 to line 12, col 33 of module M>'],
  ['Op(x + 1)', '<Op line 12, col 9 to line 12, col 17 of module M>'],
  ['Op(1)', '<Op(1) line 6, col 1 to line 6, col 10 of module M>'],
  ['Both', '<Both line 6, col 1 to line 6, col 10 of module M>'],
  ['Op3(x + 1)', '<Op3 line 12, col 9 to line 12, col 18 of module M>'],
  ['Op4(x + 1)', '<Op4 line 12, col 9 to line 12, col 18 of module M>'],
  ['Op4(1)', '<Op3(1) line 7, col 11 to line 7, col 32 of module M>'],
  ['Op5', '<Op5 line 9, col 8 to line 9, col 28 of module M>'],
  ['\\E k \\in {x} : Op3(k)', '<Next line 12, col 9 to line 12, col 29 of module M>'],
  ['\\E k \\in {x} : Op4(1)', '<Next line 12, col 9 to line 12, col 29 of module M>'],
  ['\\E k \\in {1} : Op3(x)', '<Op3 line 12, col 24 to line 12, col 29 of module M>'],
  ["LET Q(a) == x' = a + 1 IN Q(x)", '<Q line 12, col 35 to line 12, col 38 of module M>'],
  ["LET Q(a) == x' = a + 1 IN Q(1)", '<Q(1) line 12, col 21 to line 12, col 30 of module M>'],
  [
    "LET Q(a) == x' = a + 1 IN \\E k \\in {x} : Q(k)",
    '<Next line 12, col 35 to line 12, col 53 of module M>',
  ],
];

describe("steps named where TLC's splitting stops (TLC 2.20)", () => {
  it.each(cases)('Next == %s', async (next, label) => {
    const r = await checkModel({
      files: [
        { name: 'M.tla', text: M(next) },
        { name: 'N.tla', text: N },
        { name: 'L.tla', text: L },
      ],
      mainModule: 'M',
      cfg: 'INIT Init\nNEXT Next\nINVARIANT Inv\n',
      cfgName: 'M.cfg',
    });
    expect(r.result).toBe('safety failure');
    expect(printTlcTrace(r.trace!)).toContain(`State 2: ${label}\n`);
  });
});
