---- MODULE p41_process_set_expr ----
EXTENDS Naturals
CONSTANTS N, M
(* --algorithm pse
variables x = [i \in 1..N+M |-> 0];
process Low \in 1..N
begin
  l1: x[self] := 1;
end process;
process High \in (N+1)..(N+M)
variable z \in {1, 2};
begin
  h1: x[self] := z;
end process;
end algorithm *)
====
