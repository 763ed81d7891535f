---- MODULE p17_multiassign ----
EXTENDS Naturals
(* --algorithm assigns
variables x = 0, y = 0, arr = [i \in 1..3 |-> 0], rec = [a |-> 1, b |-> [c |-> 2]];
begin
  a1: x := 1 || y := 2;
  a2: arr[1] := 5 || arr[2] := 6;
  a3: rec.a := 3;
  a5: rec.b.c := 4 || x := x + 1;
  a4: arr[x] := arr[x] + 1;
      y := arr[1];
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "341d668a" /\ chksum(tla) = "5af60c7d")
VARIABLES pc, x, y, arr, rec

vars == << pc, x, y, arr, rec >>

Init == (* Global variables *)
        /\ x = 0
        /\ y = 0
        /\ arr = [i \in 1..3 |-> 0]
        /\ rec = [a |-> 1, b |-> [c |-> 2]]
        /\ pc = "a1"

a1 == /\ pc = "a1"
      /\ /\ x' = 1
         /\ y' = 2
      /\ pc' = "a2"
      /\ UNCHANGED << arr, rec >>

a2 == /\ pc = "a2"
      /\ arr' = [arr EXCEPT ![1] = 5,
                            ![2] = 6]
      /\ pc' = "a3"
      /\ UNCHANGED << x, y, rec >>

a3 == /\ pc = "a3"
      /\ rec' = [rec EXCEPT !.a = 3]
      /\ pc' = "a5"
      /\ UNCHANGED << x, y, arr >>

a5 == /\ pc = "a5"
      /\ /\ rec' = [rec EXCEPT !.b.c = 4]
         /\ x' = x + 1
      /\ pc' = "a4"
      /\ UNCHANGED << y, arr >>

a4 == /\ pc = "a4"
      /\ arr' = [arr EXCEPT ![x] = arr[x] + 1]
      /\ y' = arr'[1]
      /\ pc' = "Done"
      /\ UNCHANGED << x, rec >>

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a1 \/ a2 \/ a3 \/ a5 \/ a4
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
