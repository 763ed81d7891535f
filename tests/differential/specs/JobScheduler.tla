----------------------------- MODULE JobScheduler -----------------------------
(***************************************************************************)
(* Jobs with priorities and names, scheduled with the Community Modules:   *)
(* SetToSortSeq, Remove and Front (SequencesExt), Max, SumSet and FoldSet  *)
(* (FiniteSetsExt), Range and Restrict (Functions), bags for the worker   *)
(* counts (Bags). Names are strings: CHOOSE among them follows TLC's      *)
(* order of strings, which decides who runs first.                         *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, Bags, SequencesExt, FiniteSetsExt, Functions

CONSTANTS Jobs, Workers

VARIABLES queue, running, done, load

prio == [j \in Jobs |-> IF j = "compile" THEN 3 ELSE IF j = "test" THEN 2 ELSE 1]

Init ==
    /\ queue = SetToSortSeq(Jobs, LAMBDA a, b : prio[a] > prio[b])
    /\ running = [w \in Workers |-> "none"]
    /\ done = {}
    /\ load = EmptyBag

Start(w) ==
    /\ running[w] = "none"
    /\ queue # <<>>
    /\ LET top == Max({prio[j] : j \in ToSet(queue)})
           j == CHOOSE x \in ToSet(queue) : prio[x] = top
       IN /\ running' = [running EXCEPT ![w] = j]
          /\ queue' = Remove(queue, j)
          /\ load' = load (+) SetToBag({w})
    /\ UNCHANGED done

Finish(w) ==
    /\ running[w] # "none"
    /\ done' = done \cup {running[w]}
    /\ running' = [running EXCEPT ![w] = "none"]
    /\ UNCHANGED <<queue, load>>

\* A worker gives its job back: it goes to the front of the queue.
Yield(w) ==
    /\ running[w] # "none"
    /\ queue' = <<running[w]>> \o queue
    /\ running' = [running EXCEPT ![w] = "none"]
    /\ UNCHANGED <<done, load>>

Next == \E w \in Workers : Start(w) \/ Finish(w) \/ Yield(w)

Busy == Restrict(running, {w \in Workers : running[w] # "none"})

Invariants ==
    /\ Range(Busy) \cap done = {}
    /\ Cardinality(Range(Busy)) = Cardinality(DOMAIN Busy)
    /\ SumSet({prio[j] : j \in done}) <= FoldSet(LAMBDA x, y : x + y, 0, {prio[j] : j \in Jobs})
    /\ BagCardinality(load) <= 2 * Cardinality(Jobs) * Cardinality(Workers)

\* Work is done in priority order: false once a yielded low-priority job overtakes.
InOrder == \A j \in done : \A k \in Jobs \ done : prio[j] >= prio[k]

\* Bounds the state space (load only grows).
Bounded == BagCardinality(load) <= 4
================================================================================
