---- MODULE g6_options_termination ----
EXTENDS Naturals
(* PlusCal options (-termination) *)
(* --algorithm g6
variables x = 0;
process P \in 1..2
begin
  a: x := x + 1;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "8ba6df58" /\ chksum(tla) = "5f4cd1d3")
VARIABLES pc, x

vars == << pc, x >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ x = 0
        /\ pc = [self \in ProcSet |-> "a"]

a(self) == /\ pc[self] = "a"
           /\ x' = x + 1
           /\ pc' = [pc EXCEPT ![self] = "Done"]

P(self) == a(self)

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
