---- MODULE p05_fair_kinds ----
EXTENDS Naturals
(* --algorithm fairkinds
variables x = 0;
fair process A = 1
begin
  a1: x := x + 1;
  a2:- x := x + 2;
end process;
fair+ process B = 2
begin
  b1: x := x * 2;
  b2:+ x := x - 1;
end process;
process C = 3
begin
  c1:+ x := 0;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "89a3bc20" /\ chksum(tla) = "debe64cc")
VARIABLES pc, x

vars == << pc, x >>

ProcSet == {1} \cup {2} \cup {3}

Init == (* Global variables *)
        /\ x = 0
        /\ pc = [self \in ProcSet |-> CASE self = 1 -> "a1"
                                        [] self = 2 -> "b1"
                                        [] self = 3 -> "c1"]

a1 == /\ pc[1] = "a1"
      /\ x' = x + 1
      /\ pc' = [pc EXCEPT ![1] = "a2"]

a2 == /\ pc[1] = "a2"
      /\ x' = x + 2
      /\ pc' = [pc EXCEPT ![1] = "Done"]

A == a1 \/ a2

b1 == /\ pc[2] = "b1"
      /\ x' = x * 2
      /\ pc' = [pc EXCEPT ![2] = "b2"]

b2 == /\ pc[2] = "b2"
      /\ x' = x - 1
      /\ pc' = [pc EXCEPT ![2] = "Done"]

B == b1 \/ b2

c1 == /\ pc[3] = "c1"
      /\ x' = 0
      /\ pc' = [pc EXCEPT ![3] = "Done"]

C == c1

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == A \/ B \/ C
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ WF_vars((pc[1] # "a2") /\ A)
        /\ SF_vars(B)

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
