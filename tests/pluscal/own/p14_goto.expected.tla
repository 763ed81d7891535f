---- MODULE p14_goto ----
EXTENDS Naturals
(* --algorithm gotos
variables x = 0;
begin
  a: x := x + 1;
     if x < 3 then goto a else goto c end if;
  b: x := 99;
  c: if x = 3 then
       goto Done;
     end if;
  d: x := 0;
     goto a;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "fef47767" /\ chksum(tla) = "24157c87")
VARIABLES pc, x

vars == << pc, x >>

Init == (* Global variables *)
        /\ x = 0
        /\ pc = "a"

a == /\ pc = "a"
     /\ x' = x + 1
     /\ IF x' < 3
           THEN /\ pc' = "a"
           ELSE /\ pc' = "c"

b == /\ pc = "b"
     /\ x' = 99
     /\ pc' = "c"

c == /\ pc = "c"
     /\ IF x = 3
           THEN /\ pc' = "Done"
           ELSE /\ pc' = "d"
     /\ x' = x

d == /\ pc = "d"
     /\ x' = 0
     /\ pc' = "a"

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b \/ c \/ d
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
