---- MODULE c05_either_with ----
EXTENDS Naturals
(* --algorithm cew {
  variables x = 0, s = {1, 2};
  {
    a: either { x := 1 } or { x := 2 } or { with (v \in s) { x := v } };
    b: with (p = x + 1; q \in {p, p + 1}) { x := q };
    c: either { x := 0; d: x := 1 } or { skip };
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "fc4297ec" /\ chksum(tla) = "23ee659a")
VARIABLES pc, x, s

vars == << pc, x, s >>

Init == (* Global variables *)
        /\ x = 0
        /\ s = {1, 2}
        /\ pc = "a"

a == /\ pc = "a"
     /\ \/ /\ x' = 1
        \/ /\ x' = 2
        \/ /\ \E v \in s:
                x' = v
     /\ pc' = "b"
     /\ s' = s

b == /\ pc = "b"
     /\ LET p == x + 1 IN
          \E q \in {p, p + 1}:
            x' = q
     /\ pc' = "c"
     /\ s' = s

c == /\ pc = "c"
     /\ \/ /\ x' = 0
           /\ pc' = "d"
        \/ /\ TRUE
           /\ pc' = "Done"
           /\ x' = x
     /\ s' = s

d == /\ pc = "d"
     /\ x' = 1
     /\ pc' = "Done"
     /\ s' = s

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b \/ c \/ d
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
