---- MODULE p22_nof_termination ----
EXTENDS Naturals
(* PlusCal options (-termination -nof) *)
(* --algorithm nof
variables x = 0;
begin
  a: x := 1;
end algorithm *)
====
