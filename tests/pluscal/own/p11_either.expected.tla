---- MODULE p11_either ----
EXTENDS Naturals
(* --algorithm eith
variables x = 0, y = 0;
process P \in 1..2
begin
  e1: either x := 1;
      or     y := 1;
      or     x := 2; y := 2;
      end either;
  e2: either
        x := x + 1;
        e3: y := y + 1;
      or
        skip;
      end either;
  e4: x := 0;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "c34ab4ef" /\ chksum(tla) = "3646a5f")
VARIABLES pc, x, y

vars == << pc, x, y >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ x = 0
        /\ y = 0
        /\ pc = [self \in ProcSet |-> "e1"]

e1(self) == /\ pc[self] = "e1"
            /\ \/ /\ x' = 1
                  /\ y' = y
               \/ /\ y' = 1
                  /\ x' = x
               \/ /\ x' = 2
                  /\ y' = 2
            /\ pc' = [pc EXCEPT ![self] = "e2"]

e2(self) == /\ pc[self] = "e2"
            /\ \/ /\ x' = x + 1
                  /\ pc' = [pc EXCEPT ![self] = "e3"]
               \/ /\ TRUE
                  /\ pc' = [pc EXCEPT ![self] = "e4"]
                  /\ x' = x
            /\ y' = y

e3(self) == /\ pc[self] = "e3"
            /\ y' = y + 1
            /\ pc' = [pc EXCEPT ![self] = "e4"]
            /\ x' = x

e4(self) == /\ pc[self] = "e4"
            /\ x' = 0
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ y' = y

P(self) == e1(self) \/ e2(self) \/ e3(self) \/ e4(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..2: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
