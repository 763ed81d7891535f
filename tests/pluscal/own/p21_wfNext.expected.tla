---- MODULE p21_wfNext ----
EXTENDS Naturals
(* PlusCal options (-wfNext) *)
(* --algorithm wfn
variables x = 0;
process P \in 1..2
begin
  p1: x := x + 1;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "d250a011" /\ chksum(tla) = "b6cb2429")
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
        /\ WF_vars(Next)

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
