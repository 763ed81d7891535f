---- MODULE c16_multiassign_records ----
EXTENDS Naturals
(* --algorithm cmr {
  variables f = [i \in 1..2 |-> [a |-> 0, b |-> 0]], g = 0;
  process (P \in 1..2) {
    s1: f[self].a := 1 || g := g + 1;
    s2: f[self] := [f[self] EXCEPT !.b = 2];
  }
} *)
====
