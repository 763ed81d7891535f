---- MODULE p30_block_no_checksum ----
EXTENDS Naturals
(* --algorithm nochk
variables x = 0;
begin
  a: x := x + 1;
end algorithm *)

\* Some text between.

\* BEGIN TRANSLATION
stale stuff
\* END TRANSLATION
THEOREM TRUE
====
