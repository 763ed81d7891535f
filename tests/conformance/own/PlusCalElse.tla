---------------------------- MODULE PlusCalElse ----------------------------
(* A PlusCal algorithm the translator accepts and the grammar refuses: an   *)
(* `else` branch with only a comment. TLC never reads the algorithm.        *)
EXTENDS Naturals

CONSTANT Limit

(*--algorithm PlusCalElse
variables total = 0;

fair process worker \in {1, 2}
variables done = 0;
begin
Step:
  while done < Limit do
    if total < Limit then
      total := total + 1;
    else
      \* the other worker got there first
    end if;
    done := done + 1;
  end while;
end process;
end algorithm; *)
\* BEGIN TRANSLATION
VARIABLES pc, total, done

vars == << pc, total, done >>

ProcSet == ({1, 2})

Init == (* Global variables *)
        /\ total = 0
        (* Process worker *)
        /\ done = [self \in {1, 2} |-> 0]
        /\ pc = [self \in ProcSet |-> "Step"]

Step(self) == /\ pc[self] = "Step"
              /\ IF done[self] < Limit
                    THEN /\ IF total < Limit
                               THEN /\ total' = total + 1
                               ELSE /\ TRUE
                                    /\ total' = total
                         /\ done' = [done EXCEPT ![self] = done[self] + 1]
                         /\ pc' = [pc EXCEPT ![self] = "Step"]
                    ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                         /\ UNCHANGED << total, done >>

worker(self) == Step(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in {1, 2}: worker(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in {1, 2} : WF_vars(worker(self))

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION

AtMostLimit == total <= Limit
BelowLimit == total < Limit
=============================================================================
