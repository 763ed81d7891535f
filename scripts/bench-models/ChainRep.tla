---- MODULE ChainRep ----
(* Chain replication of a key-value store over FIFO channels: clients write at the head, each
   write flows down the chain and the tail's acknowledgement flows back up; a node re-sends a
   write it has not seen acknowledged (sequences of records, sets of records, nested EXCEPT, a
   state constraint bounding the channels). Written for specstage's bench. *)
EXTENDS Naturals, Sequences, FiniteSets
CONSTANTS Keys, Vals, MaxWrites, Length
VARIABLES store, pending, chan, acks, writes

vars == <<store, pending, chan, acks, writes>>
Links == 1..(Length - 1)

Init ==
  /\ store = [n \in 1..Length |-> [k \in Keys |-> 0]]
  /\ pending = [n \in 1..Length |-> {}]
  /\ chan = [n \in Links |-> <<>>]
  /\ acks = [n \in Links |-> <<>>]
  /\ writes = 0

ClientWrite(k, v) ==
  /\ writes < MaxWrites
  /\ writes' = writes + 1
  /\ LET m == [key |-> k, val |-> v, id |-> writes + 1] IN
     /\ store' = [store EXCEPT ![1][k] = v]
     /\ pending' = [pending EXCEPT ![1] = @ \cup {m}]
     /\ chan' = [chan EXCEPT ![1] = Append(@, m)]
  /\ UNCHANGED acks

Forward(n) ==
  /\ chan[n] # <<>>
  /\ LET m == Head(chan[n]) IN
     /\ store' = [store EXCEPT ![n + 1][m.key] = m.val]
     /\ IF n + 1 = Length
          THEN /\ acks' = [acks EXCEPT ![n] = Append(@, m.id)]
               /\ chan' = [chan EXCEPT ![n] = Tail(@)]
               /\ UNCHANGED pending
          ELSE /\ chan' = [chan EXCEPT ![n] = Tail(@), ![n + 1] = Append(@, m)]
               /\ pending' = [pending EXCEPT ![n + 1] = @ \cup {m}]
               /\ UNCHANGED acks
  /\ UNCHANGED writes

Ack(n) ==
  /\ acks[n] # <<>>
  /\ LET id == Head(acks[n]) IN
     /\ pending' = [pending EXCEPT ![n] = {m \in @ : m.id # id}]
     /\ acks' = IF n > 1 THEN [acks EXCEPT ![n] = Tail(@), ![n - 1] = Append(@, id)]
                         ELSE [acks EXCEPT ![n] = Tail(@)]
  /\ UNCHANGED <<store, chan, writes>>

Resend(n) ==
  /\ \E m \in pending[n] :
       /\ \A i \in 1..Len(chan[n]) : chan[n][i].id # m.id
       /\ chan' = [chan EXCEPT ![n] = Append(@, m)]
  /\ UNCHANGED <<store, pending, acks, writes>>

Next ==
  \/ \E k \in Keys, v \in Vals : ClientWrite(k, v)
  \/ \E n \in Links : Forward(n) \/ Ack(n) \/ Resend(n)

Spec == Init /\ [][Next]_vars

BoundedChannels == \A n \in Links : Len(chan[n]) <= 2 /\ Len(acks[n]) <= 2

TypeOK == writes \in 0..MaxWrites /\ \A n \in Links : \A i \in 1..Len(acks[n]) : acks[n][i] \in 1..writes
TailHasNoPending == pending[Length] = {}
====
