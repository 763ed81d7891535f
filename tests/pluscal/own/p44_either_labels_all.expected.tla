---- MODULE p44_either_labels_all ----
EXTENDS Naturals
(* --algorithm ela
variables x = 0;
procedure Pr() begin
  pr1: x := x + 1;
       return;
end procedure;
begin
  e: either
       call Pr();
     or
       x := 5;
       goto f;
     or
       el: x := 6;
     end either;
  f: x := 0;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "92212cce" /\ chksum(tla) = "a8dd01e6")
VARIABLES pc, x, stack

vars == << pc, x, stack >>

Init == (* Global variables *)
        /\ x = 0
        /\ stack = << >>
        /\ pc = "e"

pr1 == /\ pc = "pr1"
       /\ x' = x + 1
       /\ pc' = Head(stack).pc
       /\ stack' = Tail(stack)

Pr == pr1

e == /\ pc = "e"
     /\ \/ /\ stack' = << [ procedure |->  "Pr",
                            pc        |->  "f" ] >>
                        \o stack
           /\ pc' = "pr1"
           /\ x' = x
        \/ /\ x' = 5
           /\ pc' = "f"
           /\ stack' = stack
        \/ /\ pc' = "el"
           /\ UNCHANGED <<x, stack>>

el == /\ pc = "el"
      /\ x' = 6
      /\ pc' = "f"
      /\ stack' = stack

f == /\ pc = "f"
     /\ x' = 0
     /\ pc' = "Done"
     /\ stack' = stack

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == Pr \/ e \/ el \/ f
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
