---- MODULE e06_call_undefined ----
(* --algorithm e6
variables x = 0;
begin
  a: call Nope(1);
  b: x := 1;
end algorithm *)
====
