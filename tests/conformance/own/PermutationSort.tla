---- MODULE PermutationSort ----
(* Membership in {p \in [D -> D] : P(p)} tests p, as TLC does, without enumerating [D -> D];
   \E over it enumerates. A sort that deadlocks when done. *)
EXTENDS Naturals, Sequences, FiniteSets
CONSTANT N
Input == [i \in 1..N |-> ((N + 1 - i) % N) + 1]
VARIABLE arr, done
Init == arr = Input /\ done = FALSE
Swap(i, j) == [arr EXCEPT ![i] = arr[j], ![j] = arr[i]]
Next == \/ \E i \in 1..N-1 : arr[i] > arr[i+1] /\ arr' = Swap(i, i+1) /\ UNCHANGED done
        \/ \A i \in 1..N-1 : arr[i] <= arr[i+1] /\ ~done /\ done' = TRUE /\ UNCHANGED arr
Perms(S) == {p \in [DOMAIN S -> DOMAIN S] : \A i, j \in DOMAIN S : i # j => p[i] # p[j]}
IsPermOf(s, t) == \E p \in Perms(s) : \A i \in DOMAIN s : s[i] = t[p[i]]
Sorted(s) == \A i \in 1..Len(s)-1 : s[i] <= s[i+1]
Inv == IsPermOf(arr, Input) /\ (done => Sorted(arr))
PermInv == [i \in 1..N |-> i] \in Perms(arr)
====
