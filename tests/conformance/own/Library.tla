---- MODULE Library ----
(* Community Modules with no library path: SequencesExt, Functions, FiniteSetsExt, Folds, Bags. *)
EXTENDS Naturals, Sequences, SequencesExt, Functions, FiniteSetsExt, Bags, TLC
VARIABLE q, b
Init == q = <<>> /\ b = EmptyBag
Next == \/ Len(q) < 3 /\ \E v \in 1..3 : q' = Append(q, v) /\ b' = b (+) SetToBag({v})
        \/ q # <<>> /\ q' = Tail(q) /\ b' = b (-) SetToBag({Head(q)})
Inv == /\ ToSet(q) = Range(q) /\ ToSet(q) \subseteq BagToSet(b) \cup {}
       /\ BagCardinality(b) >= Len(q) /\ SumSet(ToSet(q)) <= 6
       /\ FoldSeq(LAMBDA x, acc : x + acc, 0, q) <= 9
       /\ Reverse(Reverse(q)) = q /\ IsInjective(q) => Cardinality(ToSet(q)) = Len(q)
====
