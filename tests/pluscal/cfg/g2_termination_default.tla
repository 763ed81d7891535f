\* pcal-args: -termination
---- MODULE g2_termination_default ----
EXTENDS Naturals
(* --algorithm g2
variables x, y = 0;
begin
  a: y := 1;
end algorithm *)
====
