---- MODULE e21_missing_label_c12_stack ----
EXTENDS Naturals
(* --algorithm cstk {
  variables depth = 0;
  procedure Rec(n)
    variable here = 0;
  {
    r1: here := n;
        if (n > 0) {
          depth := depth + 1;
          call Rec(n - 1);
          r2: return;
        } else { return };
  }
  { m: call Rec(3);
    m2: depth := depth * 10;
  }
} *)
====
