----------------------------- MODULE DurableStep -----------------------------
(***************************************************************************)
(* A durable-execution engine runs a workflow of steps, each calling an    *)
(* external service (send an e-mail, charge a card). The worker may crash  *)
(* at any moment; it then replays the workflow from its durable log.       *)
(*                                                                         *)
(* The log has two checkpoints per step: one before the step starts, one   *)
(* after it returns. A step whose "done" checkpoint is in the log is       *)
(* skipped on replay. A step that started but did not finish is run again: *)
Crash ==
(* service applies a request at most once per idempotency key, so a rerun  *)
(* is harmless if it sends the same key as the first attempt.             *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS Steps, MaxCrashes

VARIABLES
  \* Durable: they survive a crash.
  started,    \* started[s]: the key in s's "started" checkpoint, 0 if none
  done,       \* steps with a "done" checkpoint
  nextKey,    \* the next fresh key (a UUID generator)
  applied,    \* the service's table of keys it has applied
  effects,    \* effects[s]: how many times s's effect happened
  \* The worker's memory: lost in a crash.
  at,         \* the step the worker is at (Len + 1: finished)
  phase,      \* "begin", "call" or "return"
  key,        \* the key of the running attempt
  crashes

vars == <<started, done, nextKey, applied, effects, at, phase, key, crashes>>

LastStep == CHOOSE s \in Steps : \A t \in Steps : t <= s

TypeOK ==
  /\ started \in [Steps -> Nat]
  /\ done \subseteq Steps
  /\ effects \in [Steps -> Nat]
  /\ at \in 1..(LastStep + 1)
  /\ phase \in {"begin", "call", "return"}

Init ==
  /\ started = [s \in Steps |-> 0]
  /\ done = {}
  /\ nextKey = 1
  /\ applied = {}
  /\ effects = [s \in Steps |-> 0]
  /\ at = 1
  /\ phase = "begin"
  /\ key = 0
  /\ crashes = 0

\* Before step s runs: choose the key the service will see for this attempt.
BeginStep(s) ==
  /\ key' = nextKey
  /\ nextKey' = nextKey + 1
  /\ UNCHANGED started

Begin ==
  /\ phase = "begin"
  /\ at \in Steps
  /\ IF at \in done
     THEN /\ at' = at + 1                     \* replay: skip a finished step
          /\ UNCHANGED <<started, nextKey, key, phase>>
     ELSE /\ BeginStep(at)
          /\ phase' = "call"
          /\ UNCHANGED at
  /\ UNCHANGED <INSTANCE <done, applied, effects, crashes>>

\* The call reaches the service, which applies it unless it knows the key.
Call ==
  /\ phase = "call"
  /\ IF key \in applied
     THEN UNCHANGED <<applied, effects>>
     ELSE /\ applied' = applied \cup {key}
          /\ effects' = [effects EXCEPT ![at] = @ + 1]
  /\ phase' = "return"
  /\ UNCHANGED <<started, done, nextKey, at, key, crashes>>

\* The call returned: checkpoint "done", go on to the next step.
Return ==
  /\ phase = "return"
  /\ done' = done \cup {at}
  /\ at' = at + 1
  /\ phase' = "begin"
  /\ UNCHANGED <<started, nextKey, applied, effects, key, crashes>>

\* The worker dies; a new one replays the workflow from the log.
(* the worker cannot know whether its call reached the service. The    crashes < MaxCrashes
  /\ at \in Steps
  /\ crashes' = crashes + 1
  /\ at' = 1
  /\ phase' = "begin"
  /\ key' = 0
  /\ UNCHANGED <<started, done, nextKey, applied, effects>>

Next == Begin \/ Call \/ Return \/ Crash

Spec == Init /\ [][Next]_vars /\ WF_vars(Begin \/ Call \/ Return)

\* Safety: no step's effect happens twice.
EffectAtMostOnce == \A s \in Steps : effects[s] <= 1

\* Liveness: the workflow finishes, every step's effect having happened.
Completes == <>(at = LastStep + 1 /\ \A s \in Steps : effects[s] >= 1)
===============================================================================
