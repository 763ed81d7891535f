---- MODULE c14_termination_wf ----
EXTENDS Naturals
(* PlusCal options (-termination -sf) *)
(* --algorithm ctw {
  variables x = 0;
  procedure Inc() { i1: x := x + 1; return }
  fair process (P \in 1..2) { p1: call Inc() }
  process (Q = 3) { q1: x := 0 }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "22c5f759" /\ chksum(tla) = "32cf77bb")
VARIABLES pc, x, stack

vars == << pc, x, stack >>

ProcSet == (1..2) \cup {3}

Init == (* Global variables *)
        /\ x = 0
        /\ stack = [self \in ProcSet |-> << >>]
        /\ pc = [self \in ProcSet |-> CASE self \in 1..2 -> "p1"
                                        [] self = 3 -> "q1"]

i1(self) == /\ pc[self] = "i1"
            /\ x' = x + 1
            /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
            /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]

Inc(self) == i1(self)

p1(self) == /\ pc[self] = "p1"
            /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Inc",
                                                     pc        |->  "Done" ] >>
                                                 \o stack[self]]
            /\ pc' = [pc EXCEPT ![self] = "i1"]
            /\ x' = x

P(self) == p1(self)

q1 == /\ pc[3] = "q1"
      /\ x' = 0
      /\ pc' = [pc EXCEPT ![3] = "Done"]
      /\ stack' = stack

Q == q1

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == Q
           \/ (\E self \in ProcSet: Inc(self))
           \/ (\E self \in 1..2: P(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in 1..2 : WF_vars(P(self)) /\ WF_vars(Inc(self))
        /\ SF_vars(Q)

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
