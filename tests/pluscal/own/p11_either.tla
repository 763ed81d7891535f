---- MODULE p11_either ----
EXTENDS Naturals
(* --algorithm eith
variables x = 0, y = 0;
process P \in 1..2
begin
  e1: either x := 1;
      or     y := 1;
      or     x := 2; y := 2;
      end either;
  e2: either
        x := x + 1;
        e3: y := y + 1;
      or
        skip;
      end either;
  e4: x := 0;
end process;
end algorithm *)
====
