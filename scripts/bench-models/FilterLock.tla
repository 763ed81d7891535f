---- MODULE FilterLock ----
(* Peterson's filter lock for N processes: to enter, a process climbs N - 1 levels, at each one
   naming itself the victim and waiting until no other process is at its level or above, or it
   is no longer the victim (functions of processes updated by EXCEPT, a program counter per
   process, a universal quantifier in a guard). Written for specstage's bench. *)
EXTENDS Naturals, FiniteSets

CONSTANTS N

Procs == 1..N
Levels == 1..(N-1)

VARIABLES pc, lvl, level, victim, inCS

vars == <<pc, lvl, level, victim, inCS>>

TypeOK ==
  /\ pc \in [Procs -> {"ncs", "setlevel", "setvictim", "wait", "cs", "exit"}]
  /\ lvl \in [Procs -> 0..(N-1)]
  /\ level \in [Procs -> 0..(N-1)]
  /\ victim \in [Levels -> Procs]
  /\ inCS \subseteq Procs

Init ==
  /\ pc = [p \in Procs |-> "ncs"]
  /\ lvl = [p \in Procs |-> 0]
  /\ level = [p \in Procs |-> 0]
  /\ victim = [l \in Levels |-> 1]
  /\ inCS = {}

Try(p) ==
  /\ pc[p] = "ncs"
  /\ pc' = [pc EXCEPT ![p] = "setlevel"]
  /\ lvl' = [lvl EXCEPT ![p] = 1]
  /\ UNCHANGED <<level, victim, inCS>>

SetLevel(p) ==
  /\ pc[p] = "setlevel"
  /\ level' = [level EXCEPT ![p] = lvl[p]]
  /\ pc' = [pc EXCEPT ![p] = "setvictim"]
  /\ UNCHANGED <<lvl, victim, inCS>>

SetVictim(p) ==
  /\ pc[p] = "setvictim"
  /\ victim' = [victim EXCEPT ![lvl[p]] = p]
  /\ pc' = [pc EXCEPT ![p] = "wait"]
  /\ UNCHANGED <<lvl, level, inCS>>

Wait(p) ==
  /\ pc[p] = "wait"
  /\ \/ \A k \in Procs \ {p} : level[k] < lvl[p]
     \/ victim[lvl[p]] # p
  /\ IF lvl[p] = N - 1
       THEN /\ pc' = [pc EXCEPT ![p] = "cs"]
            /\ inCS' = inCS \cup {p}
            /\ UNCHANGED lvl
       ELSE /\ pc' = [pc EXCEPT ![p] = "setlevel"]
            /\ lvl' = [lvl EXCEPT ![p] = @ + 1]
            /\ UNCHANGED inCS
  /\ UNCHANGED <<level, victim>>

Exit(p) ==
  /\ pc[p] = "cs"
  /\ pc' = [pc EXCEPT ![p] = "exit"]
  /\ inCS' = inCS \ {p}
  /\ UNCHANGED <<lvl, level, victim>>

Release(p) ==
  /\ pc[p] = "exit"
  /\ level' = [level EXCEPT ![p] = 0]
  /\ lvl' = [lvl EXCEPT ![p] = 0]
  /\ pc' = [pc EXCEPT ![p] = "ncs"]
  /\ UNCHANGED <<victim, inCS>>

Next == \E p \in Procs :
          Try(p) \/ SetLevel(p) \/ SetVictim(p) \/ Wait(p) \/ Exit(p) \/ Release(p)

Spec == Init /\ [][Next]_vars

MutualExclusion == Cardinality(inCS) <= 1
CSAgrees == \A p \in Procs : (pc[p] = "cs") <=> (p \in inCS)
====
