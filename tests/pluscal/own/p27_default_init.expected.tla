---- MODULE p27_default_init ----
EXTENDS Naturals
(* --algorithm definit
variables x, y = 0;
procedure Pr(p)
variable loc;
begin
  r1: loc := p;
      x := loc;
  r2: return;
end procedure;
begin
  a: call Pr(3);
  b: y := x;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "20f4bc5c" /\ chksum(tla) = "e751eb")
CONSTANT defaultInitValue
VARIABLES pc, x, y, stack, p, loc

vars == << pc, x, y, stack, p, loc >>

Init == (* Global variables *)
        /\ x = defaultInitValue
        /\ y = 0
        (* Procedure Pr *)
        /\ p = defaultInitValue
        /\ loc = defaultInitValue
        /\ stack = << >>
        /\ pc = "a"

r1 == /\ pc = "r1"
      /\ loc' = p
      /\ x' = loc'
      /\ pc' = "r2"
      /\ UNCHANGED << y, stack, p >>

r2 == /\ pc = "r2"
      /\ pc' = Head(stack).pc
      /\ loc' = Head(stack).loc
      /\ p' = Head(stack).p
      /\ stack' = Tail(stack)
      /\ UNCHANGED << x, y >>

Pr == r1 \/ r2

a == /\ pc = "a"
     /\ /\ p' = 3
        /\ stack' = << [ procedure |->  "Pr",
                         pc        |->  "b",
                         loc       |->  loc,
                         p         |->  p ] >>
                     \o stack
     /\ loc' = defaultInitValue
     /\ pc' = "r1"
     /\ UNCHANGED << x, y >>

b == /\ pc = "b"
     /\ y' = x
     /\ pc' = "Done"
     /\ UNCHANGED << x, stack, p, loc >>

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == Pr \/ a \/ b
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
