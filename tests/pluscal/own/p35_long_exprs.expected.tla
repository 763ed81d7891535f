---- MODULE p35_long_exprs ----
EXTENDS Naturals, Sequences
(* --algorithm longx
variables aVeryLongVariableNameNumberOne = [i \in 1..10 |-> [j \in 1..10 |-> i * j]],
          anotherRatherLongVariableName = <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13>>,
          third = 0;
begin
  step: third := aVeryLongVariableNameNumberOne[1][2] + aVeryLongVariableNameNumberOne[3][4] + Len(anotherRatherLongVariableName);
        anotherRatherLongVariableName := Append(anotherRatherLongVariableName, aVeryLongVariableNameNumberOne[5][6]);
  cond: if /\ third > 10
           /\ Len(anotherRatherLongVariableName) > 3
           /\ \A k \in 1..3 : anotherRatherLongVariableName[k] > 0 then
          third := 0;
        end if;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "9f50253e" /\ chksum(tla) = "8d35199e")
VARIABLES pc, aVeryLongVariableNameNumberOne, anotherRatherLongVariableName, 
          third

vars == << pc, aVeryLongVariableNameNumberOne, anotherRatherLongVariableName, 
           third >>

Init == (* Global variables *)
        /\ aVeryLongVariableNameNumberOne = [i \in 1..10 |-> [j \in 1..10 |-> i * j]]
        /\ anotherRatherLongVariableName = <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13>>
        /\ third = 0
        /\ pc = "step"

step == /\ pc = "step"
        /\ third' = aVeryLongVariableNameNumberOne[1][2] + aVeryLongVariableNameNumberOne[3][4] + Len(anotherRatherLongVariableName)
        /\ anotherRatherLongVariableName' = Append(anotherRatherLongVariableName, aVeryLongVariableNameNumberOne[5][6])
        /\ pc' = "cond"
        /\ UNCHANGED aVeryLongVariableNameNumberOne

cond == /\ pc = "cond"
        /\ IF /\ third > 10
              /\ Len(anotherRatherLongVariableName) > 3
              /\ \A k \in 1..3 : anotherRatherLongVariableName[k] > 0
              THEN /\ third' = 0
              ELSE /\ TRUE
                   /\ third' = third
        /\ pc' = "Done"
        /\ UNCHANGED << aVeryLongVariableNameNumberOne, 
                        anotherRatherLongVariableName >>

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == step \/ cond
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
