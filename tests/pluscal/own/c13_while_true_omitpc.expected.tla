---- MODULE c13_while_true_omitpc ----
EXTENDS Naturals
(* --algorithm cwt {
  variables x = 0;
  process (P \in 1..2) {
    l: while (TRUE) {
         await x < 3;
         x := x + 1;
       }
  }
  process (R = 3) {
    r: while (TRUE) { x := 0 }
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "3e40a00d" /\ chksum(tla) = "ddafe4f4")
VARIABLE x

vars == << x >>

ProcSet == (1..2) \cup {3}

Init == (* Global variables *)
        /\ x = 0

P(self) == /\ x < 3
           /\ x' = x + 1

R == x' = 0

Next == R
           \/ (\E self \in 1..2: P(self))

Spec == Init /\ [][Next]_vars

\* END TRANSLATION 
====
