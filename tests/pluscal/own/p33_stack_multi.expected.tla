---- MODULE p33_stack_multi ----
EXTENDS Naturals
(* --algorithm stk
variables total = 0;
procedure Sum(k = 0)
variables i = 0, acc = 0;
begin
  s1: while i < k do
        acc := acc + i;
        i := i + 1;
      end while;
  s2: total := total + acc;
      return;
end procedure;
procedure Twice(k) begin
  t1: call Sum(k);
  t2: call Sum(k);
      return;
end procedure;
process P \in 1..2
variable r = 0;
begin
  p1: call Twice(self);
  p2: r := total;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "b010634e" /\ chksum(tla) = "dc845bb2")
\* Parameter k of procedure Sum at line 5 col 15 changed to k_
CONSTANT defaultInitValue
VARIABLES pc, total, stack, k_, i, acc, k, r

vars == << pc, total, stack, k_, i, acc, k, r >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ total = 0
        (* Procedure Sum *)
        /\ k_ = [ self \in ProcSet |-> 0]
        /\ i = [ self \in ProcSet |-> 0]
        /\ acc = [ self \in ProcSet |-> 0]
        (* Procedure Twice *)
        /\ k = [ self \in ProcSet |-> defaultInitValue]
        (* Process P *)
        /\ r = [self \in 1..2 |-> 0]
        /\ stack = [self \in ProcSet |-> << >>]
        /\ pc = [self \in ProcSet |-> "p1"]

s1(self) == /\ pc[self] = "s1"
            /\ IF i[self] < k_[self]
                  THEN /\ acc' = [acc EXCEPT ![self] = acc[self] + i[self]]
                       /\ i' = [i EXCEPT ![self] = i[self] + 1]
                       /\ pc' = [pc EXCEPT ![self] = "s1"]
                  ELSE /\ pc' = [pc EXCEPT ![self] = "s2"]
                       /\ UNCHANGED << i, acc >>
            /\ UNCHANGED << total, stack, k_, k, r >>

s2(self) == /\ pc[self] = "s2"
            /\ total' = total + acc[self]
            /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
            /\ i' = [i EXCEPT ![self] = Head(stack[self]).i]
            /\ acc' = [acc EXCEPT ![self] = Head(stack[self]).acc]
            /\ k_' = [k_ EXCEPT ![self] = Head(stack[self]).k_]
            /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]
            /\ UNCHANGED << k, r >>

Sum(self) == s1(self) \/ s2(self)

t1(self) == /\ pc[self] = "t1"
            /\ /\ k_' = [k_ EXCEPT ![self] = k[self]]
               /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Sum",
                                                        pc        |->  "t2",
                                                        i         |->  i[self],
                                                        acc       |->  acc[self],
                                                        k_        |->  k_[self] ] >>
                                                    \o stack[self]]
            /\ i' = [i EXCEPT ![self] = 0]
            /\ acc' = [acc EXCEPT ![self] = 0]
            /\ pc' = [pc EXCEPT ![self] = "s1"]
            /\ UNCHANGED << total, k, r >>

t2(self) == /\ pc[self] = "t2"
            /\ /\ k_' = [k_ EXCEPT ![self] = k[self]]
               /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Sum",
                                                        pc        |->  Head(stack[self]).pc,
                                                        i         |->  i[self],
                                                        acc       |->  acc[self],
                                                        k_        |->  k_[self] ] >>
                                                    \o Tail(stack[self])]
            /\ i' = [i EXCEPT ![self] = 0]
            /\ acc' = [acc EXCEPT ![self] = 0]
            /\ pc' = [pc EXCEPT ![self] = "s1"]
            /\ UNCHANGED << total, k, r >>

Twice(self) == t1(self) \/ t2(self)

p1(self) == /\ pc[self] = "p1"
            /\ /\ k' = [k EXCEPT ![self] = self]
               /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Twice",
                                                        pc        |->  "p2",
                                                        k         |->  k[self] ] >>
                                                    \o stack[self]]
            /\ pc' = [pc EXCEPT ![self] = "t1"]
            /\ UNCHANGED << total, k_, i, acc, r >>

p2(self) == /\ pc[self] = "p2"
            /\ r' = [r EXCEPT ![self] = total]
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << total, stack, k_, i, acc, k >>

P(self) == p1(self) \/ p2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in ProcSet: Sum(self) \/ Twice(self))
           \/ (\E self \in 1..2: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
