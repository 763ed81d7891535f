---- MODULE e25_missing_label_p17_multiassign ----
EXTENDS Naturals
(* --algorithm assigns
variables x = 0, y = 0, arr = [i \in 1..3 |-> 0], rec = [a |-> 1, b |-> [c |-> 2]];
begin
  a1: x := 1 || y := 2;
  a2: arr[1] := 5 || arr[2] := 6;
  a3: rec.a := 3;
      rec.b.c := 4 || x := x + 1;
  a4: arr[x] := arr[x] + 1;
      y := arr[1];
end algorithm *)
====
