---- MODULE RegSym ----
(* A replicated register with symmetric servers: a client writes versioned values through any
   server, servers gossip their latest (version, value) by messages, and a server may crash and
   recover with its stored copy. Written for specstage's bench (SYMMETRY: 23 permutations of 4 servers). *)
EXTENDS Naturals, FiniteSets, TLC
CONSTANTS Server, Val, MaxVer
VARIABLES store, up, msgs, ver

vars == <<store, up, msgs, ver>>

Init ==
  /\ store = [s \in Server |-> [ver |-> 0, val |-> CHOOSE v \in Val : TRUE]]
  /\ up = Server
  /\ msgs = {}
  /\ ver = 0

Write(s, v) ==
  /\ s \in up
  /\ ver < MaxVer
  /\ ver' = ver + 1
  /\ store' = [store EXCEPT ![s] = [ver |-> ver + 1, val |-> v]]
  /\ msgs' = msgs \cup {[from |-> s, to |-> t, ver |-> ver + 1, val |-> v] : t \in Server \ {s}}
  /\ UNCHANGED up

Deliver(m) ==
  /\ m.to \in up
  /\ msgs' = msgs \ {m}
  /\ store' = IF m.ver > store[m.to].ver
                THEN [store EXCEPT ![m.to] = [ver |-> m.ver, val |-> m.val]]
                ELSE store
  /\ UNCHANGED <<up, ver>>

Gossip(s, t) ==
  /\ s \in up /\ s /= t
  /\ store[s].ver > store[t].ver
  /\ msgs' = msgs \cup {[from |-> s, to |-> t, ver |-> store[s].ver, val |-> store[s].val]}
  /\ UNCHANGED <<store, up, ver>>

Crash(s) ==
  /\ s \in up
  /\ Cardinality(up) > 1
  /\ up' = up \ {s}
  /\ msgs' = {m \in msgs : m.to /= s}
  /\ UNCHANGED <<store, ver>>

Recover(s) ==
  /\ s \notin up
  /\ up' = up \cup {s}
  /\ UNCHANGED <<store, msgs, ver>>

Next ==
  \/ \E s \in Server, v \in Val : Write(s, v)
  \/ \E m \in msgs : Deliver(m)
  \/ \E s, t \in Server : Gossip(s, t)
  \/ \E s \in Server : Crash(s) \/ Recover(s)

Spec == Init /\ [][Next]_vars

Perms == Permutations(Server)

TypeOK ==
  /\ up \subseteq Server
  /\ \A s \in Server : store[s].ver \in 0..MaxVer
VersionsBounded == \A m \in msgs : m.ver <= ver
====
