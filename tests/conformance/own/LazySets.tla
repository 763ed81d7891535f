---- MODULE LazySets ----
(* Membership in UNIONs of function sets (finite and infinite parts), a large UNION enumerated,
   and functions over infinite domains applied to a value. *)
EXTENDS Integers, Sequences, FiniteSets
CONSTANT N
S == {"a", "b"}
VARIABLE r
Init == r = [slots |-> [i \in 0..N |-> "a"], log |-> <<>>]
Next == \/ \E i \in 0..N, v \in S : r' = [r EXCEPT !.slots[i] = v]
        \/ Len(r.log) < 2 /\ r' = [r EXCEPT !.log = Append(@, r.slots[0])]
Seqs == UNION {[1..n -> 1..4] : n \in 1..9}
TypeOK == r \in [slots: UNION {[0..N -> S]}, log: UNION {Seq(S)}]
Big == <<1, 2, 3, 4, 4, 4, 4, 4, 4>> \in Seqs /\ Cardinality(Seqs) = 349524
Lazy == [n \in Nat |-> n * 2][3] = 6 /\ [x \in Int |-> -x][-2] = 2 /\ 7 \in DOMAIN [n \in Nat |-> n]
Bad == r.log # <<"b", "b">>
====
