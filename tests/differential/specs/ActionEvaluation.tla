--------------------------- MODULE ActionEvaluation ---------------------------
(***************************************************************************)
(* How TLC evaluates inside a next-state relation, as found by the         *)
(* differential harness:                                                   *)
(* - an operator defined in a LET gets its arguments unevaluated: one the  *)
(*   body never reads may fail (or cost) nothing;                          *)
(* - a function built by [x \in S |-> e] is evaluated where it is applied: *)
(*   a point never applied may fail;                                       *)
(* - \E with several bounds evaluates every bound set first: a later set   *)
(*   fails even when an earlier one is empty.                              *)
(***************************************************************************)
EXTENDS Naturals, Sequences

VARIABLES x, log

Init == x = 0 /\ log = <<>>

Step ==
    LET Apply(G(_), v) == G(v)
        Keep(a, b) == a
    IN /\ x < 3
       /\ Apply(LAMBDA z : x < 3, <<>>[x + 1])
       /\ x' = Keep(x + 1, Head(<<>>))
       /\ log' = Append(log, [i \in 0..3 |-> IF i = x THEN i * 10 ELSE 1 \div 0][x])

Reset ==
    /\ x = 3
    /\ \E i \in {}, j \in (CHOOSE s \in {{1}} : 2 \in s) : x' = i + j
    /\ UNCHANGED log

NextLazy == Step
NextSets == Step \/ Reset

Inv == Len(log) = x
==============================================================================
