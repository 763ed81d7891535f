---- MODULE c06_while_goto ----
EXTENDS Naturals
(* --algorithm cwg {
  variables i = 0;
  {
    top: while (i < 5) {
           i := i + 1;
           if (i = 3) goto out;
         };
    mid: i := 100;
    out: if (i = 3) { goto Done } else { goto top };
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "992ad1a1" /\ chksum(tla) = "8a73a0f8")
VARIABLES pc, i

vars == << pc, i >>

Init == (* Global variables *)
        /\ i = 0
        /\ pc = "top"

top == /\ pc = "top"
       /\ IF i < 5
             THEN /\ i' = i + 1
                  /\ IF i' = 3
                        THEN /\ pc' = "out"
                        ELSE /\ pc' = "top"
             ELSE /\ pc' = "mid"
                  /\ i' = i

mid == /\ pc = "mid"
       /\ i' = 100
       /\ pc' = "out"

out == /\ pc = "out"
       /\ IF i = 3
             THEN /\ pc' = "Done"
             ELSE /\ pc' = "top"
       /\ i' = i

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == top \/ mid \/ out
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
