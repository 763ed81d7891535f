---- MODULE p03_print_assert ----
EXTENDS Naturals, TLC
(* --algorithm pa
variables n = 3;
begin
  a: print n;
     assert n > 0;
  b: print <<"n is", n>>;
     assert n # 7;
     n := n - 1;
end algorithm *)
====
