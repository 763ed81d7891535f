---- MODULE p29_existing_block ----
EXTENDS Naturals
(* --algorithm exist
variables x = 0;
begin
  a: x := x + 1;
  b: x := x * 3;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "1db400f3" /\ chksum(tla) = "7041ef50")
VARIABLES pc, x

vars == << pc, x >>

Init == (* Global variables *)
        /\ x = 0
        /\ pc = "a"

a == /\ pc = "a"
     /\ x' = x + 1
     /\ pc' = "b"

b == /\ pc = "b"
     /\ x' = x * 3
     /\ pc' = "Done"

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION

Inv == x < 10
====
