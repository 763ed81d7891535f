---- MODULE c03_procedure ----
EXTENDS Naturals
(* --algorithm cproc {
  variables res = 0;
  procedure Max(a, b)
    variable m = 0;
  {
    p1: if (a > b) m := a else m := b;
    p2: res := m;
        return;
  }
  procedure Noop() { n1: return; }
  process (P \in 1..2) {
    q1: call Max(self, 1);
    q2: call Noop();
    q3: res := res + 1;
  }
} *)
====
