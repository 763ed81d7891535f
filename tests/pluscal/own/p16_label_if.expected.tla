---- MODULE p16_label_if ----
EXTENDS Naturals
(* --algorithm labif
variables x = 0, y = 0;
begin
  a: if x = 0 then
       x := 1;
       t1: y := 1;
       t2: y := 2;
     elsif x = 1 then
       e1: y := 3;
     else
       x := 5;
     end if;
  b: if y > 0 then
       skip;
     else
       el: x := 7;
     end if;
  c: y := 0;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "37a4ef21" /\ chksum(tla) = "98829bad")
VARIABLES pc, x, y

vars == << pc, x, y >>

Init == (* Global variables *)
        /\ x = 0
        /\ y = 0
        /\ pc = "a"

a == /\ pc = "a"
     /\ IF x = 0
           THEN /\ x' = 1
                /\ pc' = "t1"
           ELSE /\ IF x = 1
                      THEN /\ pc' = "e1"
                           /\ x' = x
                      ELSE /\ x' = 5
                           /\ pc' = "b"
     /\ y' = y

t1 == /\ pc = "t1"
      /\ y' = 1
      /\ pc' = "t2"
      /\ x' = x

t2 == /\ pc = "t2"
      /\ y' = 2
      /\ pc' = "b"
      /\ x' = x

e1 == /\ pc = "e1"
      /\ y' = 3
      /\ pc' = "b"
      /\ x' = x

b == /\ pc = "b"
     /\ IF y > 0
           THEN /\ TRUE
                /\ pc' = "c"
           ELSE /\ pc' = "el"
     /\ UNCHANGED << x, y >>

el == /\ pc = "el"
      /\ x' = 7
      /\ pc' = "c"
      /\ y' = y

c == /\ pc = "c"
     /\ y' = 0
     /\ pc' = "Done"
     /\ x' = x

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ t1 \/ t2 \/ e1 \/ b \/ el \/ c
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
