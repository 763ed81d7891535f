---- MODULE ViewSymmetry ----
EXTENDS Naturals, FiniteSets, TLC
CONSTANT Server
VARIABLES term, voted, msgs, steps
vars == <<term, voted, msgs, steps>>
Init == term = [s \in Server |-> 0] /\ voted = [s \in Server |-> {}] /\ msgs = {} /\ steps = 0
Timeout(s) == term[s] < 2 /\ term' = [term EXCEPT ![s] = @ + 1]
              /\ msgs' = msgs \cup {[from |-> s, t |-> term[s] + 1]}
              /\ steps' = (steps + 1) % 3 /\ UNCHANGED voted
Vote(s, m) == m \in msgs /\ m.t > term[s] /\ term' = [term EXCEPT ![s] = m.t]
              /\ voted' = [voted EXCEPT ![s] = @ \cup {m.from}] /\ UNCHANGED msgs
              /\ steps' = (steps + 1) % 3
Next == \E s \in Server : Timeout(s) \/ \E m \in msgs : Vote(s, m)
View == <<term, voted, msgs>>
Sym == Permutations(Server)
====
