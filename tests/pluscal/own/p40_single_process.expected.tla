---- MODULE p40_single_process ----
EXTENDS Naturals
(* --algorithm single
variables x = 0;
process Only = "only"
variable y = 0;
begin
  o1: y := y + 1;
  o2: x := y;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "dc407401" /\ chksum(tla) = "b1cc78d3")
VARIABLES pc, x, y

vars == << pc, x, y >>

ProcSet == {"only"}

Init == (* Global variables *)
        /\ x = 0
        (* Process Only *)
        /\ y = 0
        /\ pc = [self \in ProcSet |-> "o1"]

o1 == /\ pc["only"] = "o1"
      /\ y' = y + 1
      /\ pc' = [pc EXCEPT !["only"] = "o2"]
      /\ x' = x

o2 == /\ pc["only"] = "o2"
      /\ x' = y
      /\ pc' = [pc EXCEPT !["only"] = "Done"]
      /\ y' = y

Only == o1 \/ o2

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == Only
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
