---- MODULE p06_fair_algorithm ----
EXTENDS Naturals
(* --fair algorithm fairuni
variables x = 0;
begin
  a: while x < 5 do
       x := x + 1;
     end while;
  b: x := 0;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "7c28162a" /\ chksum(tla) = "616bd0cf")
VARIABLES pc, x

vars == << pc, x >>

Init == (* Global variables *)
        /\ x = 0
        /\ pc = "a"

a == /\ pc = "a"
     /\ IF x < 5
           THEN /\ x' = x + 1
                /\ pc' = "a"
           ELSE /\ pc' = "b"
                /\ x' = x

b == /\ pc = "b"
     /\ x' = 0
     /\ pc' = "Done"

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ WF_vars(Next)

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
