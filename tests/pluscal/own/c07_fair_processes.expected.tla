---- MODULE c07_fair_processes ----
EXTENDS Naturals
(* --algorithm cfair {
  variables x = 0;
  fair process (A = "a") {
    a1: x := x + 1;
    a2:- x := 0;
  }
  fair+ process (B \in {"b1", "b2"}) {
    b1: await x > 0;
    b2:+ x := x - 1;
  }
  process (C = "c") { c1: skip }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "bab34709" /\ chksum(tla) = "b6a38ad7")
VARIABLES pc, x

vars == << pc, x >>

ProcSet == {"a"} \cup ({"b1", "b2"}) \cup {"c"}

Init == (* Global variables *)
        /\ x = 0
        /\ pc = [self \in ProcSet |-> CASE self = "a" -> "a1"
                                        [] self \in {"b1", "b2"} -> "b1"
                                        [] self = "c" -> "c1"]

a1 == /\ pc["a"] = "a1"
      /\ x' = x + 1
      /\ pc' = [pc EXCEPT !["a"] = "a2"]

a2 == /\ pc["a"] = "a2"
      /\ x' = 0
      /\ pc' = [pc EXCEPT !["a"] = "Done"]

A == a1 \/ a2

b1(self) == /\ pc[self] = "b1"
            /\ x > 0
            /\ pc' = [pc EXCEPT ![self] = "b2"]
            /\ x' = x

b2(self) == /\ pc[self] = "b2"
            /\ x' = x - 1
            /\ pc' = [pc EXCEPT ![self] = "Done"]

B(self) == b1(self) \/ b2(self)

c1 == /\ pc["c"] = "c1"
      /\ TRUE
      /\ pc' = [pc EXCEPT !["c"] = "Done"]
      /\ x' = x

C == c1

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == A \/ C
           \/ (\E self \in {"b1", "b2"}: B(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ WF_vars((pc["a"] # "a2") /\ A)
        /\ \A self \in {"b1", "b2"} : SF_vars(B(self))

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
