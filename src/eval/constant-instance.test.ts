import { describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';

// A definition without parameters whose value depends on no variable is computed once, as TLC
// computes it before the search, also when it reaches definitions of an instantiated module
// (`P(k)!Lemma`, MisraReachability's ReachabilityTest): PrintT shows how often it is evaluated.
const Q = `---- MODULE Q ----
EXTENDS TLC
CONSTANT K
VARIABLE z
Lemma == PrintT(<<"lemma", K>>)
Watch == PrintT(<<"watch", z>>)
====
`;
const T = `---- MODULE T ----
EXTENDS Naturals, TLC
VARIABLE x
P(k) == INSTANCE Q WITH K <- k, z <- x
Test == <<\\A k \\in {1, 2} : P(k)!Lemma, TRUE>>
ASSUME \\A i \\in DOMAIN Test : Test[i]
Seen == P(0)!Watch
Init == x = 0
Next == x' = (x + 1) % 3
Inv == Test[2] /\\ Seen
====
`;

describe('constant definitions through instances', () => {
  it('computes them once, and those reading a substituted variable in every state', async () => {
    const result = await checkModel({
      files: [
        { name: 'T.tla', text: T },
        { name: 'Q.tla', text: Q },
      ],
      mainModule: 'T',
      cfg: 'INIT Init\nNEXT Next\nINVARIANT Inv\n',
      cfgName: 'T.cfg',
    });
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ result: 'success', distinctStates: 3, depth: 3 });
    // TLC 2.20 prints the two lemma lines once (at its start), then the watch line of each state.
    expect(result.output.filter((l) => l.includes('lemma'))).toEqual([
      '<<"lemma", 1>>',
      '<<"lemma", 2>>',
    ]);
    expect(result.output.filter((l) => l.includes('watch')).sort()).toEqual([
      '<<"watch", 0>>',
      '<<"watch", 1>>',
      '<<"watch", 2>>',
    ]);
  });
});
