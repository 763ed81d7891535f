---- MODULE p26_while_true_labels ----
EXTENDS Naturals
(* --algorithm wtl
variables x = 0;
process P \in 1..2
begin
  loop: while TRUE do
          x := x + 1;
          inner: x := x - 1;
        end while;
end process;
process Q = 3
begin
  q: x := 0;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "1327d7a2" /\ chksum(tla) = "39c7fa48")
VARIABLES pc, x

vars == << pc, x >>

ProcSet == (1..2) \cup {3}

Init == (* Global variables *)
        /\ x = 0
        /\ pc = [self \in ProcSet |-> CASE self \in 1..2 -> "loop"
                                        [] self = 3 -> "q"]

loop(self) == /\ pc[self] = "loop"
              /\ x' = x + 1
              /\ pc' = [pc EXCEPT ![self] = "inner"]

inner(self) == /\ pc[self] = "inner"
               /\ x' = x - 1
               /\ pc' = [pc EXCEPT ![self] = "loop"]

P(self) == loop(self) \/ inner(self)

q == /\ pc[3] = "q"
     /\ x' = 0
     /\ pc' = [pc EXCEPT ![3] = "Done"]

Q == q

Next == Q
           \/ (\E self \in 1..2: P(self))

Spec == Init /\ [][Next]_vars

\* END TRANSLATION 
====
