---- MODULE p38_procedure_in_uni_nolabels_err ----
EXTENDS Naturals
(* --algorithm unilab
variables x = 0;
procedure P() begin
  x := x + 1;
  return;
end procedure;
begin
  call P();
  x := x * 2;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "a5c555a4" /\ chksum(tla) = "77370cf0")
VARIABLES pc, x, stack

vars == << pc, x, stack >>

Init == (* Global variables *)
        /\ x = 0
        /\ stack = << >>
        /\ pc = "Lbl_2"

Lbl_1 == /\ pc = "Lbl_1"
         /\ x' = x + 1
         /\ pc' = Head(stack).pc
         /\ stack' = Tail(stack)

P == Lbl_1

Lbl_2 == /\ pc = "Lbl_2"
         /\ stack' = << [ procedure |->  "P",
                          pc        |->  "Lbl_3" ] >>
                      \o stack
         /\ pc' = "Lbl_1"
         /\ x' = x

Lbl_3 == /\ pc = "Lbl_3"
         /\ x' = x * 2
         /\ pc' = "Done"
         /\ stack' = stack

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == P \/ Lbl_2 \/ Lbl_3
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
