---- MODULE c17_labels_in_ifelse ----
EXTENDS Naturals
(* --algorithm clie {
  variables x = 0;
  process (P \in 1..2) {
    a: if (x = 0) {
         x := 1;
         t: x := 2;
       } else if (x = 1) {
         e: x := 3;
       } else {
         x := 4
       };
    z: x := 0;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "d0182368" /\ chksum(tla) = "bcc21e76")
VARIABLES pc, x

vars == << pc, x >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ x = 0
        /\ pc = [self \in ProcSet |-> "a"]

a(self) == /\ pc[self] = "a"
           /\ IF x = 0
                 THEN /\ x' = 1
                      /\ pc' = [pc EXCEPT ![self] = "t"]
                 ELSE /\ IF x = 1
                            THEN /\ pc' = [pc EXCEPT ![self] = "e"]
                                 /\ x' = x
                            ELSE /\ x' = 4
                                 /\ pc' = [pc EXCEPT ![self] = "z"]

t(self) == /\ pc[self] = "t"
           /\ x' = 2
           /\ pc' = [pc EXCEPT ![self] = "z"]

e(self) == /\ pc[self] = "e"
           /\ x' = 3
           /\ pc' = [pc EXCEPT ![self] = "z"]

z(self) == /\ pc[self] = "z"
           /\ x' = 0
           /\ pc' = [pc EXCEPT ![self] = "Done"]

P(self) == a(self) \/ t(self) \/ e(self) \/ z(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..2: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
