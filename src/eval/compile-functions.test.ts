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

describe('EXCEPT at two keys (no array of keys)', () => {
  it('updates functions, records and lazy functions as the general path does, and fails alike', async () => {
    expect(
      await values([
        '[[i \\in 1..2 |-> [j \\in 1..2 |-> i + j]] EXCEPT ![2][1] = @ * 10]',
        '[[a |-> [b |-> 1, c |-> {2}]] EXCEPT !.a.c = @ \\cup {3}]',
        '[[n \\in Nat |-> <<n, n>>] EXCEPT ![2][1] = 7][2]',
        // A key outside the domain at either step: the function unchanged.
        '[<<<<1>>, <<2>> >> EXCEPT ![3][1] = 0, ![1][5] = 0]',
        // The same update through three keys and through two, in one EXCEPT.
        '[<<<<<<1>> >> >> EXCEPT ![1][1][1] = 5, ![1][1] = <<@[1] + 1>>]',
        '[<<1>> EXCEPT ![1][1] = 2]',
      ]),
    ).toEqual([
      '<<<<2, 3>>, <<30, 4>>>>',
      '[a |-> [b |-> 1, c |-> {2, 3}]]',
      '<<7, 2>>',
      '<<<<1>>, <<2>>>>',
      '<<<<<<6>>>>>>',
      expect.stringMatching(/^error: EXCEPT applied to 1, which is not a function/),
    ]);
  });
});

describe('a set with one element more or less, written `S \\cup {x}`, `S \\ {x}`', () => {
  it('is the union or difference with the set {x}, for every kind of set, with the same errors', async () => {
    // [S, x]: `S op {x}` takes the path without the set {x}; `S op {x, x}` (the same set) the
    // general one.
    const cases = [
      ['{1, 3}', '2'],
      ['{1, 3}', '3'],
      ['{}', '2'],
      ['1..4', '2'],
      ['1..4', '9'],
      ['{{1}, {2}}', '{1}'],
      ['{1, 2}', '"a"'],
      ['1', '1'],
      ['[x \\in {1} |-> x]', '1'],
    ];
    for (const op of ['\\cup', '\\']) {
      const one = cases.map(([a, x]) => `(${a}) ${op} {${x}}`);
      const general = cases.map(([a, x]) => `(${a}) ${op} {${x}, ${x}}`);
      const outcome = await values(one);
      expect(outcome).toEqual(await values(general));
      expect(outcome.filter((o) => o.startsWith('error:'))).toHaveLength(3);
      expect(await values([`3 \\in (Nat ${op} {3})`])).toEqual([op === '\\cup' ? 'TRUE' : 'FALSE']);
    }
    expect(await values(cases.slice(0, 6).map(([a, x]) => `(${a}) \\cup {${x}}`))).toEqual([
      '{1, 2, 3}',
      '{1, 3}',
      '{2}',
      '{1, 2, 3, 4}',
      '{1, 2, 3, 4, 9}',
      '{{1}, {2}}',
    ]);
    expect(await values(cases.slice(0, 6).map(([a, x]) => `(${a}) \\ {${x}}`))).toEqual([
      '{1, 3}',
      '{1}',
      '{}',
      '{1, 3, 4}',
      '{1, 2, 3, 4}',
      '{{2}}',
    ]);
  });
});
