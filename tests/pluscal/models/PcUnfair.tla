---- MODULE PcUnfair ----
EXTENDS Naturals
(* An unfair process need not terminate: TLC finds Termination violated. *)
(* --algorithm PcUnfair
variables x = 0;
process Worker \in 1..2
begin
  w1: x := x + 1;
  w2: x := x + 1;
end process;
end algorithm *)
====
