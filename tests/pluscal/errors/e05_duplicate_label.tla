---- MODULE e05_duplicate_label ----
(* --algorithm e5
variables x = 0;
begin
  a: x := 1;
  a: x := 2;
end algorithm *)
====
