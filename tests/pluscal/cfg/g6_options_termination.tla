---- MODULE g6_options_termination ----
EXTENDS Naturals
(* PlusCal options (-termination) *)
(* --algorithm g6
variables x = 0;
process P \in 1..2
begin
  a: x := x + 1;
end process;
end algorithm *)
====
