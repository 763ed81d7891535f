---- MODULE p06_fair_algorithm ----
EXTENDS Naturals
(* --fair algorithm fairuni
variables x = 0;
begin
  a: while x < 5 do
       x := x + 1;
     end while;
  b: x := 0;
end algorithm *)
====
