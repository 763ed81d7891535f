---- MODULE PcFactorial ----
EXTENDS Naturals, Sequences, TLC
(* PlusCal options (-termination) *)
(* --algorithm PcFactorial
variables result = 1, n \in 1..4;
procedure Fact(k)
begin
  f1: if k > 1 then
        result := result * k;
        call Fact(k - 1);
      end if;
  f2: return;
end procedure;
begin
  main: call Fact(n);
  done: assert result > 0;
end algorithm *)
Facts == [i \in 1..4 |-> IF i = 1 THEN 1 ELSE IF i = 2 THEN 2 ELSE IF i = 3 THEN 6 ELSE 24]
Correct == pc = "Done" => result = Facts[n]
====
