\* pcal-args: -lineWidth 60
---- MODULE p36_lineWidth ----
EXTENDS Naturals
(* --algorithm lw
variables alpha = 0, beta = 0, gamma = 0, delta = 0, epsilon = 0, zeta = 0;
process LongProcessName \in {"first", "second", "third"}
variables localOne = 1, localTwo = 2;
begin
  l1: alpha := alpha + localOne || beta := beta + localTwo;
  l2: gamma := alpha + beta + localOne + localTwo + delta + epsilon + zeta;
end process;
end algorithm *)
====
