---------------------------- MODULE PerPairChannels ----------------------------
(***************************************************************************)
(* Requests and acknowledgements over one FIFO channel per ordered pair of *)
(* processes, as message-passing protocols are written: chan[<<p, q>>] is  *)
(* the channel from p to q. Each process sends at most MaxReq requests.    *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS Proc, MaxReq

VARIABLES chan, sent, acked

vars == <<chan, sent, acked>>

Msg == [type : {"req", "ack"}, from : Proc, n : 0..MaxReq]

TypeOK ==
    /\ chan \in [Proc \X Proc -> Seq(Msg)]
    /\ sent \in [Proc -> 0..MaxReq]
    /\ acked \in [Proc -> SUBSET (Proc \X (0..MaxReq))]

Init ==
    /\ chan = [c \in Proc \X Proc |-> <<>>]
    /\ sent = [p \in Proc |-> 0]
    /\ acked = [p \in Proc |-> {}]

Send(p, q) ==
    /\ p # q
    /\ sent[p] < MaxReq
    /\ chan' = [chan EXCEPT ![<<p, q>>] = Append(@, [type |-> "req", from |-> p, n |-> sent[p]])]
    /\ sent' = [sent EXCEPT ![p] = @ + 1]
    /\ UNCHANGED acked

\* q answers the request at the head of the channel from p.
Reply(p, q) ==
    /\ chan[<<p, q>>] # <<>>
    /\ Head(chan[<<p, q>>]).type = "req"
    /\ LET m == Head(chan[<<p, q>>])
       IN  chan' = [chan EXCEPT ![<<p, q>>] = Tail(@),
                                ![<<q, p>>] = Append(@, [type |-> "ack", from |-> q, n |-> m.n])]
    /\ UNCHANGED <<sent, acked>>

\* p takes the acknowledgement at the head of the channel from q.
Receive(p, q) ==
    /\ chan[<<q, p>>] # <<>>
    /\ Head(chan[<<q, p>>]).type = "ack"
    /\ acked' = [acked EXCEPT ![p] = @ \cup {<<q, Head(chan[<<q, p>>]).n>>}]
    /\ chan' = [chan EXCEPT ![<<q, p>>] = Tail(@)]
    /\ UNCHANGED sent

Next == \E p, q \in Proc : Send(p, q) \/ Reply(p, q) \/ Receive(p, q)

Spec == Init /\ [][Next]_vars

\* Only what was asked is acknowledged.
AckedWasSent == \A p \in Proc : \A a \in acked[p] : a[2] < sent[p]

\* At most one message waits on a channel: false once a process sends twice to the same peer.
OneInFlight == \A c \in Proc \X Proc : Len(chan[c]) <= 1

Done == \A p \in Proc : sent[p] = MaxReq /\ Cardinality(acked[p]) = MaxReq
================================================================================
