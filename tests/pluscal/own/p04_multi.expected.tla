---- MODULE p04_multi ----
EXTENDS Naturals
CONSTANT N
(* --algorithm multi
variables count = 0, flags = [i \in 1..N |-> FALSE];
process Main = 0
variable seen = 0;
begin
  m1: seen := count;
  m2: count := seen + 1;
end process;
process Worker \in 1..N
variables mine = self, tmp;
begin
  w1: flags[self] := TRUE;
  w2: tmp := mine + count;
      count := tmp;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "e98bae8f" /\ chksum(tla) = "c2433d08")
CONSTANT defaultInitValue
VARIABLES pc, count, flags, seen, mine, tmp

vars == << pc, count, flags, seen, mine, tmp >>

ProcSet == {0} \cup (1..N)

Init == (* Global variables *)
        /\ count = 0
        /\ flags = [i \in 1..N |-> FALSE]
        (* Process Main *)
        /\ seen = 0
        (* Process Worker *)
        /\ mine = [self \in 1..N |-> self]
        /\ tmp = [self \in 1..N |-> defaultInitValue]
        /\ pc = [self \in ProcSet |-> CASE self = 0 -> "m1"
                                        [] self \in 1..N -> "w1"]

m1 == /\ pc[0] = "m1"
      /\ seen' = count
      /\ pc' = [pc EXCEPT ![0] = "m2"]
      /\ UNCHANGED << count, flags, mine, tmp >>

m2 == /\ pc[0] = "m2"
      /\ count' = seen + 1
      /\ pc' = [pc EXCEPT ![0] = "Done"]
      /\ UNCHANGED << flags, seen, mine, tmp >>

Main == m1 \/ m2

w1(self) == /\ pc[self] = "w1"
            /\ flags' = [flags EXCEPT ![self] = TRUE]
            /\ pc' = [pc EXCEPT ![self] = "w2"]
            /\ UNCHANGED << count, seen, mine, tmp >>

w2(self) == /\ pc[self] = "w2"
            /\ tmp' = [tmp EXCEPT ![self] = mine[self] + count]
            /\ count' = tmp'[self]
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << flags, seen, mine >>

Worker(self) == w1(self) \/ w2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == Main
           \/ (\E self \in 1..N: Worker(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
