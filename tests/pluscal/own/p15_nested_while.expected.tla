---- MODULE p15_nested_while ----
EXTENDS Naturals
(* --algorithm nested
variables i = 0, j = 0, s = 0;
begin
  outer: while i < 2 do
           j := 0;
           inner: while j < 2 do
                    s := s + i * j;
                    j := j + 1;
                  end while;
           incr: i := i + 1;
         end while;
  after: s := s + 100;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "7bc45d89" /\ chksum(tla) = "dac6effa")
VARIABLES pc, i, j, s

vars == << pc, i, j, s >>

Init == (* Global variables *)
        /\ i = 0
        /\ j = 0
        /\ s = 0
        /\ pc = "outer"

outer == /\ pc = "outer"
         /\ IF i < 2
               THEN /\ j' = 0
                    /\ pc' = "inner"
               ELSE /\ pc' = "after"
                    /\ j' = j
         /\ UNCHANGED << i, s >>

inner == /\ pc = "inner"
         /\ IF j < 2
               THEN /\ s' = s + i * j
                    /\ j' = j + 1
                    /\ pc' = "inner"
               ELSE /\ pc' = "incr"
                    /\ UNCHANGED << j, s >>
         /\ i' = i

incr == /\ pc = "incr"
        /\ i' = i + 1
        /\ pc' = "outer"
        /\ UNCHANGED << j, s >>

after == /\ pc = "after"
         /\ s' = s + 100
         /\ pc' = "Done"
         /\ UNCHANGED << i, j >>

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == outer \/ inner \/ incr \/ after
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
