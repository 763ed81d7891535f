---- MODULE p37_seq_ops ----
EXTENDS Naturals, Sequences, FiniteSets
(* --algorithm seqs
variables s = <<1, 2>>, t = <<>>, st = {};
begin
  a: t := s \o <<3>>;
     st := {x \in 1..5 : x % 2 = 0};
  b: with e \in st do
       t := Append(t, e);
     end with;
  c: s := SubSeq(t, 1, 2);
     st := {Len(t), Cardinality(st)} \union {[k \in 1..2 |-> k]} ;
end algorithm *)
====
