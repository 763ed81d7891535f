---- MODULE p13_await_when ----
EXTENDS Naturals
(* --algorithm aw
variables turn = 1, done = {};
process Q \in 1..3
begin
  q1: await turn = self;
  q2: done := done \cup {self};
      turn := turn + 1;
  q3: when Cardinality(done) = 3;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "84665759" /\ chksum(tla) = "1c860131")
VARIABLES pc, turn, done

vars == << pc, turn, done >>

ProcSet == (1..3)

Init == (* Global variables *)
        /\ turn = 1
        /\ done = {}
        /\ pc = [self \in ProcSet |-> "q1"]

q1(self) == /\ pc[self] = "q1"
            /\ turn = self
            /\ pc' = [pc EXCEPT ![self] = "q2"]
            /\ UNCHANGED << turn, done >>

q2(self) == /\ pc[self] = "q2"
            /\ done' = (done \cup {self})
            /\ turn' = turn + 1
            /\ pc' = [pc EXCEPT ![self] = "q3"]

q3(self) == /\ pc[self] = "q3"
            /\ Cardinality(done) = 3
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << turn, done >>

Q(self) == q1(self) \/ q2(self) \/ q3(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..3: Q(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
