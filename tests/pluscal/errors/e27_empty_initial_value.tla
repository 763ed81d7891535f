---- MODULE e27_empty_initial_value ----
(* --algorithm e27
variables x = ;
begin
  a: skip;
end algorithm *)
====
