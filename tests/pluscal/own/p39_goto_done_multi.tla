---- MODULE p39_goto_done_multi ----
EXTENDS Naturals
(* --algorithm gdm
variables x = 0;
process P \in 1..2
begin
  a: x := x + 1;
     if x > 2 then goto Done end if;
  b: goto a;
end process;
end algorithm *)
====
