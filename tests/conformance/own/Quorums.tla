---- MODULE Quorums ----
(* Paxos-style decisions over sets of records: `\E m \in M : decision' = m.value` after a quorum
   test, per-pair channels as a function of functions of sequences, and a bag of votes. *)
EXTENDS Naturals, Sequences, FiniteSets, Bags
CONSTANTS Acc, Val
VARIABLES msgs, chan, decision, votes
Quorum == {q \in SUBSET Acc : 2 * Cardinality(q) > Cardinality(Acc)}
Init == /\ msgs = {} /\ decision = "none" /\ votes = EmptyBag
        /\ chan = [p \in Acc |-> [q \in Acc |-> <<>>]]
Vote(a, v) == /\ ~\E m \in msgs : m.acc = a
              /\ msgs' = msgs \cup {[acc |-> a, val |-> v]}
              /\ votes' = votes (+) SetToBag({v})
              /\ UNCHANGED <<decision, chan>>
Tell(a, b) == /\ a # b /\ Len(chan[a][b]) < 1 /\ \E m \in msgs : m.acc = a
              /\ chan' = [chan EXCEPT ![a][b] = Append(@, (CHOOSE m \in msgs : m.acc = a).val)]
              /\ UNCHANGED <<msgs, decision, votes>>
Decide == /\ decision = "none"
          /\ \E q \in Quorum, v \in Val :
               LET M == {m \in msgs : m.acc \in q /\ m.val = v}
               IN /\ \A a \in q : \E m \in M : m.acc = a
                  /\ \E m \in M : decision' = m.val
          /\ UNCHANGED <<msgs, chan, votes>>
Next == (\E a \in Acc, v \in Val : Vote(a, v)) \/ (\E a, b \in Acc : Tell(a, b)) \/ Decide
Agreed == decision # "none" => CopiesIn(decision, votes) * 2 > Cardinality(Acc)
====
