--------------------------- MODULE RecordsOfFunctions ---------------------------
(***************************************************************************)
(* A leader election with the whole state in one record of functions, as  *)
(* consensus specs often keep it: s.term[n], s.votedFor[n], s.votes[n],    *)
(* s.role[n], updated with nested EXCEPT paths (!.term[n], !.votes[n]).    *)
(* Quorum is the number of votes a candidate needs: with a majority there *)
(* is at most one leader per term; with Quorum = 1 there are two.          *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Node, MaxTerm, Quorum, Nil

VARIABLE s

Roles == {"follower", "candidate", "leader"}

TypeOK ==
    s \in [term : [Node -> 0..MaxTerm],
           votedFor : [Node -> Node \cup {Nil}],
           votes : [Node -> SUBSET Node],
           role : [Node -> Roles]]

Init ==
    s = [term |-> [n \in Node |-> 0],
         votedFor |-> [n \in Node |-> Nil],
         votes |-> [n \in Node |-> {}],
         role |-> [n \in Node |-> "follower"]]

Timeout(n) ==
    /\ s.role[n] # "leader"
    /\ s.term[n] < MaxTerm
    /\ s' = [s EXCEPT !.term[n] = @ + 1, !.role[n] = "candidate", !.votedFor[n] = n, !.votes[n] = {n}]

\* m grants its vote to candidate n for n's term.
Vote(m, n) ==
    /\ s.role[n] = "candidate"
    /\ s.term[m] < s.term[n] \/ (s.term[m] = s.term[n] /\ s.votedFor[m] = Nil)
    /\ s' = [s EXCEPT !.term[m] = s.term[n], !.votedFor[m] = n, !.role[m] = "follower",
                      !.votes[n] = @ \cup {m}]

BecomeLeader(n) ==
    /\ s.role[n] = "candidate"
    /\ Cardinality(s.votes[n]) >= Quorum
    /\ s' = [s EXCEPT !.role[n] = "leader"]

Next == \E n \in Node : Timeout(n) \/ BecomeLeader(n) \/ \E m \in Node \ {n} : Vote(m, n)

OneLeaderPerTerm ==
    \A a, b \in Node : (s.role[a] = "leader" /\ s.role[b] = "leader" /\ s.term[a] = s.term[b]) => a = b

Leaders == {n \in Node : s.role[n] = "leader"}
================================================================================
