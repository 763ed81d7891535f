---- MODULE e17_while_needs_label ----
(* --algorithm e17 {
variables x = 0;
process (P \in 1..2) {
  a: x := 1;
     while (x < 3) { x := x + 1 }
}
} *)
====
