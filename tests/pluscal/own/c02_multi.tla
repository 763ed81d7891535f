---- MODULE c02_multi ----
EXTENDS Naturals
(* --algorithm cmulti {
  variables count = 0;
  process (Writer = 0)
    variable v = 1;
  {
    w1: count := count + v;
    w2: v := count;
  }
  process (Reader \in 1..2)
    variables r = 0, q;
  {
    r1: r := count;
    r2: q := r + self;
  }
} *)
====
