---- MODULE c04_macro ----
EXTENDS Naturals
(* --algorithm cmacro {
  variables sem = 1, inCs = 0;
  macro P(s) { await s > 0; s := s - 1 }
  macro V(s) { s := s + 1 }
  process (Proc \in 1..2) {
    l1: P(sem);
    cs: inCs := inCs + 1;
    l2: inCs := inCs - 1;
        V(sem);
  }
} *)
====
