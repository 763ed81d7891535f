---- MODULE e19_no_end_translation ----
(* --algorithm e19
variables x = 0;
begin
  a: x := 1;
end algorithm *)
\* BEGIN TRANSLATION
====
