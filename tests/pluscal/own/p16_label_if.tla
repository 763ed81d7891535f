---- MODULE p16_label_if ----
EXTENDS Naturals
(* --algorithm labif
variables x = 0, y = 0;
begin
  a: if x = 0 then
       x := 1;
       t1: y := 1;
       t2: y := 2;
     elsif x = 1 then
       e1: y := 3;
     else
       x := 5;
     end if;
  b: if y > 0 then
       skip;
     else
       el: x := 7;
     end if;
  c: y := 0;
end algorithm *)
====
