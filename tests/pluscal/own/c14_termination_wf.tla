---- MODULE c14_termination_wf ----
EXTENDS Naturals
(* PlusCal options (-termination -sf) *)
(* --algorithm ctw {
  variables x = 0;
  procedure Inc() { i1: x := x + 1; return }
  fair process (P \in 1..2) { p1: call Inc() }
  process (Q = 3) { q1: x := 0 }
} *)
====
