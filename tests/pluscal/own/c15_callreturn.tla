---- MODULE c15_callreturn ----
EXTENDS Naturals
(* --algorithm ccr {
  variables x = 0;
  procedure Inner(v) { in1: x := x + v; return }
  procedure Outer(v) { out1: call Inner(v); return }
  procedure Jumper() { j1: call Inner(1); goto j2; j0: skip; j2: return }
  { a: call Outer(2);
    b: call Jumper();
  }
} *)
====
