---- MODULE p28_rename ----
EXTENDS Naturals
(* --algorithm ren
variables x = 0;
procedure A(v) variable t = 1; begin
  lab: x := v + t;
       return;
end procedure;
procedure B(v) variable t = 2; begin
  lab: x := v * t;
       return;
end procedure;
process P = 1
variable t = 3;
begin
  lab: call A(t);
  p2: call B(t);
end process;
process Q = 2
variable t = 4;
begin
  q1: t := t + 1;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "ec159258" /\ chksum(tla) = "3760c7c5")
\* Label lab of procedure A at line 6 col 8 changed to lab_
\* Label lab of procedure B at line 10 col 8 changed to lab_B
\* Process variable t of process P at line 14 col 10 changed to t_
\* Process variable t of process Q at line 20 col 10 changed to t_Q
\* Procedure variable t of procedure A at line 5 col 25 changed to t_A
\* Parameter v of procedure A at line 5 col 13 changed to v_
CONSTANT defaultInitValue
VARIABLES pc, x, stack, v_, t_A, v, t, t_, t_Q

vars == << pc, x, stack, v_, t_A, v, t, t_, t_Q >>

ProcSet == {1} \cup {2}

Init == (* Global variables *)
        /\ x = 0
        (* Procedure A *)
        /\ v_ = [ self \in ProcSet |-> defaultInitValue]
        /\ t_A = [ self \in ProcSet |-> 1]
        (* Procedure B *)
        /\ v = [ self \in ProcSet |-> defaultInitValue]
        /\ t = [ self \in ProcSet |-> 2]
        (* Process P *)
        /\ t_ = 3
        (* Process Q *)
        /\ t_Q = 4
        /\ stack = [self \in ProcSet |-> << >>]
        /\ pc = [self \in ProcSet |-> CASE self = 1 -> "lab"
                                        [] self = 2 -> "q1"]

lab_(self) == /\ pc[self] = "lab_"
              /\ x' = v_[self] + t_A[self]
              /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
              /\ t_A' = [t_A EXCEPT ![self] = Head(stack[self]).t_A]
              /\ v_' = [v_ EXCEPT ![self] = Head(stack[self]).v_]
              /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]
              /\ UNCHANGED << v, t, t_, t_Q >>

A(self) == lab_(self)

lab_B(self) == /\ pc[self] = "lab_B"
               /\ x' = v[self] * t[self]
               /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
               /\ t' = [t EXCEPT ![self] = Head(stack[self]).t]
               /\ v' = [v EXCEPT ![self] = Head(stack[self]).v]
               /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]
               /\ UNCHANGED << v_, t_A, t_, t_Q >>

B(self) == lab_B(self)

lab == /\ pc[1] = "lab"
       /\ /\ stack' = [stack EXCEPT ![1] = << [ procedure |->  "A",
                                                pc        |->  "p2",
                                                t_A       |->  t_A[1],
                                                v_        |->  v_[1] ] >>
                                            \o stack[1]]
          /\ v_' = [v_ EXCEPT ![1] = t_]
       /\ t_A' = [t_A EXCEPT ![1] = 1]
       /\ pc' = [pc EXCEPT ![1] = "lab_"]
       /\ UNCHANGED << x, v, t, t_, t_Q >>

p2 == /\ pc[1] = "p2"
      /\ /\ stack' = [stack EXCEPT ![1] = << [ procedure |->  "B",
                                               pc        |->  "Done",
                                               t         |->  t[1],
                                               v         |->  v[1] ] >>
                                           \o stack[1]]
         /\ v' = [v EXCEPT ![1] = t_]
      /\ t' = [t EXCEPT ![1] = 2]
      /\ pc' = [pc EXCEPT ![1] = "lab_B"]
      /\ UNCHANGED << x, v_, t_A, t_, t_Q >>

P == lab \/ p2

q1 == /\ pc[2] = "q1"
      /\ t_Q' = t_Q + 1
      /\ pc' = [pc EXCEPT ![2] = "Done"]
      /\ UNCHANGED << x, stack, v_, t_A, v, t, t_ >>

Q == q1

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == P \/ Q
           \/ (\E self \in ProcSet: A(self) \/ B(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
