---- MODULE e15_duplicate_process ----
(* --algorithm e15
variables x = 0;
process P = 1
begin
  a: x := 1;
end process;
process P = 2
begin
  b: x := 2;
end process;
end algorithm *)
====
