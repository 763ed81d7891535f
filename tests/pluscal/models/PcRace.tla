---- MODULE PcRace ----
EXTENDS Naturals
(* Two increments that race: either and with, and an invariant TLC finds violated. *)
(* --algorithm PcRace
variables counter = 0, log = <<>>;
process Inc \in {"p", "q"}
variable tmp = 0;
begin
  read:  tmp := counter;
  write: either counter := tmp + 1;
         or     with d \in {1, 2} do counter := tmp + d end with;
         end either;
end process;
end algorithm *)
NoLostUpdate == (\A i \in {"p", "q"} : pc[i] = "Done") => counter >= 2
====
