---- MODULE c07_fair_processes ----
EXTENDS Naturals
(* --algorithm cfair {
  variables x = 0;
  fair process (A = "a") {
    a1: x := x + 1;
    a2:- x := 0;
  }
  fair+ process (B \in {"b1", "b2"}) {
    b1: await x > 0;
    b2:+ x := x - 1;
  }
  process (C = "c") { c1: skip }
} *)
====
