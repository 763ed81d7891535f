--------------------------- MODULE ConstantFormulas ---------------------------
(***************************************************************************)
(* A .cfg formula that reads no variable is evaluated by TLC before the    *)
(* search: FALSE is an error ("The invariant of F is equal to FALSE"), not *)
(* a violation in the first state nor an empty state space.                *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Procs

VARIABLE x

Init == x = 0
Next == x' = (x + 1) % 3

\* Constant, and FALSE once Procs is given.
EnoughProcs == Cardinality(Procs) >= 3
\* Constant and TRUE: dropped.
SomeProcs == Procs # {}
================================================================================
