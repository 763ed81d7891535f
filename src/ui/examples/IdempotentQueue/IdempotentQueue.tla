---------------------------- MODULE IdempotentQueue ----------------------------
(***************************************************************************)
(* An at-least-once queue. The producer publishes each message with an    *)
(* idempotency key and publishes it again until the broker confirms it;   *)
(* the broker redelivers a message until the consumer acknowledges it.   *)
(* Either way a key can reach the consumer more than once, so the         *)
(* consumer remembers the keys it has processed and skips repeats.        *)
(*                                                                         *)
(* The consumer's table of keys cannot grow for ever: Forget drops a key  *)
(* after a while, like a cache entry with a time to live.                 *)
(*                                                                         *)
(* Processing each delivery at most once is easy to check one request at  *)
(* a time and still wrong: the property is about the whole behaviour, so  *)
(* processed[k] counts every time k's side effect ran.                    *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS Keys

VARIABLES
  published,  \* keys the producer has published at least once
  confirmed,  \* keys whose publication the broker confirmed to the producer
  queue,      \* keys the broker holds and may (re)deliver
  seen,       \* the consumer's table of processed keys
  processed   \* processed[k]: how many times k's side effect ran

vars == <<published, confirmed, queue, seen, processed>>

TypeOK ==
  /\ published \subseteq Keys
  /\ confirmed \subseteq published
  /\ queue \subseteq Keys
  /\ seen \subseteq Keys
  /\ processed \in [Keys -> Nat]

Init ==
  /\ published = {}
  /\ confirmed = {}
  /\ queue = {}
  /\ seen = {}
  /\ processed = [k \in Keys |-> 0]

Publish(k) ==
  /\ k \notin published
  /\ published' = published \cup {k}
  /\ queue' = queue \cup {k}
  /\ UNCHANGED <<confirmed, seen, processed>>

\* No confirmation came back (it may have been lost): publish again.
Republish(k) ==
  /\ k \in published \ confirmed
  /\ queue' = queue \cup {k}
  /\ UNCHANGED <<published, confirmed, seen, processed>>

Confirm(k) ==
  /\ k \in published \ confirmed
  /\ confirmed' = confirmed \cup {k}
  /\ UNCHANGED <<published, queue, seen, processed>>

\* The consumer receives k and runs its side effect unless k is in its table.
Process(k) ==
  /\ k \in queue
  /\ IF k \in seen
     THEN UNCHANGED <<seen, processed>>
     ELSE /\ seen' = seen \cup {k}
          /\ processed' = [processed EXCEPT ![k] = @ + 1]

\* The acknowledgement reaches the broker: k is not delivered again.
ProcessAndAck(k) ==
  /\ Process(k)
  /\ queue' = queue \ {k}
  /\ UNCHANGED <<published, confirmed>>

\* The consumer crashed, or its acknowledgement was lost: k stays queued.
ProcessAckLost(k) ==
  /\ Process(k)
  /\ UNCHANGED <<published, confirmed, queue>>

\* The table drops an old key.
Forget(k) ==
  /\ k \in seen
  /\ seen' = seen \ {k}
  /\ UNCHANGED <<published, confirmed, queue, processed>>

Next ==
  \E k \in Keys :
    \/ Publish(k) \/ Republish(k) \/ Confirm(k)
    \/ ProcessAndAck(k) \/ ProcessAckLost(k)
    \/ Forget(k)

Spec == Init /\ [][Next]_vars

\* Over the whole behaviour, each message's side effect ran at most once.
ProcessedAtMostOnce == \A k \in Keys : processed[k] <= 1

\* The same as a property of steps (idempotence): once k's side effect has run,
\* no later step runs it again, whatever happened in between. Check it with
\* PROPERTY EffectIdempotent: the counterexample redelivers k after Forget.
EffectIdempotent ==
  [][\A k \in Keys : processed[k] > 0 => processed'[k] = processed[k]]_vars
================================================================================
