---- MODULE p32_with_either_nested ----
EXTENDS Naturals
(* --algorithm wen
variables x = 0, msgs = {1, 2};
process P \in {"a", "b"}
begin
  n1: with m \in msgs do
        either x := m;
        or     x := m + 10;
        end either;
        msgs := msgs \ {m};
      end with;
  n2: if x > 5 then
        with k = x - 5 do x := k end with;
      else
        either x := 0 or skip end either;
      end if;
end process;
end algorithm *)
====
