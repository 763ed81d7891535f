---- MODULE e18_goto_undefined ----
(* --algorithm e18
variables x = 0;
begin
  a: x := 1;
     goto nowhere;
end algorithm *)
====
