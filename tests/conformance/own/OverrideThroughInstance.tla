---- MODULE OverrideThroughInstance ----
(* .cfg assignments to definitions of a module reached through a named instance:
   `Big = [Inner] 10` (Inner's Big is an unbounded CHOOSE TLC never evaluates) and
   `Step <- [Inner] Double`. *)
EXTENDS Naturals
VARIABLE z
N == INSTANCE Inner WITH Limit <- 4, c <- z
Init == N!Init
Next == N!Next
Double(n) == n + 2
Inv == N!TypeOK /\ z <= N!Big
====
