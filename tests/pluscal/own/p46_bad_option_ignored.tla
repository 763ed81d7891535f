---- MODULE p46_bad_option_ignored ----
(* PlusCal options (-frobnicate) *)
(* --algorithm e11
variables x = 0;
begin
  a: x := 1;
end algorithm *)
====
