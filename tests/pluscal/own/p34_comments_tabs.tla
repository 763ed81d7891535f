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
====
