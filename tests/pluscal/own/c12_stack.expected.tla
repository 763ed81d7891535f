---- MODULE c12_stack ----
EXTENDS Naturals
(* --algorithm cstk {
  variables depth = 0;
  procedure Rec(n)
    variable here = 0;
  {
    r1: here := n;
    r3: if (n > 0) {
          depth := depth + 1;
          call Rec(n - 1);
          r2: return;
        } else { return };
  }
  { m: call Rec(3);
    m2: depth := depth * 10;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "b28e535f" /\ chksum(tla) = "cb86f06")
CONSTANT defaultInitValue
VARIABLES pc, depth, stack, n, here

vars == << pc, depth, stack, n, here >>

Init == (* Global variables *)
        /\ depth = 0
        (* Procedure Rec *)
        /\ n = defaultInitValue
        /\ here = 0
        /\ stack = << >>
        /\ pc = "m"

r1 == /\ pc = "r1"
      /\ here' = n
      /\ pc' = "r3"
      /\ UNCHANGED << depth, stack, n >>

r3 == /\ pc = "r3"
      /\ IF n > 0
            THEN /\ depth' = depth + 1
                 /\ /\ n' = n - 1
                    /\ stack' = << [ procedure |->  "Rec",
                                     pc        |->  "r2",
                                     here      |->  here,
                                     n         |->  n ] >>
                                 \o stack
                 /\ here' = 0
                 /\ pc' = "r1"
            ELSE /\ pc' = Head(stack).pc
                 /\ here' = Head(stack).here
                 /\ n' = Head(stack).n
                 /\ stack' = Tail(stack)
                 /\ depth' = depth

r2 == /\ pc = "r2"
      /\ pc' = Head(stack).pc
      /\ here' = Head(stack).here
      /\ n' = Head(stack).n
      /\ stack' = Tail(stack)
      /\ depth' = depth

Rec == r1 \/ r3 \/ r2

m == /\ pc = "m"
     /\ /\ n' = 3
        /\ stack' = << [ procedure |->  "Rec",
                         pc        |->  "m2",
                         here      |->  here,
                         n         |->  n ] >>
                     \o stack
     /\ here' = 0
     /\ pc' = "r1"
     /\ depth' = depth

m2 == /\ pc = "m2"
      /\ depth' = depth * 10
      /\ pc' = "Done"
      /\ UNCHANGED << stack, n, here >>

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == Rec \/ m \/ m2
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
