---- MODULE g4_delimiter ----
EXTENDS Naturals
(* --algorithm g4
variables x = 0;
begin
  a: x := x + 1;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "4cbb52c" /\ chksum(tla) = "b157710a")
VARIABLES pc, x

vars == << pc, x >>

Init == (* Global variables *)
        /\ x = 0
        /\ pc = "a"

a == /\ pc = "a"
     /\ x' = x + 1
     /\ pc' = "Done"

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
