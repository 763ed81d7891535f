---- MODULE c01_uni ----
EXTENDS Naturals
(* --algorithm cuni {
  variables x = 0, y = 0;
  {
    a: x := x + 1;
       y := 2;
    b: if (x > 0) { x := x - 1 } else { y := y + 1 };
    c: while (x < 3) { x := x + 1 };
    d: skip;
  }
} *)
====
