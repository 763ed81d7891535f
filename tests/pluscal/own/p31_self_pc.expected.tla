---- MODULE p31_self_pc ----
EXTENDS Naturals
CONSTANT Procs
(* --algorithm selfpc
variables owner = 0, visits = [p \in Procs |-> 0];
process Proc \in Procs
variable mine = 0;
begin
  s1: await owner = 0;
      owner := self;
  s2: visits[self] := visits[self] + 1;
      mine := visits[self];
  s3: if \A q \in Procs : pc[q] # "s1" then owner := 0 else owner := 0 end if;
end process;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "e39b71a7" /\ chksum(tla) = "bb38426f")
VARIABLES pc, owner, visits, mine

vars == << pc, owner, visits, mine >>

ProcSet == (Procs)

Init == (* Global variables *)
        /\ owner = 0
        /\ visits = [p \in Procs |-> 0]
        (* Process Proc *)
        /\ mine = [self \in Procs |-> 0]
        /\ pc = [self \in ProcSet |-> "s1"]

s1(self) == /\ pc[self] = "s1"
            /\ owner = 0
            /\ owner' = self
            /\ pc' = [pc EXCEPT ![self] = "s2"]
            /\ UNCHANGED << visits, mine >>

s2(self) == /\ pc[self] = "s2"
            /\ visits' = [visits EXCEPT ![self] = visits[self] + 1]
            /\ mine' = [mine EXCEPT ![self] = visits'[self]]
            /\ pc' = [pc EXCEPT ![self] = "s3"]
            /\ owner' = owner

s3(self) == /\ pc[self] = "s3"
            /\ IF \A q \in Procs : pc[q] # "s1"
                  THEN /\ owner' = 0
                  ELSE /\ owner' = 0
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << visits, mine >>

Proc(self) == s1(self) \/ s2(self) \/ s3(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in Procs: Proc(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 
====
