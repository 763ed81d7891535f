---- MODULE TemporalChoice ----
(* Temporal formulas under IF with a constant or a state-level condition, and LET. *)
EXTENDS Naturals
CONSTANT Mode
VARIABLE x
Init == x \in {0, 1}
Next == x' = (x + 1) % 3
Spec == Init /\ [][Next]_x /\ WF_x(Next)
Q1 == IF Mode = "a" THEN <>(x = 2) ELSE [](x < 2)
Q2 == IF x = 0 THEN [](x < 3) ELSE <>(x = 0)
Q3 == LET G == x = 2 IN []<>G
Q4 == \A m \in {"a", "b"} : IF m = Mode THEN <>(x = 2) ELSE TRUE
Bad == IF Mode = "a" THEN [](x < 2) ELSE <>(x = 2)
====
