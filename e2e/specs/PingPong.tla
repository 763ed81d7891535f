---- MODULE PingPong ----
(* Processes ping each other over FIFO channels, one per ordered pair:              *)
(* network[p][q] holds the messages p sent to q and q has not yet received.        *)
EXTENDS Naturals, Sequences

Proc == 1..3

VARIABLES network, sent, got

Init == /\ network = [p \in Proc |-> [q \in Proc |-> <<>>]]
        /\ sent = [p \in Proc |-> 0]
        /\ got = [p \in Proc |-> 0]

Ping(p, q) == /\ p # q
              /\ sent[p] < 1
              /\ network' = [network EXCEPT ![p][q] = Append(@, [kind |-> "ping", seq |-> sent[p]])]
              /\ sent' = [sent EXCEPT ![p] = @ + 1]
              /\ UNCHANGED got

Pong(p, q) == /\ network[q][p] # <<>>
              /\ Head(network[q][p]).kind = "ping"
              /\ network' = [network EXCEPT ![q][p] = Tail(@),
                                            ![p][q] = Append(@, [kind |-> "pong", seq |-> Head(network[q][p]).seq])]
              /\ UNCHANGED <<sent, got>>

Done(p, q) == /\ network[q][p] # <<>>
              /\ Head(network[q][p]).kind = "pong"
              /\ network' = [network EXCEPT ![q][p] = Tail(@)]
              /\ got' = [got EXCEPT ![p] = @ + 1]
              /\ UNCHANGED sent

Next == \E p, q \in Proc : Ping(p, q) \/ Pong(p, q) \/ Done(p, q)

(* Wrong on purpose: the first completed round trip violates it. *)
NoRoundTrip == \A p \in Proc : got[p] = 0
====
