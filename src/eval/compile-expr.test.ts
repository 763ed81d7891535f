import { beforeAll, describe, expect, it } from 'vitest';
import { ensureParser } from '../check/check';
import { evaluateToText } from './builtins/oracle/engine';

beforeAll(ensureParser);

const values = (exprs: string[]) => evaluateToText({ extends: ['Naturals', 'Sequences'], exprs });

describe('record fields', () => {
  it('are found by one r.f over records of several shapes in turn (its cached index per shape)', async () => {
    expect(
      await values([
        'LET rs == <<[a |-> 1, b |-> 2], [b |-> 3, c |-> 4], [a |-> 5, b |-> 6], [b |-> 7, c |-> 8]>> IN [i \\in 1..4 |-> rs[i].b]',
        // Records made by EXCEPT share their names; a function on strings is a record too.
        'LET r == [a |-> 1, b |-> 2] IN <<[r EXCEPT !.b = 5].b, [r EXCEPT !.a = 0].b, [s \\in {"a", "b"} |-> s].b>>',
        // Strings made at run time equal the literals.
        '<<"a" \\o "b" = "ab", [ab |-> 1].ab, {"a" \\o "b"} = {"ab"}>>',
        'LET rs == <<[a |-> 1, b |-> 2], [a |-> 1]>> IN [i \\in 1..2 |-> rs[i].b]',
      ]),
    ).toEqual([
      '<<2, 3, 6, 7>>',
      '<<5, 2, "b">>',
      '<<TRUE, 1, TRUE>>',
      expect.stringMatching(/^error: The record \[a \|-> 1\] has no field b/),
    ]);
  });
});
