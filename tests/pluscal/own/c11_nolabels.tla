---- MODULE c11_nolabels ----
EXTENDS Naturals
(* --algorithm cnl {
  variables x = 0, y = 0;
  {
    x := 1;
    y := x + 1;
    while (x < 3) { x := x + 1; y := y + x };
    if (y > 5) { y := 0 };
    y := 1;
  }
} *)
====
