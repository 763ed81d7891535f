\* pcal-args: -label -labelRoot L
---- MODULE p48_label_cmdline ----
EXTENDS Naturals

(* --algorithm lroot
variables x = 0;
procedure Pr() begin
  r1: x := x + 1;
      return;
end procedure;
process P \in 1..2
begin
  p1: call Pr();
      x := x + 1;
      while x < 5 do
        x := x + 1;
      end while;
      x := 0;
end process;
end algorithm *)
====
