---- MODULE p14_goto ----
EXTENDS Naturals
(* --algorithm gotos
variables x = 0;
begin
  a: x := x + 1;
     if x < 3 then goto a else goto c end if;
  b: x := 99;
  c: if x = 3 then
       goto Done;
     end if;
  d: x := 0;
     goto a;
end algorithm *)
====
