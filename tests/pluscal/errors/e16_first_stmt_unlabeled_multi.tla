---- MODULE e16_first_stmt_unlabeled_multi ----
(* --algorithm e16
variables x = 0;
process P = 1
begin
  x := 1;
end process;
end algorithm *)
====
