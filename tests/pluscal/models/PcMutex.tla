---- MODULE PcMutex ----
EXTENDS Naturals
(* Peterson's algorithm for two processes, fair: mutual exclusion and starvation freedom. *)
(* --algorithm PcMutex
variables flag = [i \in {0, 1} |-> FALSE], turn = 0;
fair process P \in {0, 1}
begin
  ncs: while TRUE do
    e1:  flag[self] := TRUE;
    e2:  turn := 1 - self;
    e3:  await ~flag[1 - self] \/ turn = self;
    cs:  skip;
    ex:  flag[self] := FALSE;
       end while;
end process;
end algorithm *)
MutEx == ~(pc[0] = "cs" /\ pc[1] = "cs")
Progress == \A i \in {0, 1} : (pc[i] = "e1") ~> (pc[i] = "cs")
====
