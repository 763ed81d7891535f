---- MODULE g3_existing_spec ----
EXTENDS Naturals
(* --algorithm g3
variables x = 0;
begin
  a: x := x + 1;
end algorithm *)
====
