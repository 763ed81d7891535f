---- MODULE c11_nolabels ----
EXTENDS Naturals
(* --algorithm cnl {
  variables x = 0, y = 0;
  {
    x := 1;
    y := x + 1;
    while (x < 3) { x := x + 1; y := y + x };
    if (y > 5) { y := 0 };
    y := 1;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "6fdd5eaf" /\ chksum(tla) = "49a9cef7")
VARIABLES pc, x, y

vars == << pc, x, y >>

Init == (* Global variables *)
        /\ x = 0
        /\ y = 0
        /\ pc = "Lbl_1"

Lbl_1 == /\ pc = "Lbl_1"
         /\ x' = 1
         /\ y' = x' + 1
         /\ pc' = "Lbl_2"

Lbl_2 == /\ pc = "Lbl_2"
         /\ IF x < 3
               THEN /\ x' = x + 1
                    /\ y' = y + x'
                    /\ pc' = "Lbl_2"
               ELSE /\ IF y > 5
                          THEN /\ y' = 0
                          ELSE /\ TRUE
                               /\ y' = y
                    /\ pc' = "Lbl_3"
                    /\ x' = x

Lbl_3 == /\ pc = "Lbl_3"
         /\ y' = 1
         /\ pc' = "Done"
         /\ x' = x

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == Lbl_1 \/ Lbl_2 \/ Lbl_3
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
