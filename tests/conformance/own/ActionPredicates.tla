---- MODULE ActionPredicates ----
(* How many successors TLC generates (states generated, not distinct): once every primed variable
   has a value, the rest of a conjunction is evaluated, not enumerated; a constant definition is a
   value; \A in an action is a conjunction of its instances. *)
EXTENDS Naturals
VARIABLE x
Init == x = 0
P == \E m \in {1,2} : m > 0
Q == x = 0 \/ x = 0
T1 == (\E m \in {1,2} : m > 0) /\ x' = 1
T2 == (x = 0 \/ x = 0) /\ x' = 1
T3 == \E m \in {1,2} : (m > 0 /\ x' = 1)
T4 == (\E m \in {1,2} : m > 0 \/ m > 1) /\ x' = 1
T5 == P /\ x' = 1
T6 == (\E m \in {1,2} : x = 0) /\ x' = 1
T7 == x' = 1 /\ (\E m \in {1,2} : m > 0)
T8 == x' = 1 /\ (x' = 1 \/ x' = 1)
T9 == Q /\ x' = 1
T11 == (\E m \in {1,2} : TRUE) /\ (\E n \in {1,2}: x' = 1)
T12 == (\A m \in {1, 2} : m > 0 \/ m > 1) /\ x' = 1
T13 == x = 0 /\ (x = 0 \/ x = 0) /\ x' = 1
T14 == (\E m \in {1,2} : m > 0) /\ (x = 0 \/ x = 0) /\ x' = 1
T15 == \/ \E m \in {1,2} : m > 0
       \/ x = 0
T16 == T15 /\ x' = 1
T17 == (\E m \in {1,2} : m > 0 /\ x = 0) /\ x' = 1
T18 == (\E m \in {1,2} : m > 0 /\ x' = 1)
T19 == (LET y == 1 IN \E m \in {1,2} : m > 0) /\ x' = 1
T20 == (x \in {0} \/ x = 0) /\ x' = 1
T21 == (\E m \in {1,2} : m > 0) /\ UNCHANGED x
T22 == (CASE x = 0 -> TRUE [] x = 0 -> TRUE) /\ x' = 1
All == T1 \/ T2 \/ T3 \/ T4 \/ T5 \/ T6 \/ T7 \/ T8 \/ T9 \/ T11 \/ T12 \/ T13 \/ T14 \/ T16
       \/ T17 \/ T18 \/ T19 \/ T20 \/ T21
====
