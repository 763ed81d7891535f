---- MODULE p25_omit_pc ----
EXTENDS Naturals
(* --algorithm omitpc
variables x = 0;
fair process P \in 1..2
begin
  loop: while TRUE do
          x := (x + 1) % 5;
        end while;
end process;
end algorithm *)
====
