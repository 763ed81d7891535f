---- MODULE c01_uni ----
EXTENDS Naturals
(* --algorithm cuni {
  variables x = 0, y = 0;
  {
    a: x := x + 1;
       y := 2;
    b: if (x > 0) { x := x - 1 } else { y := y + 1 };
    c: while (x < 3) { x := x + 1 };
    d: skip;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "5dfd1abe" /\ chksum(tla) = "f24ce6b3")
VARIABLES pc, x, y

vars == << pc, x, y >>

Init == (* Global variables *)
        /\ x = 0
        /\ y = 0
        /\ pc = "a"

a == /\ pc = "a"
     /\ x' = x + 1
     /\ y' = 2
     /\ pc' = "b"

b == /\ pc = "b"
     /\ IF x > 0
           THEN /\ x' = x - 1
                /\ y' = y
           ELSE /\ y' = y + 1
                /\ x' = x
     /\ pc' = "c"

c == /\ pc = "c"
     /\ IF x < 3
           THEN /\ x' = x + 1
                /\ pc' = "c"
           ELSE /\ pc' = "d"
                /\ x' = x
     /\ y' = y

d == /\ pc = "d"
     /\ TRUE
     /\ pc' = "Done"
     /\ UNCHANGED << x, y >>

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b \/ c \/ d
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
