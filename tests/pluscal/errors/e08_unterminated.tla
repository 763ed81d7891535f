---- MODULE e08_unterminated ----
(* --algorithm e8
variables x = 0;
begin
  a: x := 1;
end algorithm
====
