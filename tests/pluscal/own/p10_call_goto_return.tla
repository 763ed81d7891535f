---- MODULE p10_call_goto_return ----
EXTENDS Naturals
(* --algorithm callgoto
variables x = 0;
procedure Inc(d) begin
  i1: x := x + d;
      return;
end procedure;
procedure Outer() begin
  o1: call Inc(2);
      return;
end procedure;
process P \in {1, 2}
begin
  p1: call Inc(1);
      goto p3;
  p2: x := 100;
  p3: call Outer();
  p4: skip;
end process;
end algorithm *)
====
