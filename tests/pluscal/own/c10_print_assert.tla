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
====
