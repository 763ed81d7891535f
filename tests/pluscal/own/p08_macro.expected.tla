---- MODULE p08_macro ----
EXTENDS Naturals, Sequences
(* --algorithm macros
variables queue = <<>>, got = 0;
macro send(v) begin
  queue := Append(queue, v);
end macro;
macro recv(into) begin
  await queue # <<>>;
  into := Head(queue);
  queue := Tail(queue);
end macro;
macro twice(v) begin
  send(v + v);
end macro;
begin
  s1: send(1);
  s2: twice(5);
  r1: recv(got);
  r2: recv(got);
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "38b61a6c" /\ chksum(tla) = "4233e7e6")
VARIABLES pc, queue, got

vars == << pc, queue, got >>

Init == (* Global variables *)
        /\ queue = <<>>
        /\ got = 0
        /\ pc = "s1"

s1 == /\ pc = "s1"
      /\ queue' = Append(queue, 1)
      /\ pc' = "s2"
      /\ got' = got

s2 == /\ pc = "s2"
      /\ queue' = Append(queue, (5 + 5))
      /\ pc' = "r1"
      /\ got' = got

r1 == /\ pc = "r1"
      /\ queue # <<>>
      /\ got' = Head(queue)
      /\ queue' = Tail(queue)
      /\ pc' = "r2"

r2 == /\ pc = "r2"
      /\ queue # <<>>
      /\ got' = Head(queue)
      /\ queue' = Tail(queue)
      /\ pc' = "Done"

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == s1 \/ s2 \/ r1 \/ r2
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
