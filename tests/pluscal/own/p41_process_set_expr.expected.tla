---- MODULE p41_process_set_expr ----
EXTENDS Naturals
CONSTANTS N, M
(* --algorithm pse
variables x = [i \in 1..N+M |-> 0];
process Low \in 1..N
begin
  l1: x[self] := 1;
end process;
process High \in (N+1)..(N+M)
variable z \in {1, 2};
begin
  h1: x[self] := z;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "8b4e2517" /\ chksum(tla) = "a9bf74cb")
VARIABLES pc, x, z

vars == << pc, x, z >>

ProcSet == (1..N) \cup ((N+1)..(N+M))

Init == (* Global variables *)
        /\ x = [i \in 1..N+M |-> 0]
        (* Process High *)
        /\ z \in [(N+1)..(N+M) -> {1, 2}]
        /\ pc = [self \in ProcSet |-> CASE self \in 1..N -> "l1"
                                        [] self \in (N+1)..(N+M) -> "h1"]

l1(self) == /\ pc[self] = "l1"
            /\ x' = [x EXCEPT ![self] = 1]
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ z' = z

Low(self) == l1(self)

h1(self) == /\ pc[self] = "h1"
            /\ x' = [x EXCEPT ![self] = z[self]]
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ z' = z

High(self) == h1(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..N: Low(self))
           \/ (\E self \in (N+1)..(N+M): High(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
