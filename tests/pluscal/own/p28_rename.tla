---- MODULE p28_rename ----
EXTENDS Naturals
(* --algorithm ren
variables x = 0;
procedure A(v) variable t = 1; begin
  lab: x := v + t;
       return;
end procedure;
procedure B(v) variable t = 2; begin
  lab: x := v * t;
       return;
end procedure;
process P = 1
variable t = 3;
begin
  lab: call A(t);
  p2: call B(t);
end process;
process Q = 2
variable t = 4;
begin
  q1: t := t + 1;
end process;
end algorithm *)
====
