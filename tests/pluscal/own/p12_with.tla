---- MODULE p12_with ----
EXTENDS Naturals
(* --algorithm withs
variables x = 0, s = {1, 2, 3};
begin
  w1: with v \in s do
        x := v;
      end with;
  w2: with a = 2, b \in {4, 5} do
        x := x + a + b;
        s := s \ {a};
      end with;
  w3: with c \in s; d = c * 2 do
        x := d;
      end with;
end algorithm *)
====
