---- MODULE p07_define ----
EXTENDS Naturals
(* --algorithm defs
variables x = 0, y = 0;
define
  Sum == x + y
  Bounded == Sum <= 10
  Double(v) == 2 * v
end define;
process P \in {1, 2}
begin
  p1: await Bounded;
      x := Double(x) + 1;
  p2: when Sum < 20;
      y := y + 1;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "c5e9b33" /\ chksum(tla) = "6f40ee77")
VARIABLES pc, x, y

(* define statement *)
Sum == x + y
Bounded == Sum <= 10
Double(v) == 2 * v


vars == << pc, x, y >>

ProcSet == ({1, 2})

Init == (* Global variables *)
        /\ x = 0
        /\ y = 0
        /\ pc = [self \in ProcSet |-> "p1"]

p1(self) == /\ pc[self] = "p1"
            /\ Bounded
            /\ x' = Double(x) + 1
            /\ pc' = [pc EXCEPT ![self] = "p2"]
            /\ y' = y

p2(self) == /\ pc[self] = "p2"
            /\ Sum < 20
            /\ y' = y + 1
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ x' = x

P(self) == p1(self) \/ p2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in {1, 2}: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
