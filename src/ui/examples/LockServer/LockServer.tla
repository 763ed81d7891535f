------------------------------ MODULE LockServer ------------------------------
(***************************************************************************)
(* A lock server with leases guards a counter in a storage service. Each   *)
(* client takes the lock, reads the counter, and writes back the value     *)
(* plus one. A lease runs out on the server's clock: if a client pauses    *)
(* (a GC pause, a slow network) the server may give the lock to another    *)
(* client while the first still believes it holds it.                      *)
(*                                                                         *)
(* Every grant comes with a token, one higher than the last. The storage   *)
(* sees the token of every read and write and remembers the newest one     *)
(* (fence), but StorageAccepts does not use it yet.                        *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS Clients, MaxGrants   \* MaxGrants bounds the model: tokens 1..MaxGrants

None == "none"

VARIABLES
  holder,     \* the server's view: the client holding the lease, or None
  nextToken,  \* the token of the next grant
  pc,         \* pc[c]: "idle", "locked" (has a lease) or "read" (has read)
  token,      \* token[c]: the token of c's last grant
  local,      \* local[c]: the value c read
  counter,    \* the storage's counter
  fence,      \* the newest token the storage has seen
  increments  \* how many writes the storage accepted: each meant "one more"

vars == <<holder, nextToken, pc, token, local, counter, fence, increments>>

TypeOK ==
  /\ holder \in Clients \cup {None}
  /\ nextToken \in 1..(MaxGrants + 1)
  /\ pc \in [Clients -> {"idle", "locked", "read"}]
  /\ token \in [Clients -> 0..MaxGrants]
  /\ local \in [Clients -> Nat]
  /\ counter \in Nat
  /\ fence \in 0..MaxGrants
  /\ increments \in Nat

Init ==
  /\ holder = None
  /\ nextToken = 1
  /\ pc = [c \in Clients |-> "idle"]
  /\ token = [c \in Clients |-> 0]
  /\ local = [c \in Clients |-> 0]
  /\ counter = 0
  /\ fence = 0
  /\ increments = 0

\* Does the storage serve a request that carries token t?
StorageAccepts(t) == TRUE

Max(a, b) == IF a > b THEN a ELSE b

Acquire(c) ==
  /\ pc[c] = "idle"
  /\ holder = None
  /\ nextToken <= MaxGrants
  /\ holder' = c
  /\ token' = [token EXCEPT ![c] = nextToken]
  /\ nextToken' = nextToken + 1
  /\ pc' = [pc EXCEPT ![c] = "locked"]
  /\ UNCHANGED <<local, counter, fence, increments>>

\* The lease ran out: the server forgets the holder, who is not told.
Expire ==
  /\ holder # None
  /\ holder' = None
  /\ UNCHANGED <<nextToken, pc, token, local, counter, fence, increments>>

Read(c) ==
  /\ pc[c] = "locked"
  /\ fence' = Max(fence, token[c])
  /\ IF StorageAccepts(token[c])
     THEN /\ local' = [local EXCEPT ![c] = counter]
          /\ pc' = [pc EXCEPT ![c] = "read"]
     ELSE /\ pc' = [pc EXCEPT ![c] = "idle"]   \* refused: c gives up
          /\ UNCHANGED local
  /\ UNCHANGED <<holder, nextToken, token, counter, increments>>

\* Write back, then release the lock (if the server still thinks c holds it).
Write(c) ==
  /\ pc[c] = "read"
  /\ fence' = Max(fence, token[c])
  /\ IF StorageAccepts(token[c])
     THEN /\ counter' = local[c] + 1
          /\ increments' = increments + 1
     ELSE UNCHANGED <<counter, increments>>
  /\ pc' = [pc EXCEPT ![c] = "idle"]
  /\ holder' = IF holder = c THEN None ELSE holder
  /\ UNCHANGED <<nextToken, token, local>>

Next ==
  \/ Expire
  \/ \E c \in Clients : Acquire(c) \/ Read(c) \/ Write(c)

Spec == Init /\ [][Next]_vars

\* No update is lost: every accepted write added one.
NoLostUpdate == counter = increments
===============================================================================
