---------------------------- MODULE PlusCalCounter ----------------------------
(***************************************************************************)
(* Processes add to a shared counter, as PlusCal specs are written: a      *)
(* lock taken with await, a procedure, a macro, either/or and with. With   *)
(* UseLock = FALSE the read and the write are not atomic and an update is  *)
(* lost (the invariant Correct fails).                                     *)
(***************************************************************************)
EXTENDS Naturals, Sequences, TLC

CONSTANTS N, UseLock

(* --algorithm Counter
variables counter = 0, lock = 0, log = <<>>;

macro Note(what) begin
  log := Append(log, what);
end macro;

procedure Bump(by)
variables old = 0;
begin
  Take:
    if UseLock then
      await lock = 0;
      lock := self;
    end if;
  ReadIt:
    old := counter;
  WriteIt:
    counter := old + by;
    if UseLock then lock := 0 end if;
    Note(<<self, by>>);
  Ret:
    return;
end procedure;

process Worker \in 1..N
variables step = 1;
begin
  Loop:
    while step <= 2 do
      either
        call Bump(1);
      or
        with k \in {1, 2} do
          step := step + k - 1;
        end with;
        call Bump(0);
      end either;
  Advance:
      step := step + 1;
    end while;
end process;
end algorithm; *)
\* BEGIN TRANSLATION
CONSTANT defaultInitValue
VARIABLES pc, counter, lock, log, stack, by, old, step

vars == << pc, counter, lock, log, stack, by, old, step >>

ProcSet == (1..N)

Init == (* Global variables *)
        /\ counter = 0
        /\ lock = 0
        /\ log = <<>>
        (* Procedure Bump *)
        /\ by = [ self \in ProcSet |-> defaultInitValue]
        /\ old = [ self \in ProcSet |-> 0]
        (* Process Worker *)
        /\ step = [self \in 1..N |-> 1]
        /\ stack = [self \in ProcSet |-> << >>]
        /\ pc = [self \in ProcSet |-> "Loop"]

Take(self) == /\ pc[self] = "Take"
              /\ IF UseLock
                    THEN /\ lock = 0
                         /\ lock' = self
                    ELSE /\ TRUE
                         /\ lock' = lock
              /\ pc' = [pc EXCEPT ![self] = "ReadIt"]
              /\ UNCHANGED << counter, log, stack, by, old, step >>

ReadIt(self) == /\ pc[self] = "ReadIt"
                /\ old' = [old EXCEPT ![self] = counter]
                /\ pc' = [pc EXCEPT ![self] = "WriteIt"]
                /\ UNCHANGED << counter, lock, log, stack, by, step >>

WriteIt(self) == /\ pc[self] = "WriteIt"
                 /\ counter' = old[self] + by[self]
                 /\ IF UseLock
                       THEN /\ lock' = 0
                       ELSE /\ TRUE
                            /\ lock' = lock
                 /\ log' = Append(log, (<<self, by[self]>>))
                 /\ pc' = [pc EXCEPT ![self] = "Ret"]
                 /\ UNCHANGED << stack, by, old, step >>

Ret(self) == /\ pc[self] = "Ret"
             /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
             /\ old' = [old EXCEPT ![self] = Head(stack[self]).old]
             /\ by' = [by EXCEPT ![self] = Head(stack[self]).by]
             /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]
             /\ UNCHANGED << counter, lock, log, step >>

Bump(self) == Take(self) \/ ReadIt(self) \/ WriteIt(self) \/ Ret(self)

Loop(self) == /\ pc[self] = "Loop"
              /\ IF step[self] <= 2
                    THEN /\ \/ /\ /\ by' = [by EXCEPT ![self] = 1]
                                  /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Bump",
                                                                           pc        |->  "Advance",
                                                                           old       |->  old[self],
                                                                           by        |->  by[self] ] >>
                                                                       \o stack[self]]
                               /\ old' = [old EXCEPT ![self] = 0]
                               /\ pc' = [pc EXCEPT ![self] = "Take"]
                               /\ step' = step
                            \/ /\ \E k \in {1, 2}:
                                    step' = [step EXCEPT ![self] = step[self] + k - 1]
                               /\ /\ by' = [by EXCEPT ![self] = 0]
                                  /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Bump",
                                                                           pc        |->  "Advance",
                                                                           old       |->  old[self],
                                                                           by        |->  by[self] ] >>
                                                                       \o stack[self]]
                               /\ old' = [old EXCEPT ![self] = 0]
                               /\ pc' = [pc EXCEPT ![self] = "Take"]
                    ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                         /\ UNCHANGED << stack, by, old, step >>
              /\ UNCHANGED << counter, lock, log >>

Advance(self) == /\ pc[self] = "Advance"
                 /\ step' = [step EXCEPT ![self] = step[self] + 1]
                 /\ pc' = [pc EXCEPT ![self] = "Loop"]
                 /\ UNCHANGED << counter, lock, log, stack, by, old >>

Worker(self) == Loop(self) \/ Advance(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in ProcSet: Bump(self))
           \/ (\E self \in 1..N: Worker(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION

Correct == (\A p \in 1..N : pc[p] = "Done") => counter = Len(SelectSeq(log, LAMBDA e : e[2] = 1))
LogBounded == Len(log) <= 2 * N
================================================================================
