---- MODULE c06_while_goto ----
EXTENDS Naturals
(* --algorithm cwg {
  variables i = 0;
  {
    top: while (i < 5) {
           i := i + 1;
           if (i = 3) goto out;
         };
    mid: i := 100;
    out: if (i = 3) { goto Done } else { goto top };
  }
} *)
====
