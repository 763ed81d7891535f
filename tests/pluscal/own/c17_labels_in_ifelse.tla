---- MODULE c17_labels_in_ifelse ----
EXTENDS Naturals
(* --algorithm clie {
  variables x = 0;
  process (P \in 1..2) {
    a: if (x = 0) {
         x := 1;
         t: x := 2;
       } else if (x = 1) {
         e: x := 3;
       } else {
         x := 4
       };
    z: x := 0;
  }
} *)
====
