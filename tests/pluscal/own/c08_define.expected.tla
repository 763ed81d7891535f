---- MODULE c08_define ----
EXTENDS Naturals
(* --algorithm cdef {
  variables a = 0, b = 0;
  define {
    Total == a + b
    Ok == Total < 4
  }
  process (P \in 1..2) {
    p1: await Ok;
        a := a + 1;
    p2: when Total > 0;
        b := b + 1;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "5650ae4" /\ chksum(tla) = "32c237cd")
VARIABLES pc, a, b

(* define statement *)
Total == a + b
Ok == Total < 4


vars == << pc, a, b >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ a = 0
        /\ b = 0
        /\ pc = [self \in ProcSet |-> "p1"]

p1(self) == /\ pc[self] = "p1"
            /\ Ok
            /\ a' = a + 1
            /\ pc' = [pc EXCEPT ![self] = "p2"]
            /\ b' = b

p2(self) == /\ pc[self] = "p2"
            /\ Total > 0
            /\ b' = b + 1
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ a' = a

P(self) == p1(self) \/ p2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..2: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
