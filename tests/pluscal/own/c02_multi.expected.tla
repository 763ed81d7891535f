---- MODULE c02_multi ----
EXTENDS Naturals
(* --algorithm cmulti {
  variables count = 0;
  process (Writer = 0)
    variable v = 1;
  {
    w1: count := count + v;
    w2: v := count;
  }
  process (Reader \in 1..2)
    variables r = 0, q;
  {
    r1: r := count;
    r2: q := r + self;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "e2cf1044" /\ chksum(tla) = "91eb2eb8")
CONSTANT defaultInitValue
VARIABLES pc, count, v, r, q

vars == << pc, count, v, r, q >>

ProcSet == {0} \cup (1..2)

Init == (* Global variables *)
        /\ count = 0
        (* Process Writer *)
        /\ v = 1
        (* Process Reader *)
        /\ r = [self \in 1..2 |-> 0]
        /\ q = [self \in 1..2 |-> defaultInitValue]
        /\ pc = [self \in ProcSet |-> CASE self = 0 -> "w1"
                                        [] self \in 1..2 -> "r1"]

w1 == /\ pc[0] = "w1"
      /\ count' = count + v
      /\ pc' = [pc EXCEPT ![0] = "w2"]
      /\ UNCHANGED << v, r, q >>

w2 == /\ pc[0] = "w2"
      /\ v' = count
      /\ pc' = [pc EXCEPT ![0] = "Done"]
      /\ UNCHANGED << count, r, q >>

Writer == w1 \/ w2

r1(self) == /\ pc[self] = "r1"
            /\ r' = [r EXCEPT ![self] = count]
            /\ pc' = [pc EXCEPT ![self] = "r2"]
            /\ UNCHANGED << count, v, q >>

r2(self) == /\ pc[self] = "r2"
            /\ q' = [q EXCEPT ![self] = r[self] + self]
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << count, v, r >>

Reader(self) == r1(self) \/ r2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == Writer
           \/ (\E self \in 1..2: Reader(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
