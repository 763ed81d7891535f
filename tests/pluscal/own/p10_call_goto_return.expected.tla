---- MODULE p10_call_goto_return ----
EXTENDS Naturals
(* --algorithm callgoto
variables x = 0;
procedure Inc(d) begin
  i1: x := x + d;
      return;
end procedure;
procedure Outer() begin
  o1: call Inc(2);
      return;
end procedure;
process P \in {1, 2}
begin
  p1: call Inc(1);
      goto p3;
  p2: x := 100;
  p3: call Outer();
  p4: skip;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "178a1976" /\ chksum(tla) = "9e7f0ce6")
CONSTANT defaultInitValue
VARIABLES pc, x, stack, d

vars == << pc, x, stack, d >>

ProcSet == ({1, 2})

Init == (* Global variables *)
        /\ x = 0
        (* Procedure Inc *)
        /\ d = [ self \in ProcSet |-> defaultInitValue]
        /\ stack = [self \in ProcSet |-> << >>]
        /\ pc = [self \in ProcSet |-> "p1"]

i1(self) == /\ pc[self] = "i1"
            /\ x' = x + d[self]
            /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
            /\ d' = [d EXCEPT ![self] = Head(stack[self]).d]
            /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]

Inc(self) == i1(self)

o1(self) == /\ pc[self] = "o1"
            /\ /\ d' = [d EXCEPT ![self] = 2]
               /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Inc",
                                                        pc        |->  Head(stack[self]).pc,
                                                        d         |->  d[self] ] >>
                                                    \o Tail(stack[self])]
            /\ pc' = [pc EXCEPT ![self] = "i1"]
            /\ x' = x

Outer(self) == o1(self)

p1(self) == /\ pc[self] = "p1"
            /\ /\ d' = [d EXCEPT ![self] = 1]
               /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Inc",
                                                        pc        |->  "p3",
                                                        d         |->  d[self] ] >>
                                                    \o stack[self]]
            /\ pc' = [pc EXCEPT ![self] = "i1"]
            /\ x' = x

p2(self) == /\ pc[self] = "p2"
            /\ x' = 100
            /\ pc' = [pc EXCEPT ![self] = "p3"]
            /\ UNCHANGED << stack, d >>

p3(self) == /\ pc[self] = "p3"
            /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Outer",
                                                     pc        |->  "p4" ] >>
                                                 \o stack[self]]
            /\ pc' = [pc EXCEPT ![self] = "o1"]
            /\ UNCHANGED << x, d >>

p4(self) == /\ pc[self] = "p4"
            /\ TRUE
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << x, stack, d >>

P(self) == p1(self) \/ p2(self) \/ p3(self) \/ p4(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in ProcSet: Inc(self) \/ Outer(self))
           \/ (\E self \in {1, 2}: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
