---- MODULE e09_return_outside ----
(* --algorithm e9
variables x = 0;
begin
  a: x := 1;
     return;
end algorithm *)
====
