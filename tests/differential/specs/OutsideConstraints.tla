-------------------------- MODULE OutsideConstraints --------------------------
(***************************************************************************)
(* TLC does not explore a state outside the CONSTRAINTs (or reached by a   *)
(* step outside the ACTION_CONSTRAINTs), but it checks its invariants, the *)
(* state parts of its properties and the step's action properties: a     *)
(* violation there is reported (a missed violation otherwise).             *)
(***************************************************************************)
EXTENDS Naturals

VARIABLES x, y

Init == x = 0 /\ y \in {0, 1}
InitOutside == x = 5 /\ y = 0

Next == x' = x + 1 /\ y' = 1 - y

Small == x < 2
StepSmall == x' < 2
NotThree == x # 3

Inv == x < 2
StepProp == [][x' = x + 1 /\ x' < 2]_<<x, y>>
BoxProp == [](x < 2)
================================================================================
