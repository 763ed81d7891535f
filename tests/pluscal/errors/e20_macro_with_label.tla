---- MODULE e20_macro_with_label ----
(* --algorithm e20
variables x = 0;
macro M() begin
  l: x := 1;
end macro;
begin
  a: M();
end algorithm *)
====
