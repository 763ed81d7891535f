---- MODULE p43_options_after_module ----
EXTENDS Naturals
(* --algorithm oam
variables x = 0;
begin
  a: x := 1;
end algorithm *)
====
PlusCal options (-wf)
