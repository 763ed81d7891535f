---- MODULE c09_fair_algorithm ----
EXTENDS Naturals
(* --fair algorithm cfa {
  variables x = 0;
  { a: while (x < 2) { x := x + 1 };
    b: print x;
  }
} *)
====
