---------------------------- MODULE TwoStackQueue ----------------------------
(***************************************************************************)
(* A queue kept as two sequences, as implementations do: Put appends to    *)
(* `back`, Get takes from `front`, Flip moves back to front when front is  *)
(* empty. It refines BoundedQueue with q <- front \o back; the mapping     *)
(* back \o front is wrong and its refinement fails. Each of the N clients  *)
(* also has its own queue, an instance per client (Client(c)).             *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS Data, Cap, Clients

VARIABLES front, back, inbox

vars == <<front, back, inbox>>

Size == Len(front) + Len(back)

Init == front = <<>> /\ back = <<>> /\ inbox = [c \in Clients |-> <<>>]

Put(d) == Size < Cap /\ back' = Append(back, d) /\ UNCHANGED <<front, inbox>>

Get == front # <<>> /\ front' = Tail(front) /\ UNCHANGED <<back, inbox>>

Flip == front = <<>> /\ back # <<>> /\ front' = back /\ back' = <<>> /\ UNCHANGED inbox

Client(c) == INSTANCE BoundedQueue WITH q <- inbox[c], Cap <- 1

\* A client's own queue, checked through its instance (inbox' is assigned first).
Deliver(c) ==
    /\ front # <<>>
    /\ inbox' = [inbox EXCEPT ![c] = Append(@, Head(front))]
    /\ Client(c)!Put(Head(front))
    /\ front' = Tail(front)
    /\ UNCHANGED back

Consume(c) == inbox[c] # <<>> /\ inbox' = [inbox EXCEPT ![c] = Tail(@)] /\ UNCHANGED <<front, back>>

Next == (\E d \in Data : Put(d)) \/ Get \/ Flip \/ \E c \in Clients : Deliver(c) \/ Consume(c)

Spec == Init /\ [][Next]_vars /\ WF_vars(Flip)

Abs == INSTANCE BoundedQueue WITH q <- front \o back
Bad == INSTANCE BoundedQueue WITH q <- back \o front

\* Delivering to a client is a Get of the queue.
AbsSpec == Abs!Spec
BadSpec == Bad!Spec

ClientsBounded == \A c \in Clients : Len(inbox[c]) <= 1

\* Liveness: with Flip weakly fair, something put in the back reaches the front.
BackMoves == (back # <<>>) ~> (front # <<>>)
================================================================================
