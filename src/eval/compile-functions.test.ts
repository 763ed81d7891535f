import { beforeAll, describe, expect, it } from 'vitest';
import { ensureParser } from '../check/check';
import { evaluateToText } from './builtins/oracle/engine';

beforeAll(ensureParser);

const values = (exprs: string[]) => evaluateToText({ extends: ['Naturals'], exprs });

describe('EXCEPT', () => {
  it('updates one-step and nested paths, several in turn, with @ the old value', async () => {
    expect(
      await values([
        '[[i \\in 1..3 |-> i] EXCEPT ![2] = @ * 10, ![3] = @ + 1]',
        '[[a |-> [b |-> 1, c |-> 2]] EXCEPT !.a.c = @ + 5, !.a.b = 0]',
        '[<<1, <<2, 3>> >> EXCEPT ![2][1] = @ + @, ![1] = 9]',
        '[[i \\in 1..2 |-> i] EXCEPT ![7] = 1]',
        '[[n \\in Nat |-> n] EXCEPT ![2] = 7][2]',
        // The same EXCEPT evaluated again inside its own new value (a recursive operator).
        'LET g[n \\in 0..3] == IF n = 0 THEN <<0, 0>> ELSE [g[n - 1] EXCEPT ![1] = @ + n] IN g[3]',
        '[1 EXCEPT ![1] = 2]',
      ]),
    ).toEqual([
      '<<1, 20, 4>>',
      '[a |-> [b |-> 0, c |-> 7]]',
      '<<9, <<4, 3>>>>',
      '<<1, 2>>',
      '7',
      '<<6, 0>>',
      expect.stringMatching(/^error: EXCEPT applied to 1, which is not a function/),
    ]);
  });
});
