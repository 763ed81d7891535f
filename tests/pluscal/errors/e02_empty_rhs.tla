---- MODULE e02_empty_rhs ----
(* --algorithm e2 {
variables x = 0;
{ a: x := 1;
  b: x := ;
}
}*)
====
