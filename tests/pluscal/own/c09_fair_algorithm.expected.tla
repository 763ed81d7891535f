---- MODULE c09_fair_algorithm ----
EXTENDS Naturals
(* --fair algorithm cfa {
  variables x = 0;
  { a: while (x < 2) { x := x + 1 };
    b: print x;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "7c28162a" /\ chksum(tla) = "a826c181")
VARIABLES pc, x

vars == << pc, x >>

Init == (* Global variables *)
        /\ x = 0
        /\ pc = "a"

a == /\ pc = "a"
     /\ IF x < 2
           THEN /\ x' = x + 1
                /\ pc' = "a"
           ELSE /\ pc' = "b"
                /\ x' = x

b == /\ pc = "b"
     /\ PrintT(x)
     /\ pc' = "Done"
     /\ x' = x

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ WF_vars(Next)

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
