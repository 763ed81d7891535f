----------------------------- MODULE PaymentRetry -----------------------------
(***************************************************************************)
(* A checkout service charges a card through a payment gateway. The call  *)
(* can be slow or its reply lost, so the service waits a while, times out  *)
(* and tries again, up to MaxAttempts times. A timeout does not mean the   *)
(* charge failed: the first request may still arrive, or may already have *)
(* been charged.                                                          *)
(*                                                                         *)
(* The gateway charges a request only once per idempotency key: a repeated *)
(* key gets the stored reply. Every attempt of an order sends the order's  *)
(* id as its key, so a retry is never charged twice (the gallery's         *)
(* PaymentRetry sends a new key per attempt, and double-charges).          *)
(*                                                                         *)
(* The reference for the TypeScript implementation beside it (src/): its   *)
(* tests replay this spec's behaviours, and its logs are validated         *)
(* against it (README.md).                                                 *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS MaxAttempts

OrderId == "order-42"

\* The idempotency key sent with the n-th attempt.
RequestKey(n) == OrderId

VARIABLES
  attempt,    \* attempts made so far
  waiting,    \* the service waits for a reply to its last attempt
  status,     \* the order's status at the service: "pending", "paid" or "failed"
  requests,   \* keys of requests on their way to the gateway
  replies,    \* keys of replies on their way back
  charged,    \* keys the gateway has charged (its idempotency table)
  charges     \* how many times the card was charged

vars == <<attempt, waiting, status, requests, replies, charged, charges>>

TypeOK ==
  /\ attempt \in 0..MaxAttempts
  /\ waiting \in BOOLEAN
  /\ status \in {"pending", "paid", "failed"}
  /\ charges \in Nat

Init ==
  /\ attempt = 0
  /\ waiting = FALSE
  /\ status = "pending"
  /\ requests = {}
  /\ replies = {}
  /\ charged = {}
  /\ charges = 0

Send ==
  /\ status = "pending"
  /\ ~waiting
  /\ attempt < MaxAttempts
  /\ attempt' = attempt + 1
  /\ requests' = requests \cup {RequestKey(attempt + 1)}
  /\ waiting' = TRUE
  /\ UNCHANGED <<status, replies, charged, charges>>

\* The gateway handles a request: it charges a key it has not seen, and
\* replies either way.
Gateway(k) ==
  /\ k \in requests
  /\ requests' = requests \ {k}
  /\ IF k \in charged
     THEN UNCHANGED <<charged, charges>>
     ELSE /\ charged' = charged \cup {k}
          /\ charges' = charges + 1
  /\ replies' = replies \cup {k}
  /\ UNCHANGED <<attempt, waiting, status>>

Receive(k) ==
  /\ k \in replies
  /\ replies' = replies \ {k}
  /\ status' = IF status = "pending" THEN "paid" ELSE status
  /\ waiting' = FALSE
  /\ UNCHANGED <<attempt, requests, charged, charges>>

LoseReply(k) ==
  /\ k \in replies
  /\ replies' = replies \ {k}
  /\ UNCHANGED <<attempt, waiting, status, requests, charged, charges>>

\* No reply in time: stop waiting (the request may still be on its way).
Timeout ==
  /\ waiting
  /\ waiting' = FALSE
  /\ UNCHANGED <<attempt, status, requests, replies, charged, charges>>

GiveUp ==
  /\ status = "pending"
  /\ ~waiting
  /\ attempt = MaxAttempts
  /\ status' = "failed"
  /\ UNCHANGED <<attempt, waiting, requests, replies, charged, charges>>

Next ==
  \/ Send \/ Timeout \/ GiveUp
  \/ \E k \in requests : Gateway(k)
  \/ \E k \in replies : Receive(k) \/ LoseReply(k)

Spec == Init /\ [][Next]_vars

\* The customer pays at most once for the order.
NoDoubleCharge == charges <= 1

\* A paid order was charged.
PaidMeansCharged == status = "paid" => charges >= 1

\* Idempotence of the charge, as a property of steps: once the card is charged,
\* no later step charges it again, whatever happened in between (timeouts,
\* retries, lost replies). PROPERTY ChargeIdempotent in the .cfg checks it.
ChargeIdempotent == [][charges > 0 => charges' = charges]_vars

\* Exactly once, as a temporal property: from a single charge on, the count
\* stays at one.
ChargedOnceStaysOnce == [](charges = 1 => [](charges = 1))
================================================================================
