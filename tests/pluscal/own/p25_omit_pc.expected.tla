---- MODULE p25_omit_pc ----
EXTENDS Naturals
(* --algorithm omitpc
variables x = 0;
fair process P \in 1..2
begin
  loop: while TRUE do
          x := (x + 1) % 5;
        end while;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "c7f8690e" /\ chksum(tla) = "cec9823c")
VARIABLE x

vars == << x >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ x = 0

P(self) == x' = (x + 1) % 5

Next == (\E self \in 1..2: P(self))

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in 1..2 : WF_vars(P(self))

\* END TRANSLATION 
====
