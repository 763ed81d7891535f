---- MODULE p42_version_14 ----
EXTENDS Naturals
(* PlusCal options (-version 1.4) *)
(* --algorithm v14
variables x = 0;
process P \in 1..2
begin
  l: while TRUE do
       x := x + 1;
     end while;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "615d4a52" /\ chksum(tla) = "d9e29cc5")
VARIABLES pc, x

vars == << pc, x >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ x = 0
        /\ pc = [self \in ProcSet |-> "l"]

l(self) == /\ pc[self] = "l"
           /\ x' = x + 1
           /\ pc' = [pc EXCEPT ![self] = "l"]

P(self) == l(self)

Next == (\E self \in 1..2: P(self))

Spec == Init /\ [][Next]_vars

\* END TRANSLATION 
====
