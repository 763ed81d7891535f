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
====
