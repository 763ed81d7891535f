---- MODULE Base ----
EXTENDS Naturals
CONSTANT N
VARIABLE x
vars == <<x>>
Init == x = 0
Inc == x < N /\ x' = x + 1
Reset == x = N /\ x' = 0
Next == Inc \/ Reset
Spec == Init /\ [][Next]_vars
FairSpec == Spec /\ WF_vars(Next)
Reaches == <>(x = N)
====
