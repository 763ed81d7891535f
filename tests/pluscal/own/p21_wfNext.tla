---- MODULE p21_wfNext ----
EXTENDS Naturals
(* PlusCal options (-wfNext) *)
(* --algorithm wfn
variables x = 0;
process P \in 1..2
begin
  p1: x := x + 1;
end process;
end algorithm *)
====
