---- MODULE MajorityLike ----
(* `Seq <- BoundedSeq` in the .cfg replaces the library's Seq in a module reached through an
   unnamed INSTANCE, as in the corpus's Majority. *)
EXTENDS Integers
CONSTANT bound
Value == {"a", "b"}
BoundedSeq(S) == UNION {[1 .. n -> S] : n \in 0 .. bound}
VARIABLES seq, i
INSTANCE SeqScan
====
