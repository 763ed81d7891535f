---- MODULE p13_await_when ----
EXTENDS Naturals
(* --algorithm aw
variables turn = 1, done = {};
process Q \in 1..3
begin
  q1: await turn = self;
  q2: done := done \cup {self};
      turn := turn + 1;
  q3: when Cardinality(done) = 3;
end process;
end algorithm *)
====
