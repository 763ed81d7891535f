---- MODULE p18_termination ----
EXTENDS Naturals
(* PlusCal options (-termination) *)
(* --algorithm term
variables x = 0;
process P \in 1..2
begin
  p1: x := x + 1;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "687c1ea4" /\ chksum(tla) = "df73bdf7")
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

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..2: P(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in 1..2 : WF_vars(P(self))

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
