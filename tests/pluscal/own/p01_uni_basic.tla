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
=============================================================================
