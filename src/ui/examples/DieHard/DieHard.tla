------------------------------- MODULE DieHard -------------------------------
(***************************************************************************)
(* The jug puzzle from the film "Die Hard with a Vengeance": with a tap,   *)
(* a 3-gallon jug and a 5-gallon jug, leave exactly 4 gallons in the big   *)
(* jug. We claim it cannot be done (NotSolved); the checker's              *)
(* counterexample to that claim is the solution.                           *)
(***************************************************************************)
EXTENDS Naturals

VARIABLES small, big   \* gallons in the 3-gallon and in the 5-gallon jug

vars == <<small, big>>

TypeOK == /\ small \in 0..3
          /\ big \in 0..5

Init == /\ small = 0
        /\ big = 0

Min(m, n) == IF m < n THEN m ELSE n

FillSmall  == small' = 3 /\ big' = big
FillBig    == big' = 5 /\ small' = small
EmptySmall == small' = 0 /\ big' = big
EmptyBig   == big' = 0 /\ small' = small

(* Pour until the source is empty or the target is full. *)
SmallToBig == LET poured == Min(small, 5 - big)
              IN  /\ small' = small - poured
                  /\ big' = big + poured

BigToSmall == LET poured == Min(big, 3 - small)
              IN  /\ big' = big - poured
                  /\ small' = small + poured

Next == \/ FillSmall \/ FillBig
        \/ EmptySmall \/ EmptyBig
        \/ SmallToBig \/ BigToSmall

Spec == Init /\ [][Next]_vars

NotSolved == big # 4
==============================================================================
