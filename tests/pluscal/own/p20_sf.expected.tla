\* pcal-args: -sf
---- MODULE p20_sf ----
EXTENDS Naturals
(* --algorithm sfopt
variables x = 0;
process P \in 1..2
begin
  p1: x := x + 1;
  p2: x := x - 1;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "18b98f85" /\ chksum(tla) = "11d1e42b")
VARIABLES pc, x

vars == << pc, x >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ x = 0
        /\ pc = [self \in ProcSet |-> "p1"]

p1(self) == /\ pc[self] = "p1"
            /\ x' = x + 1
            /\ pc' = [pc EXCEPT ![self] = "p2"]

p2(self) == /\ pc[self] = "p2"
            /\ x' = x - 1
            /\ pc' = [pc EXCEPT ![self] = "Done"]

P(self) == p1(self) \/ p2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..2: P(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in 1..2 : SF_vars(P(self))

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
