---- MODULE SeqScan ----
EXTENDS Naturals, Sequences
CONSTANT Value
VARIABLES seq, i
Init == seq \in Seq(Value) /\ i = 1
Next == i <= Len(seq) /\ i' = i + 1 /\ UNCHANGED seq
TypeOK == seq \in Seq(Value) /\ i \in 1..Len(seq) + 1
====
