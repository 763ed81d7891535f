---- MODULE e26_missing_label_p27_default_init ----
EXTENDS Naturals
(* --algorithm definit
variables x, y = 0;
procedure Pr(p)
variable loc;
begin
  r1: loc := p;
      x := loc;
      return;
end procedure;
begin
  a: call Pr(3);
  b: y := x;
end algorithm *)
====
