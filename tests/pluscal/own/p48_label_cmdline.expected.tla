\* pcal-args: -label -labelRoot L
---- MODULE p48_label_cmdline ----
EXTENDS Naturals

(* --algorithm lroot
variables x = 0;
procedure Pr() begin
  r1: x := x + 1;
      return;
end procedure;
process P \in 1..2
begin
  p1: call Pr();
      x := x + 1;
      while x < 5 do
        x := x + 1;
      end while;
      x := 0;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "50ecb954" /\ chksum(tla) = "b6b4a516")
VARIABLES pc, x, stack

vars == << pc, x, stack >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ x = 0
        /\ stack = [self \in ProcSet |-> << >>]
        /\ pc = [self \in ProcSet |-> "p1"]

r1(self) == /\ pc[self] = "r1"
            /\ x' = x + 1
            /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
            /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]

Pr(self) == r1(self)

p1(self) == /\ pc[self] = "p1"
            /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Pr",
                                                     pc        |->  "L1" ] >>
                                                 \o stack[self]]
            /\ pc' = [pc EXCEPT ![self] = "r1"]
            /\ x' = x

L1(self) == /\ pc[self] = "L1"
            /\ x' = x + 1
            /\ pc' = [pc EXCEPT ![self] = "L2"]
            /\ stack' = stack

L2(self) == /\ pc[self] = "L2"
            /\ IF x < 5
                  THEN /\ x' = x + 1
                       /\ pc' = [pc EXCEPT ![self] = "L2"]
                  ELSE /\ x' = 0
                       /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ stack' = stack

P(self) == p1(self) \/ L1(self) \/ L2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in ProcSet: Pr(self))
           \/ (\E self \in 1..2: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
