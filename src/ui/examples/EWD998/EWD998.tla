-------------------------------- MODULE EWD998 --------------------------------
(***************************************************************************)
(* Termination detection in a ring (Dijkstra, EWD998). N nodes exchange    *)
(* messages; an active node may send messages and go idle, an idle node    *)
(* wakes up when a message reaches it. Node 0 wants to know when the whole *)
(* computation is over: every node idle and no message in flight.          *)
(*                                                                         *)
(* A token travels the ring from node N-1 down to node 0. Each node counts *)
(* messages sent minus messages received; an idle node adds its count to  *)
(* the token as it passes it on. A node that received a message since the *)
(* token last passed is black and blackens the token. Node 0 concludes     *)
(* termination when the token comes back white and the counts sum to 0;    *)
(* otherwise it starts a new round.                                        *)
(*                                                                         *)
(* Here the nodes may send at most MaxSends messages in all, so the model  *)
(* is finite and the computation ends in every behaviour.                  *)
(***************************************************************************)
EXTENDS Integers

CONSTANTS N, MaxSends

Nodes == 0..(N - 1)

VARIABLES
  active,    \* active[i]: node i is working
  color,     \* color[i]: "white" or "black"
  counter,   \* counter[i]: messages sent by i minus messages received by i
  pending,   \* pending[i]: messages in flight to i
  budget,    \* messages that may still be sent (bounds the model)
  token      \* [pos |-> node holding it, q |-> sum so far, color |-> ...]

vars == <<active, color, counter, pending, budget, token>>

TypeOK ==
  /\ active \in [Nodes -> BOOLEAN]
  /\ color \in [Nodes -> {"white", "black"}]
  /\ counter \in [Nodes -> Int]
  /\ pending \in [Nodes -> Nat]
  /\ token.pos \in Nodes
  /\ token.color \in {"white", "black"}

Init ==
  /\ active \in [Nodes -> BOOLEAN]
  /\ color = [i \in Nodes |-> "white"]
  /\ counter = [i \in Nodes |-> 0]
  /\ pending = [i \in Nodes |-> 0]
  /\ budget = MaxSends
  /\ token = [pos |-> 0, q |-> 0, color |-> "black"]

\* Node 0 holds a token that cannot prove termination: start a new round.
InitiateProbe ==
  /\ token.pos = 0
  /\ \/ token.color = "black"
     \/ color[0] = "black"
     \/ counter[0] + token.q # 0
  /\ token' = [pos |-> N - 1, q |-> 0, color |-> "white"]
  /\ color' = [color EXCEPT ![0] = "white"]
  /\ UNCHANGED <<active, counter, pending, budget>>

\* An idle node i > 0 passes the token on, adding its count and colour.
PassToken(i) ==
  /\ i # 0
  /\ token.pos = i
  /\ ~ active[i]
  /\ token' = [pos |-> i - 1, q |-> token.q + counter[i],
               color |-> IF color[i] = "black" THEN "black" ELSE token.color]
  /\ color' = [color EXCEPT ![i] = "white"]
  /\ UNCHANGED <<active, counter, pending, budget>>

SendMsg(i) ==
  /\ active[i]
  /\ budget > 0
  /\ \E j \in Nodes \ {i} :
       pending' = [pending EXCEPT ![j] = @ + 1]
  /\ counter' = [counter EXCEPT ![i] = @ + 1]
  /\ budget' = budget - 1
  /\ UNCHANGED <<active, color, token>>

RecvMsg(i) ==
  /\ pending[i] > 0
  /\ pending' = [pending EXCEPT ![i] = @ - 1]
  /\ counter' = [counter EXCEPT ![i] = @ - 1]
  /\ active' = [active EXCEPT ![i] = TRUE]
  /\ color' = [color EXCEPT ![i] = "black"]
  /\ UNCHANGED <<budget, token>>

Deactivate(i) ==
  /\ active[i]
  /\ active' = [active EXCEPT ![i] = FALSE]
  /\ UNCHANGED <<color, counter, pending, budget, token>>

System == InitiateProbe \/ \E i \in Nodes : PassToken(i)
Environment == \E i \in Nodes : SendMsg(i) \/ RecvMsg(i) \/ Deactivate(i)

Next == System \/ Environment

Spec == Init /\ [][Next]_vars /\ WF_vars(System) /\ WF_vars(Environment)

\* The computation is over.
Terminated == \A i \in Nodes : ~ active[i] /\ pending[i] = 0

\* What node 0 concludes from the token in its hands.
TerminationDetected ==
  /\ token.pos = 0
  /\ token.color = "white"
  /\ color[0] = "white"
  /\ ~ active[0]
  /\ counter[0] + token.q = 0

\* Safety: node 0 never announces termination too early.
Safe == TerminationDetected => Terminated

\* Liveness: once the computation is over, node 0 learns it.
Live == Terminated ~> TerminationDetected
===============================================================================
