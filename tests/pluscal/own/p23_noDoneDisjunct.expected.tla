---- MODULE p23_noDoneDisjunct ----
EXTENDS Naturals
(* PlusCal options (-noDoneDisjunct) *)
(* --algorithm ndd
variables x = 0;
process P \in 1..2
begin
  p1: x := x + 1;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "243f6724" /\ chksum(tla) = "82f1b19e")
VARIABLES pc, x

vars == << pc, x >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ x = 0
        /\ pc = [self \in ProcSet |-> "p1"]

p1(self) == /\ pc[self] = "p1"
            /\ x' = x + 1
            /\ pc' = [pc EXCEPT ![self] = "Done"]

P(self) == p1(self)

Next == (\E self \in 1..2: P(self))

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
