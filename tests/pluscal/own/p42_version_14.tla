---- MODULE p42_version_14 ----
EXTENDS Naturals
(* PlusCal options (-version 1.4) *)
(* --algorithm v14
variables x = 0;
process P \in 1..2
begin
  l: while TRUE do
       x := x + 1;
     end while;
end process;
end algorithm *)
====
