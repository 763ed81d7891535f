---- MODULE p19_wf ----
EXTENDS Naturals
(* PlusCal options (wf) *)
(* --algorithm wfopt
variables x = 0;
procedure Pr() begin
  r1: x := x + 1;
      return;
end procedure;
process P \in 1..2
begin
  p1: call Pr();
end process;
process Q = 3
begin
  q1: x := 0;
end process;
end algorithm *)
====
