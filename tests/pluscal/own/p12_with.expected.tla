---- MODULE p12_with ----
EXTENDS Naturals
(* --algorithm withs
variables x = 0, s = {1, 2, 3};
begin
  w1: with v \in s do
        x := v;
      end with;
  w2: with a = 2, b \in {4, 5} do
        x := x + a + b;
        s := s \ {a};
      end with;
  w3: with c \in s; d = c * 2 do
        x := d;
      end with;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "78a0bfdb" /\ chksum(tla) = "29c8f388")
VARIABLES pc, x, s

vars == << pc, x, s >>

Init == (* Global variables *)
        /\ x = 0
        /\ s = {1, 2, 3}
        /\ pc = "w1"

w1 == /\ pc = "w1"
      /\ \E v \in s:
           x' = v
      /\ pc' = "w2"
      /\ s' = s

w2 == /\ pc = "w2"
      /\ LET a == 2 IN
           \E b \in {4, 5}:
             /\ x' = x + a + b
             /\ s' = s \ {a}
      /\ pc' = "w3"

w3 == /\ pc = "w3"
      /\ \E c \in s:
           LET d == c * 2 IN
             x' = d
      /\ pc' = "Done"
      /\ s' = s

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == w1 \/ w2 \/ w3
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
