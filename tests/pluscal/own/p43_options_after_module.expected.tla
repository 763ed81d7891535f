---- MODULE p43_options_after_module ----
EXTENDS Naturals
(* --algorithm oam
variables x = 0;
begin
  a: x := 1;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "8bdb9239" /\ chksum(tla) = "61ea5e1e")
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

Spec == /\ Init /\ [][Next]_vars
        /\ WF_vars(Next)

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
PlusCal options (-wf)
