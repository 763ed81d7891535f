---- MODULE p33_stack_multi ----
EXTENDS Naturals
(* --algorithm stk
variables total = 0;
procedure Sum(k = 0)
variables i = 0, acc = 0;
begin
  s1: while i < k do
        acc := acc + i;
        i := i + 1;
      end while;
  s2: total := total + acc;
      return;
end procedure;
procedure Twice(k) begin
  t1: call Sum(k);
  t2: call Sum(k);
      return;
end procedure;
process P \in 1..2
variable r = 0;
begin
  p1: call Twice(self);
  p2: r := total;
end process;
end algorithm *)
====
