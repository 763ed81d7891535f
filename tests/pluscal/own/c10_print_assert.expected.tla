---- MODULE c10_print_assert ----
EXTENDS Naturals, TLC
(* --algorithm cpa {
  variables x = 3;
  {
    a: assert x = 3;
       print x;
    b: x := x - 1;
       assert x >= 0;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "26578e6b" /\ chksum(tla) = "c6df5235")
VARIABLES pc, x

vars == << pc, x >>

Init == (* Global variables *)
        /\ x = 3
        /\ pc = "a"

a == /\ pc = "a"
     /\ Assert(x = 3, "Failure of assertion at line 6, column 8.")
     /\ PrintT(x)
     /\ pc' = "b"
     /\ x' = x

b == /\ pc = "b"
     /\ x' = x - 1
     /\ Assert(x' >= 0, "Failure of assertion at line 9, column 8.")
     /\ pc' = "Done"

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
