---- MODULE e10_double_assign ----
(* --algorithm e10
variables x = 0;
process P \in 1..2
begin
  a: x := 1;
     x := 2;
end process;
end algorithm *)
====
