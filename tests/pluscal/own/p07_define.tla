---- MODULE p07_define ----
EXTENDS Naturals
(* --algorithm defs
variables x = 0, y = 0;
define
  Sum == x + y
  Bounded == Sum <= 10
  Double(v) == 2 * v
end define;
process P \in {1, 2}
begin
  p1: await Bounded;
      x := Double(x) + 1;
  p2: when Sum < 20;
      y := y + 1;
end process;
end algorithm *)
====
