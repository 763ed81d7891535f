---- MODULE SMRPaxos ----
(* Multi-decree Paxos for a replicated log: one instance per slot, phase 1 shared by all slots,
   acceptors report their votes of every slot in 1b messages. Written for specstage's bench. *)
EXTENDS Integers, FiniteSets
CONSTANTS Acceptors, Values, Ballots, Slots, Quorums, None
VARIABLES msgs, maxBal, votes, decided

vars == <<msgs, maxBal, votes, decided>>
Vote == [slot : Slots, bal : Ballots, val : Values]

TypeOK ==
  /\ maxBal \in [Acceptors -> Ballots \cup {-1}]
  /\ votes \in [Acceptors -> SUBSET Vote]
  /\ decided \in [Slots -> Values \cup {None}]

Send(m) == msgs' = msgs \cup {m}

Phase1a(b) ==
  /\ ~\E m \in msgs : m.type = "1a" /\ m.bal = b
  /\ Send([type |-> "1a", bal |-> b])
  /\ UNCHANGED <<maxBal, votes, decided>>

Phase1b(a) ==
  \E m \in msgs :
    /\ m.type = "1a"
    /\ m.bal > maxBal[a]
    /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
    /\ Send([type |-> "1b", acc |-> a, bal |-> m.bal, votes |-> votes[a]])
    /\ UNCHANGED <<votes, decided>>

MaxVote(S, s) ==
  LET vs == {v \in S : v.slot = s}
  IN IF vs = {} THEN [bal |-> -1, val |-> None]
     ELSE CHOOSE v \in vs : \A w \in vs : w.bal =< v.bal

Phase2a(b, s, v) ==
  /\ ~\E m \in msgs : m.type = "2a" /\ m.bal = b /\ m.slot = s
  /\ \E Q \in Quorums :
       LET Q1b == {m \in msgs : m.type = "1b" /\ m.bal = b /\ m.acc \in Q}
           mv == MaxVote(UNION {m.votes : m \in Q1b}, s)
       IN /\ \A a \in Q : \E m \in Q1b : m.acc = a
          /\ mv.bal = -1 \/ mv.val = v
  /\ Send([type |-> "2a", bal |-> b, slot |-> s, val |-> v])
  /\ UNCHANGED <<maxBal, votes, decided>>

Phase2b(a) ==
  \E m \in msgs :
    /\ m.type = "2a"
    /\ m.bal >= maxBal[a]
    /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
    /\ votes' = [votes EXCEPT ![a] = {w \in @ : w.slot /= m.slot}
                                      \cup {[slot |-> m.slot, bal |-> m.bal, val |-> m.val]}]
    /\ Send([type |-> "2b", acc |-> a, bal |-> m.bal, slot |-> m.slot, val |-> m.val])
    /\ UNCHANGED decided

ChosenIn(s, b, v) ==
  \E Q \in Quorums : \A a \in Q :
    \E m \in msgs : m.type = "2b" /\ m.acc = a /\ m.bal = b /\ m.slot = s /\ m.val = v

Learn(s) ==
  /\ decided[s] = None
  /\ \E b \in Ballots, v \in Values :
       /\ ChosenIn(s, b, v)
       /\ decided' = [decided EXCEPT ![s] = v]
  /\ UNCHANGED <<msgs, maxBal, votes>>

Init ==
  /\ msgs = {}
  /\ maxBal = [a \in Acceptors |-> -1]
  /\ votes = [a \in Acceptors |-> {}]
  /\ decided = [s \in Slots |-> None]

Next ==
  \/ \E b \in Ballots : Phase1a(b) \/ \E s \in Slots, v \in Values : Phase2a(b, s, v)
  \/ \E a \in Acceptors : Phase1b(a) \/ Phase2b(a)
  \/ \E s \in Slots : Learn(s)

Spec == Init /\ [][Next]_vars

Agreement ==
  \A s \in Slots : \A b1, b2 \in Ballots : \A v1, v2 \in Values :
    ChosenIn(s, b1, v1) /\ ChosenIn(s, b2, v2) => v1 = v2

DecidedChosen == \A s \in Slots : decided[s] /= None => \E b \in Ballots : ChosenIn(s, b, decided[s])
====
