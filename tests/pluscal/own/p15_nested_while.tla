---- MODULE p15_nested_while ----
EXTENDS Naturals
(* --algorithm nested
variables i = 0, j = 0, s = 0;
begin
  outer: while i < 2 do
           j := 0;
           inner: while j < 2 do
                    s := s + i * j;
                    j := j + 1;
                  end while;
           incr: i := i + 1;
         end while;
  after: s := s + 100;
end algorithm *)
====
