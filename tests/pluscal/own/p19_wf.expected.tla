---- MODULE p19_wf ----
EXTENDS Naturals
(* PlusCal options (wf) *)
(* --algorithm wfopt
variables x = 0;
procedure Pr() begin
  r1: x := x + 1;
      return;
end procedure;
process P \in 1..2
begin
  p1: call Pr();
end process;
process Q = 3
begin
  q1: x := 0;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "4b77ea2b" /\ chksum(tla) = "bb73536a")
VARIABLES pc, x, stack

vars == << pc, x, stack >>

ProcSet == (1..2) \cup {3}

Init == (* Global variables *)
        /\ x = 0
        /\ stack = [self \in ProcSet |-> << >>]
        /\ pc = [self \in ProcSet |-> CASE self \in 1..2 -> "p1"
                                        [] self = 3 -> "q1"]

r1(self) == /\ pc[self] = "r1"
            /\ x' = x + 1
            /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
            /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]

Pr(self) == r1(self)

p1(self) == /\ pc[self] = "p1"
            /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Pr",
                                                     pc        |->  "Done" ] >>
                                                 \o stack[self]]
            /\ pc' = [pc EXCEPT ![self] = "r1"]
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
           \/ (\E self \in ProcSet: Pr(self))
           \/ (\E self \in 1..2: P(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in 1..2 : WF_vars(P(self)) /\ WF_vars(Pr(self))
        /\ WF_vars(Q)

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
