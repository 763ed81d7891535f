---- MODULE p04_multi ----
EXTENDS Naturals
CONSTANT N
(* --algorithm multi
variables count = 0, flags = [i \in 1..N |-> FALSE];
process Main = 0
variable seen = 0;
begin
  m1: seen := count;
  m2: count := seen + 1;
end process;
process Worker \in 1..N
variables mine = self, tmp;
begin
  w1: flags[self] := TRUE;
  w2: tmp := mine + count;
      count := tmp;
end process;
end algorithm *)
====
