\* pcal-args: -sf
---- MODULE p20_sf ----
EXTENDS Naturals
(* --algorithm sfopt
variables x = 0;
process P \in 1..2
begin
  p1: x := x + 1;
  p2: x := x - 1;
end process;
end algorithm *)
====
