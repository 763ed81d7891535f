\* pcal-args: -reportLabels
---- MODULE p47_report_labels ----
EXTENDS Naturals
(* --algorithm nolabels
variables i = 0, total = 0;
begin
  while i < 3 do
    total := total + i;
    i := i + 1;
  end while;
  if total > 2 then total := 0 end if;
  total := total + 1;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "4904d9fe" /\ chksum(tla) = "8677ef8c")
VARIABLES pc, i, total

vars == << pc, i, total >>

Init == (* Global variables *)
        /\ i = 0
        /\ total = 0
        /\ pc = "Lbl_1"

Lbl_1 == /\ pc = "Lbl_1"
         /\ IF i < 3
               THEN /\ total' = total + i
                    /\ i' = i + 1
                    /\ pc' = "Lbl_1"
               ELSE /\ IF total > 2
                          THEN /\ total' = 0
                          ELSE /\ TRUE
                               /\ total' = total
                    /\ pc' = "Lbl_2"
                    /\ i' = i

Lbl_2 == /\ pc = "Lbl_2"
         /\ total' = total + 1
         /\ pc' = "Done"
         /\ i' = i

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == Lbl_1 \/ Lbl_2
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
