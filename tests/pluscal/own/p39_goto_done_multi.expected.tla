---- MODULE p39_goto_done_multi ----
EXTENDS Naturals
(* --algorithm gdm
variables x = 0;
process P \in 1..2
begin
  a: x := x + 1;
     if x > 2 then goto Done end if;
  b: goto a;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "5fbcba05" /\ chksum(tla) = "bec8b990")
VARIABLES pc, x

vars == << pc, x >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ x = 0
        /\ pc = [self \in ProcSet |-> "a"]

a(self) == /\ pc[self] = "a"
           /\ x' = x + 1
           /\ IF x' > 2
                 THEN /\ pc' = [pc EXCEPT ![self] = "Done"]
                 ELSE /\ pc' = [pc EXCEPT ![self] = "b"]

b(self) == /\ pc[self] = "b"
           /\ pc' = [pc EXCEPT ![self] = "a"]
           /\ x' = x

P(self) == a(self) \/ b(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..2: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
