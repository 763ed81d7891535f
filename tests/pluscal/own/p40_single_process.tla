---- MODULE p40_single_process ----
EXTENDS Naturals
(* --algorithm single
variables x = 0;
process Only = "only"
variable y = 0;
begin
  o1: y := y + 1;
  o2: x := y;
end process;
end algorithm *)
====
