---- MODULE RefinedCounter ----
(* SPECIFICATION reached through a named instance with substitutions (Spec == B!FairSpec), and a
   liveness property of the instance. *)
EXTENDS Naturals
CONSTANT Max
VARIABLE y
B == INSTANCE Base WITH N <- Max, x <- y
Spec == B!FairSpec
Inv == y <= Max
Live == B!Reaches
NeverMax == [](y < Max)
====
