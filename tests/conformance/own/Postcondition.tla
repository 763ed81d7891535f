---- MODULE Postcondition ----
(* POSTCONDITION: evaluated once the search is complete, with TLCGet("stats") its figures; TLC
   reports a false one as a false assumption. *)
EXTENDS Naturals, TLC
VARIABLE x, y
Init == x = 0 /\ y \in {0, 1}
Next == x < 3 /\ x' = x + 1 /\ y' = 1 - y
Stats == TLCGet("stats")
Holds == Stats.distinct = 8 /\ Stats.generated = 8 /\ Stats.queue = 0 /\ Stats.diameter = 4 /\ Stats.initial = 2
Fails == TLCGet("distinct") = 7
====
