---- MODULE p45_unicode_ops ----
EXTENDS Naturals
(* --algorithm uni
variables x = 0, s = {1, 2};
begin
  a: with v \in s do
       x := IF v > 1 THEN v ELSE 0;
     end with;
  b: x := CASE x = 0 -> 1 [] OTHER -> 2;
  c: s := {LET y == x + 1 IN y};
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "ccfd174d" /\ chksum(tla) = "e0240355")
VARIABLES pc, x, s

vars == << pc, x, s >>

Init == (* Global variables *)
        /\ x = 0
        /\ s = {1, 2}
        /\ pc = "a"

a == /\ pc = "a"
     /\ \E v \in s:
          x' = (IF v > 1 THEN v ELSE 0)
     /\ pc' = "b"
     /\ s' = s

b == /\ pc = "b"
     /\ x' = (CASE x = 0 -> 1 [] OTHER -> 2)
     /\ pc' = "c"
     /\ s' = s

c == /\ pc = "c"
     /\ s' = {LET y == x + 1 IN y}
     /\ pc' = "Done"
     /\ x' = x

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b \/ c
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
