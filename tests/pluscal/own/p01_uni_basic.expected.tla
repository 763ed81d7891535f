---------------------------- MODULE p01_uni_basic ----------------------------
EXTENDS Naturals
(* --algorithm basic
variables x = 0, y = 1, z \in {1, 2};
begin
  start: x := x + 1;
         y := y * 2;
  check: if x > 1 then
           x := 0;
         elsif y > 3 then
           y := 0;
         else
           skip;
         end if;
  loop:  while x < 3 do
           x := x + 1;
         end while;
  fin:   z := x + y;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "6f83a91b" /\ chksum(tla) = "65a50ffc")
VARIABLES pc, x, y, z

vars == << pc, x, y, z >>

Init == (* Global variables *)
        /\ x = 0
        /\ y = 1
        /\ z \in {1, 2}
        /\ pc = "start"

start == /\ pc = "start"
         /\ x' = x + 1
         /\ y' = y * 2
         /\ pc' = "check"
         /\ z' = z

check == /\ pc = "check"
         /\ IF x > 1
               THEN /\ x' = 0
                    /\ y' = y
               ELSE /\ IF y > 3
                          THEN /\ y' = 0
                          ELSE /\ TRUE
                               /\ y' = y
                    /\ x' = x
         /\ pc' = "loop"
         /\ z' = z

loop == /\ pc = "loop"
        /\ IF x < 3
              THEN /\ x' = x + 1
                   /\ pc' = "loop"
              ELSE /\ pc' = "fin"
                   /\ x' = x
        /\ UNCHANGED << y, z >>

fin == /\ pc = "fin"
       /\ z' = x + y
       /\ pc' = "Done"
       /\ UNCHANGED << x, y >>

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == start \/ check \/ loop \/ fin
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
=============================================================================
