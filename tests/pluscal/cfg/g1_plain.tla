---- MODULE g1_plain ----
EXTENDS Naturals
(* --algorithm g1
variables x = 0;
begin
  a: x := x + 1;
end algorithm *)
====
