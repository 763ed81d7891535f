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
\* BEGIN TRANSLATION (chksum(pcal) = "cbb57b10" /\ chksum(tla) = "af37efce")
VARIABLES pc, s, t, st

vars == << pc, s, t, st >>

Init == (* Global variables *)
        /\ s = <<1, 2>>
        /\ t = <<>>
        /\ st = {}
        /\ pc = "a"

a == /\ pc = "a"
     /\ t' = s \o <<3>>
     /\ st' = {x \in 1..5 : x % 2 = 0}
     /\ pc' = "b"
     /\ s' = s

b == /\ pc = "b"
     /\ \E e \in st:
          t' = Append(t, e)
     /\ pc' = "c"
     /\ UNCHANGED << s, st >>

c == /\ pc = "c"
     /\ s' = SubSeq(t, 1, 2)
     /\ st' = ({Len(t), Cardinality(st)} \union {[k \in 1..2 |-> k]})
     /\ pc' = "Done"
     /\ t' = t

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b \/ c
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
