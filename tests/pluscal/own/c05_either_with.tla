---- MODULE c05_either_with ----
EXTENDS Naturals
(* --algorithm cew {
  variables x = 0, s = {1, 2};
  {
    a: either { x := 1 } or { x := 2 } or { with (v \in s) { x := v } };
    b: with (p = x + 1; q \in {p, p + 1}) { x := q };
    c: either { x := 0; d: x := 1 } or { skip };
  }
} *)
====
