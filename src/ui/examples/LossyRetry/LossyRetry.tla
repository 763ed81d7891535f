------------------------------ MODULE LossyRetry ------------------------------
(***************************************************************************)
(* A sender retries a message over a lossy link until it gets through.    *)
(* Will it, eventually? That is a liveness property (Delivered), and it    *)
(* depends on what the model assumes about the link: fairness.            *)
(*                                                                         *)
(* WF_vars(A), weak fairness, says: if A stays enabled for ever, A happens.*)
(* SF_vars(A), strong fairness, says: if A is enabled again and again, A   *)
(* happens. Receive is enabled only while the message is on the link, and  *)
(* Lose can take it off each time.                                        *)
(***************************************************************************)
VARIABLES
  onLink,     \* the message is on the link
  delivered   \* the receiver has it

vars == <<onLink, delivered>>

TypeOK == onLink \in BOOLEAN /\ delivered \in BOOLEAN

Init == onLink = FALSE /\ delivered = FALSE

\* The sender (re)sends while the receiver does not have the message.
Send ==
  /\ ~ delivered
  /\ ~ onLink
  /\ onLink' = TRUE
  /\ UNCHANGED delivered

Lose ==
  /\ onLink
  /\ onLink' = FALSE
  /\ UNCHANGED delivered

Receive ==
  /\ onLink
  /\ onLink' = FALSE
  /\ delivered' = TRUE

Next == Send \/ Lose \/ Receive

Spec ==
  /\ Init /\ [][Next]_vars
  /\ WF_vars(Send)
  /\ WF_vars(Receive)

\* The message gets through in the end.
Delivered == <>delivered
===============================================================================
