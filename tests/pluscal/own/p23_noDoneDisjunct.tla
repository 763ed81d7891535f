---- MODULE p23_noDoneDisjunct ----
EXTENDS Naturals
(* PlusCal options (-noDoneDisjunct) *)
(* --algorithm ndd
variables x = 0;
process P \in 1..2
begin
  p1: x := x + 1;
end process;
end algorithm *)
====
