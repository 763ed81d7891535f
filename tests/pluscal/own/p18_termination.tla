---- MODULE p18_termination ----
EXTENDS Naturals
(* PlusCal options (-termination) *)
(* --algorithm term
variables x = 0;
process P \in 1..2
begin
  p1: x := x + 1;
end process;
end algorithm *)
====
