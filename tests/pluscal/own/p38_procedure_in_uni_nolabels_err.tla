---- MODULE p38_procedure_in_uni_nolabels_err ----
EXTENDS Naturals
(* --algorithm unilab
variables x = 0;
procedure P() begin
  x := x + 1;
  return;
end procedure;
begin
  call P();
  x := x * 2;
end algorithm *)
====
