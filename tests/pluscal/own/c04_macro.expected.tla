---- MODULE c04_macro ----
EXTENDS Naturals
(* --algorithm cmacro {
  variables sem = 1, inCs = 0;
  macro P(s) { await s > 0; s := s - 1 }
  macro V(s) { s := s + 1 }
  process (Proc \in 1..2) {
    l1: P(sem);
    cs: inCs := inCs + 1;
    l2: inCs := inCs - 1;
        V(sem);
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "65762cc4" /\ chksum(tla) = "d1d51ff9")
VARIABLES pc, sem, inCs

vars == << pc, sem, inCs >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ sem = 1
        /\ inCs = 0
        /\ pc = [self \in ProcSet |-> "l1"]

l1(self) == /\ pc[self] = "l1"
            /\ sem > 0
            /\ sem' = sem - 1
            /\ pc' = [pc EXCEPT ![self] = "cs"]
            /\ inCs' = inCs

cs(self) == /\ pc[self] = "cs"
            /\ inCs' = inCs + 1
            /\ pc' = [pc EXCEPT ![self] = "l2"]
            /\ sem' = sem

l2(self) == /\ pc[self] = "l2"
            /\ inCs' = inCs - 1
            /\ sem' = sem + 1
            /\ pc' = [pc EXCEPT ![self] = "Done"]

Proc(self) == l1(self) \/ cs(self) \/ l2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in 1..2: Proc(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
