---- MODULE p05_fair_kinds ----
EXTENDS Naturals
(* --algorithm fairkinds
variables x = 0;
fair process A = 1
begin
  a1: x := x + 1;
  a2:- x := x + 2;
end process;
fair+ process B = 2
begin
  b1: x := x * 2;
  b2:+ x := x - 1;
end process;
process C = 3
begin
  c1:+ x := 0;
end process;
end algorithm *)
====
