----------------------------- MODULE BoundedQueue -----------------------------
(* A FIFO queue of at most Cap elements of Data: the abstract spec.          *)
EXTENDS Naturals, Sequences

CONSTANTS Data, Cap

VARIABLE q

Init == q = <<>>

Put(d) == Len(q) < Cap /\ q' = Append(q, d)

Get == q # <<>> /\ q' = Tail(q)

Next == (\E d \in Data : Put(d)) \/ Get

Spec == Init /\ [][Next]_q

FairSpec == Spec /\ WF_q(Get)
================================================================================
