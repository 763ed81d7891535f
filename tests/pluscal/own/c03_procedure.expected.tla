---- MODULE c03_procedure ----
EXTENDS Naturals
(* --algorithm cproc {
  variables res = 0;
  procedure Max(a, b)
    variable m = 0;
  {
    p1: if (a > b) m := a else m := b;
    p2: res := m;
        return;
  }
  procedure Noop() { n1: return; }
  process (P \in 1..2) {
    q1: call Max(self, 1);
    q2: call Noop();
    q3: res := res + 1;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "8a197264" /\ chksum(tla) = "483f3dcd")
CONSTANT defaultInitValue
VARIABLES pc, res, stack, a, b, m

vars == << pc, res, stack, a, b, m >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ res = 0
        (* Procedure Max *)
        /\ a = [ self \in ProcSet |-> defaultInitValue]
        /\ b = [ self \in ProcSet |-> defaultInitValue]
        /\ m = [ self \in ProcSet |-> 0]
        /\ stack = [self \in ProcSet |-> << >>]
        /\ pc = [self \in ProcSet |-> "q1"]

p1(self) == /\ pc[self] = "p1"
            /\ IF a[self] > b[self]
                  THEN /\ m' = [m EXCEPT ![self] = a[self]]
                  ELSE /\ m' = [m EXCEPT ![self] = b[self]]
            /\ pc' = [pc EXCEPT ![self] = "p2"]
            /\ UNCHANGED << res, stack, a, b >>

p2(self) == /\ pc[self] = "p2"
            /\ res' = m[self]
            /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
            /\ m' = [m EXCEPT ![self] = Head(stack[self]).m]
            /\ a' = [a EXCEPT ![self] = Head(stack[self]).a]
            /\ b' = [b EXCEPT ![self] = Head(stack[self]).b]
            /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]

Max(self) == p1(self) \/ p2(self)

n1(self) == /\ pc[self] = "n1"
            /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
            /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]
            /\ UNCHANGED << res, a, b, m >>

Noop(self) == n1(self)

q1(self) == /\ pc[self] = "q1"
            /\ /\ a' = [a EXCEPT ![self] = self]
               /\ b' = [b EXCEPT ![self] = 1]
               /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Max",
                                                        pc        |->  "q2",
                                                        m         |->  m[self],
                                                        a         |->  a[self],
                                                        b         |->  b[self] ] >>
                                                    \o stack[self]]
            /\ m' = [m EXCEPT ![self] = 0]
            /\ pc' = [pc EXCEPT ![self] = "p1"]
            /\ res' = res

q2(self) == /\ pc[self] = "q2"
            /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Noop",
                                                     pc        |->  "q3" ] >>
                                                 \o stack[self]]
            /\ pc' = [pc EXCEPT ![self] = "n1"]
            /\ UNCHANGED << res, a, b, m >>

q3(self) == /\ pc[self] = "q3"
            /\ res' = res + 1
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << stack, a, b, m >>

P(self) == q1(self) \/ q2(self) \/ q3(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in ProcSet: Max(self) \/ Noop(self))
           \/ (\E self \in 1..2: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
