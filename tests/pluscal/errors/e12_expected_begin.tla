---- MODULE e12_expected_begin ----
(* --algorithm e12
variables x = 0;
process P = 1
  a: x := 1;
end process;
end algorithm *)
====
