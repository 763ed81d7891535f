------------------------------ MODULE FairMutex ------------------------------
(***************************************************************************)
(* A mutex with a waiting queue and a grant step. With weak fairness on    *)
(* each process's steps every waiting process enters; with fairness on     *)
(* Grant only, a process may wait forever (the property fails with a       *)
(* lasso). SYMMETRY on the processes: TLC's representative states. CHOOSE *)
(* among strings follows TLC's order of strings (NoneIsChosen).             *)
(***************************************************************************)
EXTENDS Naturals, Sequences, TLC

CONSTANTS Proc

VARIABLES pc, waiting, owner

vars == <<pc, waiting, owner>>

\* TLC orders strings by when it interned them: the identifier `none` below is read before any
\* string literal, so "none" comes before "nobody" and CHOOSE picks it.
None == CHOOSE x \in {"nobody", "none"} : TRUE
none == "an identifier"

Init == pc = [p \in Proc |-> "idle"] /\ waiting = <<>> /\ owner = None

Request(p) ==
    /\ pc[p] = "idle"
    /\ pc' = [pc EXCEPT ![p] = "wait"]
    /\ waiting' = Append(waiting, p)
    /\ UNCHANGED owner

Grant ==
    /\ owner = None
    /\ waiting # <<>>
    /\ owner' = Head(waiting)
    /\ waiting' = Tail(waiting)
    /\ pc' = [pc EXCEPT ![Head(waiting)] = "cs"]

Release(p) ==
    /\ pc[p] = "cs"
    /\ pc' = [pc EXCEPT ![p] = "idle"]
    /\ owner' = None
    /\ UNCHANGED waiting

Next == Grant \/ \E p \in Proc : Request(p) \/ Release(p)

FairSpec == Init /\ [][Next]_vars /\ WF_vars(Grant) /\ \A p \in Proc : WF_vars(Release(p))

UnfairSpec == Init /\ [][Next]_vars /\ WF_vars(Grant)

Mutex == \A p, q \in Proc : pc[p] = "cs" /\ pc[q] = "cs" => p = q

Enters == \A p \in Proc : pc[p] = "wait" ~> pc[p] = "cs"

NoneIsChosen == None = "none"

Perms == Permutations(Proc)
================================================================================
