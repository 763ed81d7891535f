\* pcal-args: -termination
---- MODULE g2_termination_default ----
EXTENDS Naturals
(* --algorithm g2
variables x, y = 0;
begin
  a: y := 1;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "3c94399" /\ chksum(tla) = "f9c70c1f")
CONSTANT defaultInitValue
VARIABLES pc, x, y

vars == << pc, x, y >>

Init == (* Global variables *)
        /\ x = defaultInitValue
        /\ y = 0
        /\ pc = "a"

a == /\ pc = "a"
     /\ y' = 1
     /\ pc' = "Done"
     /\ x' = x

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ WF_vars(Next)

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
