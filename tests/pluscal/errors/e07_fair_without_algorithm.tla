---- MODULE e07_fair_without_algorithm ----
(* --fair process e7
variables x = 0;
begin
  a: x := 1;
end algorithm *)
====
