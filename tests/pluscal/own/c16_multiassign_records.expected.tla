---- MODULE c16_multiassign_records ----
EXTENDS Naturals
(* --algorithm cmr {
  variables f = [i \in 1..2 |-> [a |-> 0, b |-> 0]], g = 0;
  process (P \in 1..2) {
    s1: f[self].a := 1 || g := g + 1;
    s2: f[self] := [f[self] EXCEPT !.b = 2];
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "ee847566" /\ chksum(tla) = "b6807d3")
VARIABLES pc, f, g

vars == << pc, f, g >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ f = [i \in 1..2 |-> [a |-> 0, b |-> 0]]
        /\ g = 0
        /\ pc = [self \in ProcSet |-> "s1"]

s1(self) == /\ pc[self] = "s1"
            /\ /\ f' = [f EXCEPT ![self].a = 1]
               /\ g' = g + 1
            /\ pc' = [pc EXCEPT ![self] = "s2"]

s2(self) == /\ pc[self] = "s2"
            /\ f' = [f EXCEPT ![self] = [f[self] EXCEPT !.b = 2]]
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ g' = g

P(self) == s1(self) \/ s2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..2: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
