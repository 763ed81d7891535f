---- MODULE g4_delimiter ----
EXTENDS Naturals
(* --algorithm g4
variables x = 0;
begin
  a: x := x + 1;
end algorithm *)
====
