---- MODULE p03_print_assert ----
EXTENDS Naturals, TLC
(* --algorithm pa
variables n = 3;
begin
  a: print n;
     assert n > 0;
  b: print <<"n is", n>>;
     assert n # 7;
     n := n - 1;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "b377ce21" /\ chksum(tla) = "922aee6a")
VARIABLES pc, n

vars == << pc, n >>

Init == (* Global variables *)
        /\ n = 3
        /\ pc = "a"

a == /\ pc = "a"
     /\ PrintT(n)
     /\ Assert(n > 0, "Failure of assertion at line 7, column 6.")
     /\ pc' = "b"
     /\ n' = n

b == /\ pc = "b"
     /\ PrintT(<<"n is", n>>)
     /\ Assert(n # 7, "Failure of assertion at line 9, column 6.")
     /\ n' = n - 1
     /\ pc' = "Done"

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
