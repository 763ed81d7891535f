---- MODULE e04_label_in_with ----
(* --algorithm e4
variables x = 0;
begin
  a: with v \in {1, 2} do
       b: x := v;
     end with;
end algorithm *)
====
