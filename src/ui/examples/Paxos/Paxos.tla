-------------------------------- MODULE Paxos --------------------------------
(***************************************************************************)
(* Single-decree Paxos: acceptors agree on at most one value although     *)
(* proposers run rounds (ballots) concurrently and messages may be read   *)
(* late, twice or never. The message set only grows, so a message is      *)
(* never lost for good; an action may simply never read it.               *)
(*                                                                         *)
(* Phase 1a: the leader of ballot b asks acceptors to join b.             *)
(* Phase 1b: an acceptor joins b and reports the last vote it cast.       *)
(* Phase 2a: with 1b replies from a quorum, the leader proposes the value *)
(*           of the highest-ballot vote among them (any value if none).  *)
(* Phase 2b: an acceptor votes for the proposal unless it joined a higher *)
(*           ballot since.                                                *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS Acceptors, Values, MaxBallot,
          NoValue   \* a model value: "no vote yet"

Ballots == 0..MaxBallot
None == -1                      \* "no ballot yet"
Quorums == {Q \in SUBSET Acceptors : 2 * Cardinality(Q) > Cardinality(Acceptors)}

VARIABLES
  joined,     \* joined[a]: the highest ballot a has joined (None at first)
  votedBal,   \* votedBal[a]: the ballot of a's last vote (None: never voted)
  votedVal,   \* votedVal[a]: the value of that vote
  msgs        \* every message sent so far

vars == <<joined, votedBal, votedVal, msgs>>

Message ==
       [type : {"1a"}, bal : Ballots]
  \cup [type : {"1b"}, acc : Acceptors, bal : Ballots,
        vbal : Ballots \cup {None}, vval : Values \cup {NoValue}]
  \cup [type : {"2a"}, bal : Ballots, val : Values]
  \cup [type : {"2b"}, acc : Acceptors, bal : Ballots, val : Values]

TypeOK ==
  /\ joined \in [Acceptors -> Ballots \cup {None}]
  /\ votedBal \in [Acceptors -> Ballots \cup {None}]
  /\ votedVal \in [Acceptors -> Values \cup {NoValue}]
  /\ msgs \subseteq Message

Init ==
  /\ joined = [a \in Acceptors |-> None]
  /\ votedBal = [a \in Acceptors |-> None]
  /\ votedVal = [a \in Acceptors |-> NoValue]
  /\ msgs = {}

Send(m) == msgs' = msgs \cup {m}

Phase1a(b) ==
  /\ [type |-> "1a", bal |-> b] \notin msgs
  /\ Send([type |-> "1a", bal |-> b])
  /\ UNCHANGED <<joined, votedBal, votedVal>>

Phase1b(a) ==
  \E m \in msgs :
    /\ m.type = "1a"
    /\ m.bal > joined[a]
    /\ joined' = [joined EXCEPT ![a] = m.bal]
    /\ Send([type |-> "1b", acc |-> a, bal |-> m.bal,
             vbal |-> votedBal[a], vval |-> votedVal[a]])
    /\ UNCHANGED <<votedBal, votedVal>>

\* The value ballot b must propose, given the 1b replies of quorum Q.
SafeValue(b, Q, v) ==
  LET replies == {m \in msgs : m.type = "1b" /\ m.bal = b /\ m.acc \in Q}
      voted   == {m \in replies : m.vbal # None}
  IN  /\ \A a \in Q : \E m \in replies : m.acc = a
      /\ \/ voted = {}
         \/ \E m \in voted : /\ m.vval = v
                             /\ \A m2 \in voted : m2.vbal <= m.vbal

Phase2a(b, v) ==
  /\ ~ \E m \in msgs : m.type = "2a" /\ m.bal = b   \* one proposal per ballot
  /\ \E Q \in Quorums : SafeValue(b, Q, v)
  /\ Send([type |-> "2a", bal |-> b, val |-> v])
  /\ UNCHANGED <<joined, votedBal, votedVal>>

Phase2b(a) ==
  \E m \in msgs :
    /\ m.type = "2a"
    /\ m.bal >= joined[a]
    /\ joined' = [joined EXCEPT ![a] = m.bal]
    /\ votedBal' = [votedBal EXCEPT ![a] = m.bal]
    /\ votedVal' = [votedVal EXCEPT ![a] = m.val]
    /\ Send([type |-> "2b", acc |-> a, bal |-> m.bal, val |-> m.val])

Next ==
  \/ \E b \in Ballots : Phase1a(b) \/ \E v \in Values : Phase2a(b, v)
  \/ \E a \in Acceptors : Phase1b(a) \/ Phase2b(a)

Spec == Init /\ [][Next]_vars

\* A value is chosen when a quorum voted for it in one ballot.
Chosen(v) ==
  \E b \in Ballots, Q \in Quorums :
    \A a \in Q : [type |-> "2b", acc |-> a, bal |-> b, val |-> v] \in msgs

\* Safety: at most one value is ever chosen.
Agreement == \A v, w \in Values : Chosen(v) /\ Chosen(w) => v = w
==============================================================================
