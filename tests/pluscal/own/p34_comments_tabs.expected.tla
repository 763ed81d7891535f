---- MODULE p34_comments_tabs ----
EXTENDS Naturals
(***************************************************************************
--algorithm comm
variables x = 0;  \* a counter
	  y = 1;  (* tab-indented *)
begin
	a:	x := x + 1;	\* tabs between
	(* a comment (* nested *) here *)
	b:	y := y + x;
end algorithm
***************************************************************************)
\* BEGIN TRANSLATION (chksum(pcal) = "efa60ede" /\ chksum(tla) = "2db3a087")
VARIABLES pc, x, y

vars == << pc, x, y >>

Init == (* Global variables *)
        /\ x = 0
        /\ y = 1
        /\ pc = "a"

a == /\ pc = "a"
     /\ x' = x + 1
     /\ pc' = "b"
     /\ y' = y

b == /\ pc = "b"
     /\ y' = y + x
     /\ pc' = "Done"
     /\ x' = x

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == a \/ b
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
