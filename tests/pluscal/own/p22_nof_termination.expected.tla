---- MODULE p22_nof_termination ----
EXTENDS Naturals
(* PlusCal options (-termination -nof) *)
(* --algorithm nof
variables x = 0;
begin
  a: x := 1;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "100d8abb" /\ chksum(tla) = "73bffd97")
VARIABLES pc, x

vars == << pc, x >>

Init == (* Global variables *)
        /\ x = 0
        /\ pc = "a"

a == /\ pc = "a"
     /\ x' = 1
     /\ pc' = "Done"

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
