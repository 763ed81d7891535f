---- MODULE p29_existing_block ----
EXTENDS Naturals
(* --algorithm exist
variables x = 0;
begin
  a: x := x + 1;
  b: x := x * 3;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "12345678" /\ chksum(tla) = "deadbeef")
VARIABLES x, pc
Old == TRUE
\* END TRANSLATION

Inv == x < 10
====
