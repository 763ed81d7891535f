---- MODULE p26_while_true_labels ----
EXTENDS Naturals
(* --algorithm wtl
variables x = 0;
process P \in 1..2
begin
  loop: while TRUE do
          x := x + 1;
          inner: x := x - 1;
        end while;
end process;
process Q = 3
begin
  q: x := 0;
end process;
end algorithm *)
====
