---- MODULE e03_missing_semicolon ----
(* --algorithm e3
variables x = 0;
begin
  a: x := 1
  if x > 0 then x := 2 end if;
end algorithm *)
====
