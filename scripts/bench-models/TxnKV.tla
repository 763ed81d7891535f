---- MODULE TxnKV ----
(* A key-value store with snapshot isolation: each transaction works on a snapshot of the store
   taken when it opens, and commits its writes unless another transaction committed a write to a
   key it wrote since (records, functions and sets of keys). Written for specstage's bench. *)
EXTENDS Naturals, FiniteSets
CONSTANTS Key, Val, TxId, NoVal
VARIABLES store, tx, snap, written, missed

vars == <<store, tx, snap, written, missed>>
Empty == [k \in Key |-> NoVal]

TypeOK ==
  /\ store \in [Key -> Val \cup {NoVal}]
  /\ tx \subseteq TxId
  /\ snap \in [TxId -> [Key -> Val \cup {NoVal}]]
  /\ written \in [TxId -> SUBSET Key]
  /\ missed \in [TxId -> SUBSET Key]

Init ==
  /\ store = Empty
  /\ tx = {}
  /\ snap = [t \in TxId |-> Empty]
  /\ written = [t \in TxId |-> {}]
  /\ missed = [t \in TxId |-> {}]

Open(t) ==
  /\ t \notin tx
  /\ tx' = tx \cup {t}
  /\ snap' = [snap EXCEPT ![t] = store]
  /\ UNCHANGED <<store, written, missed>>

Write(t, k, v) ==
  /\ t \in tx
  /\ snap[t][k] /= v
  /\ snap' = [snap EXCEPT ![t][k] = v]
  /\ written' = [written EXCEPT ![t] = @ \cup {k}]
  /\ UNCHANGED <<store, tx, missed>>

Remove(t, k) ==
  /\ t \in tx
  /\ snap[t][k] /= NoVal
  /\ snap' = [snap EXCEPT ![t][k] = NoVal]
  /\ written' = [written EXCEPT ![t] = @ \cup {k}]
  /\ UNCHANGED <<store, tx, missed>>

Abort(t) ==
  /\ t \in tx
  /\ tx' = tx \ {t}
  /\ snap' = [snap EXCEPT ![t] = Empty]
  /\ written' = [written EXCEPT ![t] = {}]
  /\ missed' = [missed EXCEPT ![t] = {}]
  /\ UNCHANGED store

Commit(t) ==
  /\ t \in tx
  /\ missed[t] \cap written[t] = {}
  /\ store' = [k \in Key |-> IF k \in written[t] THEN snap[t][k] ELSE store[k]]
  /\ tx' = tx \ {t}
  /\ missed' = [u \in TxId |-> IF u \in tx' THEN missed[u] \cup written[t] ELSE {}]
  /\ snap' = [snap EXCEPT ![t] = Empty]
  /\ written' = [written EXCEPT ![t] = {}]

Next ==
  \E t \in TxId :
    \/ Open(t)
    \/ Abort(t)
    \/ Commit(t)
    \/ \E k \in Key : Remove(t, k) \/ \E v \in Val : Write(t, k, v)

Spec == Init /\ [][Next]_vars

\* A key an open transaction has neither written nor seen committed since it opened reads as the store.
SnapshotConsistent ==
  \A t \in tx : \A k \in Key \ (written[t] \cup missed[t]) : snap[t][k] = store[k]
WrittenInSnap == \A t \in TxId : t \notin tx => written[t] = {} /\ snap[t] = Empty
====
