---- MODULE c08_define ----
EXTENDS Naturals
(* --algorithm cdef {
  variables a = 0, b = 0;
  define {
    Total == a + b
    Ok == Total < 4
  }
  process (P \in 1..2) {
    p1: await Ok;
        a := a + 1;
    p2: when Total > 0;
        b := b + 1;
  }
} *)
====
