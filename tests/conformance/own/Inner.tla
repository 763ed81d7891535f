---- MODULE Inner ----
EXTENDS Naturals
CONSTANT Limit
VARIABLE c
Big == CHOOSE n \in Nat : n > 1000
Step(n) == n + 1
Init == c = 0
Next == c < Limit /\ c' = Step(c)
TypeOK == c \in 0..Big
====
