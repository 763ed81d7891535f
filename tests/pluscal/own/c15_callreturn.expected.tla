---- MODULE c15_callreturn ----
EXTENDS Naturals
(* --algorithm ccr {
  variables x = 0;
  procedure Inner(v) { in1: x := x + v; return }
  procedure Outer(v) { out1: call Inner(v); return }
  procedure Jumper() { j1: call Inner(1); goto j2; j0: skip; j2: return }
  { a: call Outer(2);
    b: call Jumper();
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "43ba76c7" /\ chksum(tla) = "6588d0df")
\* Parameter v of procedure Inner at line 5 col 19 changed to v_
CONSTANT defaultInitValue
VARIABLES pc, x, stack, v_, v

vars == << pc, x, stack, v_, v >>

Init == (* Global variables *)
        /\ x = 0
        (* Procedure Inner *)
        /\ v_ = defaultInitValue
        (* Procedure Outer *)
        /\ v = defaultInitValue
        /\ stack = << >>
        /\ pc = "a"

in1 == /\ pc = "in1"
       /\ x' = x + v_
       /\ pc' = Head(stack).pc
       /\ v_' = Head(stack).v_
       /\ stack' = Tail(stack)
       /\ v' = v

Inner == in1

out1 == /\ pc = "out1"
        /\ /\ stack' = << [ procedure |->  "Inner",
                            pc        |->  Head(stack).pc,
                            v_        |->  v_ ] >>
                        \o Tail(stack)
           /\ v_' = v
        /\ pc' = "in1"
        /\ UNCHANGED << x, v >>

Outer == out1

j1 == /\ pc = "j1"
      /\ /\ stack' = << [ procedure |->  "Inner",
                          pc        |->  "j2",
                          v_        |->  v_ ] >>
                      \o stack
         /\ v_' = 1
      /\ pc' = "in1"
      /\ UNCHANGED << x, v >>

j0 == /\ pc = "j0"
      /\ TRUE
      /\ pc' = "j2"
      /\ UNCHANGED << x, stack, v_, v >>

j2 == /\ pc = "j2"
      /\ pc' = Head(stack).pc
      /\ stack' = Tail(stack)
      /\ UNCHANGED << x, v_, v >>

Jumper == j1 \/ j0 \/ j2

a == /\ pc = "a"
     /\ /\ stack' = << [ procedure |->  "Outer",
                         pc        |->  "b",
                         v         |->  v ] >>
                     \o stack
        /\ v' = 2
     /\ pc' = "out1"
     /\ UNCHANGED << x, v_ >>

b == /\ pc = "b"
     /\ stack' = << [ procedure |->  "Jumper",
                      pc        |->  "Done" ] >>
                  \o stack
     /\ pc' = "j1"
     /\ UNCHANGED << x, v_, v >>

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == Inner \/ Outer \/ Jumper \/ a \/ b
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
