---------------------------- MODULE StaleReconcile ----------------------------
(***************************************************************************)
(* A controller keeps a number of replicas running, as a Kubernetes       *)
(* ReplicaSet controller does. It does not ask the cluster how many pods   *)
(* run: it reads its cache, which a watch stream brings up to date later.  *)
(* After it creates a pod its cache still shows the old count, so the next *)
(* pass of the loop may act on that stale read and create another pod.    *)
(*                                                                         *)
(* The cluster's quota allows Quota pods; the controller must not ask for  *)
(* more, whatever happened to the pods before.                            *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS Desired, Quota

VARIABLES
  pods,    \* pods running in the cluster
  cache    \* the count in the controller's cache

vars == <<pods, cache>>

TypeOK == pods \in Nat /\ cache \in Nat

Init == pods = Desired /\ cache = Desired

\* The watch stream delivers the cluster's current count to the cache.
Observe ==
  /\ cache # pods
  /\ cache' = pods
  /\ UNCHANGED pods

\* One pass of the loop: compare the cache with the desired count and act.
Reconcile ==
  /\ cache # Desired
  /\ pods' = IF cache < Desired THEN pods + 1 ELSE pods - 1
  /\ UNCHANGED cache

\* A node fails and takes a pod with it.
PodDies ==
  /\ pods > 0
  /\ pods' = pods - 1
  /\ UNCHANGED cache

Next == Observe \/ Reconcile \/ PodDies

Spec == Init /\ [][Next]_vars

WithinQuota == pods <= Quota
================================================================================
