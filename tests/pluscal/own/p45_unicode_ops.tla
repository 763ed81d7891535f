---- MODULE p45_unicode_ops ----
EXTENDS Naturals
(* --algorithm uni
variables x = 0, s = {1, 2};
begin
  a: with v \in s do
       x := IF v > 1 THEN v ELSE 0;
     end with;
  b: x := CASE x = 0 -> 1 [] OTHER -> 2;
  c: s := {LET y == x + 1 IN y};
end algorithm *)
====
