\* pcal-args: -lineWidth 60
---- MODULE p36_lineWidth ----
EXTENDS Naturals
(* --algorithm lw
variables alpha = 0, beta = 0, gamma = 0, delta = 0, epsilon = 0, zeta = 0;
process LongProcessName \in {"first", "second", "third"}
variables localOne = 1, localTwo = 2;
begin
  l1: alpha := alpha + localOne || beta := beta + localTwo;
  l2: gamma := alpha + beta + localOne + localTwo + delta + epsilon + zeta;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "48ee93d5" /\ chksum(tla) = "eecfc86c")
VARIABLES pc, alpha, beta, gamma, delta, epsilon, zeta, 
          localOne, localTwo

vars == << pc, alpha, beta, gamma, delta, epsilon, zeta, 
           localOne, localTwo >>

ProcSet == ({"first", "second", "third"})

Init == (* Global variables *)
        /\ alpha = 0
        /\ beta = 0
        /\ gamma = 0
        /\ delta = 0
        /\ epsilon = 0
        /\ zeta = 0
        (* Process LongProcessName *)
        /\ localOne = [self \in {"first", "second", "third"} |-> 1]
        /\ localTwo = [self \in {"first", "second", "third"} |-> 2]
        /\ pc = [self \in ProcSet |-> "l1"]

l1(self) == /\ pc[self] = "l1"
            /\ /\ alpha' = alpha + localOne[self]
               /\ beta' = beta + localTwo[self]
            /\ pc' = [pc EXCEPT ![self] = "l2"]
            /\ UNCHANGED << gamma, delta, epsilon, zeta, 
                            localOne, localTwo >>

l2(self) == /\ pc[self] = "l2"
            /\ gamma' = alpha + beta + localOne[self] + localTwo[self] + delta + epsilon + zeta
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << alpha, beta, delta, epsilon, 
                            zeta, localOne, localTwo >>

LongProcessName(self) == l1(self) \/ l2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in {"first", "second", "third"}: LongProcessName(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
