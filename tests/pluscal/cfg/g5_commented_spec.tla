---- MODULE g5_commented_spec ----
EXTENDS Naturals
(* --algorithm g5
variables x = 0;
begin
  a: x := x + 1;
end algorithm *)
====
