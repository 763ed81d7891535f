-------------------------- MODULE PrimedSubstitution --------------------------
(***************************************************************************)
(* An instance whose variable is replaced by an expression of the          *)
(* instantiator's variables, used as an action before those variables are  *)
(* assigned: TLC cannot evaluate (inbox[c])' there and stops with an error *)
(* (In evaluation, the identifier inbox is either undefined ...).          *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS Clients

VARIABLE inbox

Client(c) == INSTANCE BoundedQueue WITH q <- inbox[c], Data <- {1}, Cap <- 1

Init == inbox = [c \in Clients |-> <<>>]

Deliver(c) ==
    /\ Client(c)!Put(1)
    /\ inbox' = [inbox EXCEPT ![c] = Append(@, 1)]

Next == \E c \in Clients : Deliver(c)
================================================================================
