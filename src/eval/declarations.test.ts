import { describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';

// Every kind of binder the compiler binds: operator and LAMBDA parameters, an operator
// parameter, tuple patterns, LET definitions (a recursive function among them), EXCEPT's `@`,
// set filter and CHOOSE, a recursive function definition, a parameterised INSTANCE, and an action
// call whose argument is primed (compiled by name, its parameter bound to the argument).
const C = `---- MODULE C ----
EXTENDS Naturals
CONSTANT K
VARIABLE z
Step == z' = (z + K) % 5
====
`;
const B = `---- MODULE B ----
EXTENDS Naturals, FiniteSets
CONSTANT N
VARIABLES x, y
Inc(v) == v + 1
Apply(F(_), v) == F(v)
Sum[i \\in 0..N] == IF i = 0 THEN 0 ELSE i + Sum[i - 1]
I(k) == INSTANCE C WITH K <- k, z <- y
Init == x = [i \\in 1..N |-> 0] /\\ y = 0
Set(v) == y' = v
Assign(v, e) == v = e
Bump(i) == LET d == Apply(LAMBDA p : Inc(p), i)
               f[n \\in 0..d] == IF n = 0 THEN 0 ELSE f[n - 1] + 1
           IN x' = [x EXCEPT ![i] = (@ + f[d]) % 3]
Next == \\/ \\E <<i, j>> \\in (1..N) \\X (1..N) :
              /\\ i # j
              /\\ Bump(i)
              /\\ UNCHANGED y
        \\/ /\\ UNCHANGED x
           /\\ I(2)!Step
        \\/ /\\ UNCHANGED x
           /\\ \\E s \\in {t \\in SUBSET (1..N) : Cardinality(t) = 1} :
                 Set(((CHOOSE m \\in s : TRUE) + Sum[N]) % 5)
        \\/ /\\ UNCHANGED x
           /\\ Assign(y', (y + 1) % 5)
Inv == \\A i \\in DOMAIN x : x[i] < 3 /\\ y < 5
====
`;

describe('the compiler finds local names through their declarations (names.ts)', () => {
  it('binds every binder with its declarations (one without would leave its names unknown)', async () => {
    const result = await checkModel({
      files: [
        { name: 'B.tla', text: B },
        { name: 'C.tla', text: C },
      ],
      mainModule: 'B',
      cfg: 'CONSTANT N = 3\nINIT Init\nNEXT Next\nINVARIANT Inv\n',
      cfgName: 'B.cfg',
    });
    // TLC 2.20: 45 distinct states, depth 6, no error.
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ result: 'success', distinctStates: 45, depth: 6 });
  });
});
