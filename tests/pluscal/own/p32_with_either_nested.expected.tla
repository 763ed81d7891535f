---- MODULE p32_with_either_nested ----
EXTENDS Naturals
(* --algorithm wen
variables x = 0, msgs = {1, 2};
process P \in {"a", "b"}
begin
  n1: with m \in msgs do
        either x := m;
        or     x := m + 10;
        end either;
        msgs := msgs \ {m};
      end with;
  n2: if x > 5 then
        with k = x - 5 do x := k end with;
      else
        either x := 0 or skip end either;
      end if;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "c2d16e8d" /\ chksum(tla) = "adc1cfb0")
VARIABLES pc, x, msgs

vars == << pc, x, msgs >>

ProcSet == ({"a", "b"})

Init == (* Global variables *)
        /\ x = 0
        /\ msgs = {1, 2}
        /\ pc = [self \in ProcSet |-> "n1"]

n1(self) == /\ pc[self] = "n1"
            /\ \E m \in msgs:
                 /\ \/ /\ x' = m
                    \/ /\ x' = m + 10
                 /\ msgs' = msgs \ {m}
            /\ pc' = [pc EXCEPT ![self] = "n2"]

n2(self) == /\ pc[self] = "n2"
            /\ IF x > 5
                  THEN /\ LET k == x - 5 IN
                            x' = k
                  ELSE /\ \/ /\ x' = 0
                          \/ /\ TRUE
                             /\ x' = x
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ msgs' = msgs

P(self) == n1(self) \/ n2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in {"a", "b"}: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
